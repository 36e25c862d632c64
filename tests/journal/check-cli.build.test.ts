import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.ts';

/** Runs `node scripts/check.ts` as a user would, with the Node that runs the tests. */
function check(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stderr.split('\n').filter((l) => l !== '') };
}

describe('npm run check', () => {
  it('prints a one-line summary for a good journal and exits 0', () => {
    const { status, stdout, stderr } = check(['--data', `${FIXTURES}/good`]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^10 runs from 2024-01-06 to 2024-02-10, [\d.]+ km, 3 journal entries, 1 goal\n$/);
    expect(status).toBe(0);
  });

  it('lists every problem of a bad journal on stderr and exits 1', () => {
    const { status, stdout, lines } = check(['--data', `${FIXTURES}/bad`]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(lines).toHaveLength(25 + 3 + 1);
    expect(lines).toContain(`${FIXTURES}/bad/runs.csv:8: distance: got "10,5", expected a decimal point, not a comma (like "10.5")`);
    expect(lines).toContain(`${FIXTURES}/bad/runs.csv:12: row: got "7 fields", expected 5 fields, one per header column (quote a value that contains a comma)`);
    expect(lines).toContain(`${FIXTURES}/bad/journal/dup-key.md:4: title: expected each field once in the front matter`);
    expect(lines).toContain(`${FIXTURES}/bad/dup-header.csv:1: distance: got "DISTANCE", expected each column name once in the header`);
    expect(lines).toContain(`${FIXTURES}/bad/runs.csv:16: warning: distance: got "300 km", expected a run of 250 km or less (check the unit)`);
    expect(lines.at(-1)).toBe(`${FIXTURES}/bad: 25 errors, 3 warnings`);
  });

  it('--json prints the summary object on stdout', () => {
    const { status, stdout } = check(['--data', `${FIXTURES}/bad`, '--json']);
    expect(status).toBe(1);
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual(['runs', 'distance', 'firstDate', 'lastDate', 'journalEntries', 'goals', 'rewards', 'skipped', 'merged', 'errors', 'warnings']);
    expect(summary.errors).toHaveLength(25);
    expect(summary.errors).toContainEqual({
      path: `${FIXTURES}/bad/runs.csv`,
      line: 8,
      field: 'distance',
      value: '10,5',
      message: 'expected a decimal point, not a comma (like "10.5")',
    });
    expect(summary.warnings.map((w: { line: number }) => w.line)).toEqual([15, 16, 18]);
  });

  it('warns about runs after today (SMALL_WINS_TODAY, else the clock) without failing', () => {
    const { status, stdout, lines } = check(['--data', `${FIXTURES}/good`], { SMALL_WINS_TODAY: '2024-02-08' });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^10 runs .*, 2 warnings\n$/);
    expect(lines).toEqual([
      `${FIXTURES}/good/journal/2024/2024-02-10-trail.mdx:1: warning: date: got "2024-02-10", expected a date on or before today (2024-02-08)`,
      `${FIXTURES}/good/more-runs.csv:4: warning: date: got "2024-02-09", expected a date on or before today (2024-02-08)`,
    ]);
  });

  it('is friendly about an empty journal', () => {
    const text = check(['--data', `${FIXTURES}/empty`]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^No runs yet/);
    const json = check(['--data', `${FIXTURES}/empty`, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ runs: 0, distance: 0, firstDate: null, lastDate: null, errors: [] });
  });

  it('reads SMALL_WINS_DATA when --data is not given', () => {
    const { status, stdout } = check(['--json'], { SMALL_WINS_DATA: `${FIXTURES}/good` });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).runs).toBe(10);
  });

  it('rejects a bad SMALL_WINS_TODAY and unknown options with exit 2', () => {
    const today = check(['--data', `${FIXTURES}/good`], { SMALL_WINS_TODAY: '2024-02-30' });
    expect(today.status).toBe(2);
    expect(today.stderr).toBe('SMALL_WINS_TODAY: got "2024-02-30", expected a real calendar date (February 2024 has 29 days)\n');
    expect(check(['--nope']).status).toBe(2);
  });

  it('clears a runs.csv.lock left by a killed log (its process is gone), and keeps a live log\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-lock-'));
    try {
      writeFileSync(join(dir, 'runs.csv'), 'date,distance\n2025-01-06,5\n');
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      const lock = (pid: string | number): string => `pid ${pid}\nhost ${hostname()}\nsince ${new Date().toISOString()}\ntoken 0123456789abcdef\n`;
      writeFileSync(join(dir, 'runs.csv.lock'), lock(dead));
      // This test's own process stands for a log still running.
      writeFileSync(join(dir, 'more.csv.lock'), lock(process.pid));
      const { status, stdout, lines } = check(['--data', dir]);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^1 run /);
      expect(lines).toEqual([`${dir}/runs.csv.lock: removed, a lock left by a log that was stopped (its process is gone)`]);
      expect(existsSync(join(dir, 'more.csv.lock'))).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['more.csv.lock', 'runs.csv']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a year typo, naming its line once (an error, not also a date-in-the-future warning)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-year-typo-'));
    try {
      writeFileSync(join(dir, 'runs.csv'), 'date,distance\n2025-01-06,5\n9999-01-08,5\n2025-01-10,5\n');
      const { status, stdout, lines } = check(['--data', dir], { SMALL_WINS_TODAY: '2025-01-10' });
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(lines).toEqual([
        `${dir}/runs.csv:3: date: got "9999-01-08", expected a date by 2026-01-10 (a year after today) or within a year of the latest run before it (2025-01-10): the year looks like a typo`,
        `${dir}: 1 error, 0 warnings`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a reward that can never be earned and a malformed reward line at path:line, and fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-rewards-'));
    try {
      writeFileSync(join(dir, 'runs.csv'), 'date,distance\n2025-01-06,5\n');
      writeFileSync(join(dir, 'rewards.md'), '# Rewards\n\n- Shoes at 500 km lifetime\n- A cake after my first 7 km\n- something nice\n');
      const { status, stdout, lines } = check(['--data', dir]);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(lines[0]).toMatch(new RegExp(`^${dir}/rewards\\.md:4: reward: got "7 km", expected a rung of the distance ladder: 1 km, .*\\(this reward can never be earned\\)$`));
      expect(lines[1]).toMatch(new RegExp(`^${dir}/rewards\\.md:5: reward: got "something nice", expected "- <reward> at <win>"`));
      expect(lines.at(-1)).toBe(`${dir}: 2 errors, 0 warnings`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
