// What `log` does to the file it writes, whatever that file is: bytes that are not UTF-8, a symbolic
// link, a file with its own owner and mode, a read-only file or folder. Journals made by each test.
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { logRun } from '../../src/lib/log/log-run.ts';

const HEADER = 'date,distance,title\n';
const env = { defaultData: 'data', journalToday: null, now: new Date('2026-11-20T12:00:00Z') };

let scratch: string;
let data: string;
let csv: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'log-files-'));
  data = join(scratch, 'data');
  mkdirSync(data);
  csv = join(data, 'runs.csv');
});
afterEach(() => {
  // A read-only folder must be made writable again to be removed.
  for (const dir of [data, scratch]) chmodSync(dir, 0o755);
  rmSync(scratch, { recursive: true, force: true });
});

describe('bytes that are not UTF-8', () => {
  it.each([
    ['a Latin-1 line with a final newline', Buffer.from(`${HEADER}2026-10-01,5,Caf\xe9\n`, 'latin1'), '2026-10-02,6,Next\n'],
    ['a Latin-1 last line without a final newline', Buffer.from(`${HEADER}2026-10-01,5,Caf\xe9`, 'latin1'), '\n2026-10-02,6,Next'],
    ['a cut-off UTF-8 sequence and a Windows-1252 quote', Buffer.concat([Buffer.from(`${HEADER}2026-10-01,5,`), Buffer.from([0x93, 0x68, 0x69, 0x94, 0xc3]), Buffer.from('\n')]), '2026-10-02,6,Next\n'],
  ])('%s: every earlier byte stays, the run is appended after them', async (_label, original, added) => {
    writeFileSync(csv, original);
    const outcome = await logRun(['--data', data, '2026-10-02', '6', '--title', 'Next', '--json'], env);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    const after = readFileSync(csv);
    expect(after.subarray(0, original.length).equals(original)).toBe(true);
    expect(after.subarray(original.length).toString('utf8')).toBe(added);
    expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ line: 3, run: { date: '2026-10-02', distance: 6000, title: 'Next' } });
  });
});

describe('a symbolic link', () => {
  it('is refused, naming the link: the journal never reads through links, so the run would count nowhere', async () => {
    const elsewhere = join(scratch, 'synced');
    mkdirSync(elsewhere);
    const target = join(elsewhere, 'my-runs.csv');
    writeFileSync(target, `${HEADER}2026-10-01,5,First\n`);
    symlinkSync('../synced/my-runs.csv', csv);

    const outcome = await logRun(['--data', data, '2026-10-02', '6', 'Second run'], env);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/runs\.csv: expected the journal file itself, not a symbolic link .*nothing was written/);
    expect(lstatSync(csv).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(`${HEADER}2026-10-01,5,First\n`);
    // Nothing left beside either: no copy, no lock.
    expect(readdirSync(data)).toEqual(['runs.csv']);
    expect(readdirSync(elsewhere)).toEqual(['my-runs.csv']);
    // And check says why the link's runs do not count.
    const journal = await readJournal(data);
    expect(journal.runs).toEqual([]);
    expect(journal.warnings.map((w) => w.message).join('\n')).toMatch(/symbolic link/);
  });

  it('that leads nowhere is refused, and not replaced', async () => {
    symlinkSync('../gone/runs.csv', csv);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], env);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/runs\.csv: expected the journal file itself, not a symbolic link .*nothing was written/);
    expect(lstatSync(csv).isSymbolicLink()).toBe(true);
  });
});

describe('owner and permissions', () => {
  it('keeps the file\'s mode', async () => {
    writeFileSync(csv, `${HEADER}2026-10-01,5,First\n`);
    chmodSync(csv, 0o640);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], env);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(statSync(csv).mode & 0o7777).toBe(0o640);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the file\'s owner and group (as root, which may give any)', async () => {
    writeFileSync(csv, `${HEADER}2026-10-01,5,First\n`);
    chownSync(csv, 4242, 4343);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], env);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/2026-10-02,6,\n$/);
    expect([statSync(csv).uid, statSync(csv).gid]).toEqual([4242, 4343]);
  });

  it('refuses a read-only file, changing nothing', async () => {
    writeFileSync(csv, `${HEADER}2026-10-01,5,First\n`);
    chmodSync(csv, 0o444);
    const before = statSync(csv);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], env);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/runs\.csv: the file is read-only \(mode 0444\); make it writable \(chmod u\+w\) to log to it; nothing was written/);
    const after = statSync(csv);
    expect([after.ino, after.mode, after.uid, after.gid, after.mtimeMs]).toEqual([before.ino, before.mode, before.uid, before.gid, before.mtimeMs]);
    expect(readFileSync(csv, 'utf8')).toBe(`${HEADER}2026-10-01,5,First\n`);
    expect(readdirSync(data)).toEqual(['runs.csv']);
  });

  it('refuses a read-only folder the same way', async () => {
    writeFileSync(csv, `${HEADER}2026-10-01,5,First\n`);
    chmodSync(data, 0o555);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], env);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/runs\.csv: its folder is read-only \(mode 0555\); .*nothing was written/);
    expect(readFileSync(csv, 'utf8')).toBe(`${HEADER}2026-10-01,5,First\n`);
    expect(readdirSync(data)).toEqual(['runs.csv']);
  });

  it('refuses a hard-linked file, naming why: a swapped-in copy would leave the other name with the old runs', async () => {
    writeFileSync(csv, `${HEADER}2026-10-01,5,First\n`);
    const other = join(scratch, 'backup-runs.csv');
    linkSync(csv, other);
    const outcome = await logRun(['--data', data, '2026-10-02', '6'], env);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/runs\.csv: it is hard-linked \(2 names for one file\), .*the others would keep the old runs; .*nothing was written/);
    // Still one file under two names, unchanged.
    expect(statSync(csv).ino).toBe(statSync(other).ino);
    expect(statSync(csv).nlink).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe(`${HEADER}2026-10-01,5,First\n`);
    expect(readdirSync(data)).toEqual(['runs.csv']);
  });
});
