// Several `log`s on one journal at once: each run is kept, each at the line it was told. The lock
// that serialises them never outlives its process for good.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logRun } from '../../src/lib/log/log-run.ts';
import type { LogReport } from '../../src/lib/log/log-report.ts';

const repoRoot = join(import.meta.dirname, '../..');
const HEADER = 'date,distance,time,title\n';
const FIRST = '2026-10-01,5,30:00,First\n';
const env = { defaultData: 'data', journalToday: null, now: new Date('2026-11-20T12:00:00Z') };

let scratch: string;
let data: string;
let csv: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'log-lock-'));
  data = join(scratch, 'data');
  mkdirSync(data);
  csv = join(data, 'runs.csv');
  writeFileSync(csv, `${HEADER}${FIRST}`);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function runLog(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/log.ts'), ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The pid of a process that has exited: a lock it held is one left by a crash. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function lockText(pid: number): string {
  return `pid ${pid}\nhost ${hostname()}\nsince ${new Date().toISOString()}\ntoken 0123456789abcdef\n`;
}

describe('ten logs started at once', () => {
  it('keep ten runs, each reported at its true line', async () => {
    const days = Array.from({ length: 10 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    const results = await Promise.all(days.map((day, i) => runLog(['--data', data, day, `${i + 1}km`, `${20 + i}:00`, `Run number ${i + 1}`, '--json'])));
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    const lines = readFileSync(csv, 'utf8').split('\n');
    expect(lines.slice(0, 2).join('\n')).toBe(`${HEADER}${FIRST}`.trimEnd());
    expect(lines.length).toBe(2 + 10 + 1);
    const reported = results.map((result) => (JSON.parse(result.stdout) as LogReport).line);
    expect([...reported].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    days.forEach((day, i) => expect(lines[reported[i]! - 1]).toBe(`${day},${i + 1}km,${20 + i}:00,Run number ${i + 1}`));
    expect(readdirSync(data)).toEqual(['runs.csv']);
  }, 180_000);
});

describe('the lock file', () => {
  it('held by a live log makes another wait, then refuse with who holds it, writing nothing', async () => {
    const held = lockText(process.pid);
    writeFileSync(`${csv}.lock`, held);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], { ...env, lock: { timeoutMs: 300 } });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(new RegExp(`runs\\.csv: another log is writing it: process ${process.pid} on .* holds runs\\.csv\\.lock`));
    expect(outcome.stderr).toMatch(/nothing was written/);
    expect(readFileSync(csv, 'utf8')).toBe(`${HEADER}${FIRST}`);
    // Not ours to remove.
    expect(readFileSync(`${csv}.lock`, 'utf8')).toBe(held);
  });

  it('left by a process that is gone is broken, and the run logged', async () => {
    writeFileSync(`${csv}.lock`, lockText(deadPid()));
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], { ...env, lock: { timeoutMs: 5_000 } });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(`${HEADER}${FIRST}2026-10-02,6,,\n`);
    expect(existsSync(`${csv}.lock`)).toBe(false);
    expect(readdirSync(data)).toEqual(['runs.csv']);
  });

  it('far older than any log takes is broken even if its process id is in use again', async () => {
    writeFileSync(`${csv}.lock`, lockText(process.pid));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(`${csv}.lock`, anHourAgo, anHourAgo);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], { ...env, lock: { timeoutMs: 5_000 } });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(`${HEADER}${FIRST}2026-10-02,6,,\n`);
    expect(existsSync(`${csv}.lock`)).toBe(false);
  });

  it('being written (empty) is waited for, not broken', async () => {
    writeFileSync(`${csv}.lock`, '');
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], { ...env, lock: { timeoutMs: 300 } });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/another process holds runs\.csv\.lock/);
    expect(readFileSync(csv, 'utf8')).toBe(`${HEADER}${FIRST}`);
  });
});
