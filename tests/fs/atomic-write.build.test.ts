import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/lib/fs/atomic-write.ts';

const crashScript = join(import.meta.dirname, '../fixtures/log/crash-before-rename.ts');
const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const ORIGINAL = 'date,distance\n2026-11-01,5\n';
const NEW = `${ORIGINAL}2026-11-02,6\n`;

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
  file = join(dir, 'runs.csv');
  writeFileSync(file, ORIGINAL);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its permissions, leaves no temp file', async () => {
    chmodSync(file, 0o600);
    await writeFileAtomic(file, NEW);
    expect(readFileSync(file, 'utf8')).toBe(NEW);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['runs.csv']);
  });

  it('writes bytes as they are, not as text', async () => {
    const bytes = Buffer.from('date,title\n2026-11-01,Caf\xe9\n', 'latin1');
    await writeFileAtomic(file, bytes);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('writes through a symbolic link: the target is replaced, the link stays', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const target = join(elsewhere, 'real.csv');
    writeFileSync(target, ORIGINAL);
    chmodSync(target, 0o640);
    const link = join(dir, 'linked.csv');
    symlinkSync('elsewhere/real.csv', link);
    await writeFileAtomic(link, NEW);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(elsewhere)).toEqual(['real.csv']);
  });

  it('creates a missing file', async () => {
    const fresh = join(dir, 'new.csv');
    await writeFileAtomic(fresh, NEW);
    expect(readFileSync(fresh, 'utf8')).toBe(NEW);
  });

  it('a write that fails half-way (disk full) leaves the original intact and cleans up', async () => {
    const before = hash(file);
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(
      writeFileAtomic(file, NEW, {
        async write(handle, data) {
          await handle.writeFile(data.slice(0, 5));
          throw diskFull;
        },
      }),
    ).rejects.toThrow(/ENOSPC/);
    expect(hash(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['runs.csv']);
  });

  it('a failing rename leaves the original intact and cleans up', async () => {
    const before = hash(file);
    await expect(writeFileAtomic(file, NEW, { rename: async () => Promise.reject(new Error('EXDEV')) })).rejects.toThrow('EXDEV');
    expect(hash(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['runs.csv']);
  });

  it('a process killed between write and rename leaves the original intact', async () => {
    const before = hash(file);
    const child = spawn(process.execPath, [crashScript, file, NEW], { stdio: ['ignore', 'pipe', 'pipe'] });
    const temp = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /^ready (.+)$/m.exec(out);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${err}`)));
    });
    // The new text is fully on disk in the temp file: the crash happens at the worst moment.
    expect(readFileSync(temp, 'utf8')).toBe(NEW);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(hash(file)).toBe(before);
    // The leftover is hidden and not a .csv, so the journal reader never reads it.
    const leftovers = readdirSync(dir).filter((name) => name !== 'runs.csv');
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.runs\.csv\..*\.tmp$/);
  });
});
