// `npm run log` on real files in temp copies of a fixture journal, run as a process like a runner
// would, and compared with what `wins` and `check` say about the same files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logRun, todayIn } from '../../src/lib/log/log-run.ts';
import type { LogReport } from '../../src/lib/log/log-report.ts';

const repoRoot = join(import.meta.dirname, '../..');
const fixture = join(import.meta.dirname, '../fixtures/log/journal');

function node(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file of the folder with its hash: "nothing written" means this is unchanged. */
function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = sha(join(entry.parentPath, entry.name));
  }
  return out;
}

function winSlugs(data: string): string[] {
  const result = node('wins.ts', ['--json', '--data', data]);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as Array<{ slug: string; title: string }>).map((w) => `${w.slug} ${w.title}`);
}

let scratch: string;
let data: string;
let csv: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'log-command-'));
  data = join(scratch, 'data');
  cpSync(fixture, data, { recursive: true });
  csv = join(data, 'runs.csv');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run log, as a process', () => {
  it('appends the row byte-safely and reports exactly the wins `wins` gains', () => {
    const original = readFileSync(csv);
    const before = winSlugs(data);
    const result = node('log.ts', ['--data', data, '2026-11-20', '10.2km', '52:10', 'Easy river loop', '--feeling', '2', '--nonstop', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as LogReport;

    const after = readFileSync(csv);
    expect(after.subarray(0, original.length).equals(original)).toBe(true);
    expect(after.subarray(original.length).toString()).toBe('2026-11-20,10.2km,52:10,Easy river loop,yes,2,,\n');
    expect(report.line).toBe(11);
    expect(report.run).toMatchObject({ id: '2026-11-20', date: '2026-11-20', distance: 10200, time: 3130 });

    const gained = winSlugs(data).filter((w) => !before.includes(w));
    expect(gained.length).toBeGreaterThan(0);
    expect(report.wins.map((w) => `${w.slug} ${w.title}`).sort()).toEqual(gained.sort());
    expect(report.wins.every((w) => w.url === `/wins/${w.slug}/` && w.runs.includes('2026-11-20'))).toBe(true);
    expect(report.next).toEqual([]);
  });

  it('celebrates in plain text: one line per win with its page', () => {
    const result = node('log.ts', ['--data', data, '2026-11-20', '10.2km', '52:10', 'Easy river loop', '--nonstop']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Logged 10\.2 km in 52:10 on 2026-11-20 "Easy river loop" in .*runs\.csv \(line 11\)\.$/m);
    // A first 10K without stopping says "First 10K" too: one win, not two.
    expect(result.stdout).toMatch(/^New win: First 10K without stopping!  \/wins\/2026-11-20-first-10k-nonstop\/$/m);
    expect(result.stdout).toMatch(/^New win: 10th run!  \/wins\/2026-11-20-10th-run\/$/m);
  });

  it('names the nearest milestones when the run earns nothing', () => {
    node('log.ts', ['--data', data, '2026-10-27', '10.2km', '--nonstop']);
    const result = node('log.ts', ['--data', data, '2026-10-28', '3km', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as LogReport;
    expect(report.wins).toEqual([]);
    expect(report.next.length).toBeGreaterThan(0);
    const text = node('log.ts', ['--data', data, '2026-10-29', '2km']);
    expect(text.stdout).toMatch(/^No new win this time\. Within reach: .+; .+/m);
  });

  it('refuses invalid input with the messages `check` gives, naming the arguments, writing nothing', () => {
    const state = folderState(scratch);
    const result = node('log.ts', ['--data', data, '2026-02-30', '10,5', '75:99', '--feeling', '6']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(folderState(scratch)).toEqual(state);

    // The same row written by hand: `check` must say the same about it, at its line.
    const copy = join(scratch, 'copy');
    cpSync(data, copy, { recursive: true });
    writeFileSync(join(copy, 'runs.csv'), `${readFileSync(csv, 'utf8')}2026-02-30,"10,5",75:99,,,6,,\n`);
    const check = node('check.ts', ['--data', copy]);
    expect(check.status).toBe(1);
    const atLine11 = check.stderr.split('\n').filter((l) => l.includes('runs.csv:11:')).map((l) => l.replace(/^.*runs\.csv:11: /, ''));
    expect(atLine11).toHaveLength(4);
    // What was typed is named by its argument, never by a line of the file.
    expect(result.stderr).not.toMatch(/runs\.csv:/);
    expect(result.stderr.split('\n').filter((l) => l.includes(': got '))).toEqual(atLine11);
    expect(result.stderr).toContain('date: got "2026-02-30", expected a real calendar date (February 2026 has 28 days)');
    expect(result.stderr).toContain('distance: got "10,5", expected a decimal point, not a comma (like "10.5")');
  });

  it('refuses, naming the column to add, a flag whose column the file lacks', () => {
    writeFileSync(csv, 'date,distance\n2026-10-01,5\n');
    const state = folderState(scratch);
    const result = node('log.ts', ['--data', data, '2026-11-20', '5', '--win', 'Ran in the rain', '--type', 'easy']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/add "type", "win" to its header row/);
    expect(folderState(scratch)).toEqual(state);
  });

  it('creates a missing journal file with a header, and says so', () => {
    rmSync(csv);
    const result = node('log.ts', ['--data', data, '2026-11-20', '5k', '31:20', 'First run', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as LogReport;
    expect(report.created).toBe(true);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('date,distance,time,title,type,race,elevation,nonstop,feeling,temperature,tags,win,notes,private');
    expect(report.wins.map((w) => w.kind)).toEqual(['first-run']);
    expect(node('check.ts', ['--data', data]).status).toBe(0);
  });

  it('--story creates the story with only date and title, attached to the run, and never overwrites one', () => {
    const result = node('log.ts', ['--data', data, '2026-11-20', '10.2km', 'Easy river loop', '--story', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const story = join(data, 'journal/2026-11-20-easy-river-loop.md');
    expect(readFileSync(story, 'utf8')).toBe('---\ndate: 2026-11-20\ntitle: Easy river loop\n---\n');
    expect((JSON.parse(result.stdout) as LogReport).story).toMatch(/journal\/2026-11-20-easy-river-loop\.md$/);
    const check = node('check.ts', ['--data', data, '--json']);
    expect(JSON.parse(check.stdout)).toMatchObject({ journalEntries: 1, errors: [] });

    writeFileSync(story, '---\ndate: 2026-11-20\ntitle: Easy river loop\n---\nMy words.\n');
    const state = folderState(scratch);
    const again = node('log.ts', ['--data', data, '2026-11-20', '3km', 'Easy river loop', '--story']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(folderState(scratch)).toEqual(state);
  });

  it('accepts a run dated before the last one, warning which wins it changes', () => {
    const before = winSlugs(data);
    const result = node('log.ts', ['--data', data, '2026-10-02', '9km', 'Early long one']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/dated before your last run \(2026-10-25\); it changes these wins:/);
    const after = winSlugs(data);
    const lost = before.filter((w) => !after.includes(w));
    expect(lost.length).toBeGreaterThan(0);
    for (const win of lost) expect(result.stderr).toContain(`no longer: ${win.slice(win.indexOf(' ') + 1)}`);
  });

  it('works from a journal folder named by SMALL_WINS_DATA-free --data and a --file inside it', () => {
    const other = join(data, '2026.csv');
    writeFileSync(other, 'date,distance,title\r\n');
    const result = node('log.ts', ['--data', data, '--file', other, '2026-11-20', '4', 'Second file']);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(other, 'utf8')).toBe('date,distance,title\r\n2026-11-20,4,Second file\r\n');
    const outside = node('log.ts', ['--data', data, '--file', join(scratch, 'elsewhere.csv'), '4']);
    expect(outside.status).toBe(1);
    expect(existsSync(join(scratch, 'elsewhere.csv'))).toBe(false);
  });
});

describe('logRun with an injected clock and disk', () => {
  const environment = { defaultData: 'data', journalToday: null };

  it('dates the run today in the runner\'s time zone when no date is given', async () => {
    // 23:30 UTC on 20 November is already the 21st in Stockholm (the fixture's zone).
    const now = new Date('2026-11-20T23:30:00Z');
    expect(todayIn(now, 'Europe/Stockholm')).toBe('2026-11-21');
    const outcome = await logRun(['--data', data, '6km', '--json'], { ...environment, now });
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n').at(-1)).toBe('2026-11-21,6km,,,,,,');
  });

  it('warns about a date after today', async () => {
    const outcome = await logRun(['--data', data, '2026-12-24', '6km'], { ...environment, now: new Date('2026-11-20T12:00:00Z') });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toMatch(/^warning: .*runs\.csv:11: date: got "2026-12-24"/m);
  });

  it('a failing write leaves the journal intact and creates no story', async () => {
    const state = folderState(scratch);
    const outcome = await logRun(['--data', data, '2026-11-20', '6km', '--title', 'Rainy', '--story'], {
      ...environment,
      now: new Date('2026-11-20T12:00:00Z'),
      writeSteps: {
        async write(handle, text) {
          await handle.writeFile(text.slice(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/could not write \(ENOSPC.*\); the journal is unchanged/);
    expect(folderState(scratch)).toEqual(state);
  });

  it('refuses to log into a journal that already has errors', async () => {
    mkdirSync(join(data, 'journal'), { recursive: true });
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}2026-13-01,5\n`);
    const state = folderState(scratch);
    const outcome = await logRun(['--data', data, '2026-11-20', '6km'], { ...environment, now: new Date() });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/fix them first/);
    expect(folderState(scratch)).toEqual(state);
  });
});
