// `check` and `wins` as a runner meets them: on broken journals they exit 0 or 1 and every line of
// their complaint names a file, never a stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { brokenJournal } from '../../scripts/fuzz/arbitraries.ts';
import { runScript, STACK_LINE } from './helpers.ts';
import { writeJournal } from '../../scripts/fuzz/properties.ts';

const JOURNALS = fc.sample(brokenJournal, { numRuns: 4, seed: 42 });
const folders: string[] = [];
const checkStatuses: Array<number | null> = [];

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Each stderr line is a located problem (`dir/file:line: ...`, `dir/file: ...`) or the closing count. */
function unlocatedLines(stderr: string, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line !== '')
    .filter((line) => {
      const text = line.replace(/^warning: /, '');
      return !(text.startsWith(`${dir}/`) && /^[^:]+:(\d+:)? /.test(text.slice(dir.length))) && !text.startsWith(`${dir}: `);
    })
    .map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line));
}

describe.each(JOURNALS.map((files, i) => [i, files] as const))('broken journal #%i', (_i, files) => {
  it.each(['scripts/check.ts', 'scripts/wins.ts'])('%s exits 0 or 1 with located messages', async (script) => {
    const dir = await writeJournal(files, 'small-wins-cli-');
    folders.push(dir);
    const result = runScript(script, ['--data', dir], { SMALL_WINS_CACHE: `${dir}/.cache`, SMALL_WINS_TODAY: '2025-06-01' });
    if (script === 'scripts/check.ts') checkStatuses.push(result.status);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect([0, 1]).toContain(result.status);
    expect(unlocatedLines(result.stderr, dir)).toEqual([]);
    if (result.status === 1) expect(result.stderr).toMatch(/\d+ errors?/);
  });
});

describe('a problem line', () => {
  it('stays one short line whatever the value holds', () => {
    const value = `"><img src=x onerror=alert(1)>\n\r\u202Eevil ${'x'.repeat(10_000_000)}`;
    const line = formatProblem({ severity: 'error', path: 'runs.csv', line: 3, field: 'title\nx', value, message: 'expected a title' });
    expect(line).not.toMatch(/[\n\r\u202E]/);
    expect(line.length).toBeLessThan(300);
    expect(line).toMatch(/^runs\.csv:3: title\\nx: got "\"><img src=x onerror=alert\(1\)>\\n\\r\\u202eevil x+…", expected a title$/);
  });
});

describe('the samples above are broken', () => {
  // Runs after the cases above (tests in a file run in order): a sample that checks cleanly
  // would not exercise the located-message check.
  it('at least one makes check fail, so the located-message check is exercised', () => {
    expect(checkStatuses).toHaveLength(JOURNALS.length);
    expect(checkStatuses).toContain(1);
  });
});

describe('asking for help and mistyping an option', () => {
  it.each(['scripts/check.ts', 'scripts/wins.ts', 'scripts/next.ts', 'scripts/bench.ts'])('%s prints its usage for --help and -h and exits 0', (script) => {
    for (const flag of ['--help', '-h']) {
      const result = runScript(script, [flag], {}, 30_000);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(new RegExp(`^usage: npm run (--silent )?${script.slice('scripts/'.length, -'.ts'.length)} -- `));
    }
  });

  it.each([
    ['scripts/bench.ts', ['--nope'], "Unknown option '--nope'"],
    ['scripts/bench.ts', ['--samples'], "Option '--samples <value>' argument missing"],
    ['scripts/bench.ts', ['extra'], "Unexpected argument 'extra'. This command does not take positional arguments"],
    ['scripts/check.ts', ['--jsn'], "Unknown option '--jsn'"],
  ])('%s %s names the mistake, shows the usage and exits 2 without starting', (script, args, mistake) => {
    const result = runScript(script, args, {}, 30_000);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr.split('\n')[0]).toBe(mistake);
    expect(result.stderr).toMatch(/\nusage: npm run /);
  });
});

describe('a reader that stops listening', () => {
  it('`wins | head` ends quietly, with no error and status 0', async () => {
    // Every run names a win of its own, so there is much to print.
    const rows = Array.from({ length: 1500 }, (_, i) => {
      const km = 3 + i / 100;
      return `${new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},${km.toFixed(2)},${Math.round(km * 6)}:00,Out the door on day ${i + 1}`;
    });
    const dir = await writeJournal({ 'runs.csv': `date,distance,time,win\n${rows.join('\n')}\n` }, 'small-wins-pipe-');
    folders.push(dir);
    // The JSON is far larger than a pipe holds, so `head` has gone before it is all written.
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" scripts/wins.ts --json --data "${dir}" | head -c 100 > /dev/null`], {
      encoding: 'utf8',
      env: { ...process.env, SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '', SMALL_WINS_CACHE: `${dir}/.cache` },
    });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    const whole = runScript('scripts/wins.ts', ['--json', '--data', dir], { SMALL_WINS_CACHE: `${dir}/.cache` });
    expect(whole.stdout.length).toBeGreaterThan(128 * 1024);
  });
});

describe('journal files that cannot be read', () => {
  /** `check` on `dir`, as root without the right to read every file when the tests run as root. */
  function checkWithoutOverride(dir: string) {
    const asRoot = process.getuid?.() === 0;
    // Root reads any file; without these two capabilities it meets a file's permissions as anyone does.
    const command = asRoot ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', process.execPath] : [process.execPath];
    const result = spawnSync(command[0]!, [...command.slice(1), 'scripts/check.ts', '--data', dir], {
      encoding: 'utf8',
      env: { ...process.env, SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '2025-01-01', SMALL_WINS_CACHE: `${dir}/.cache` },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('a profile.md that is a folder is an error naming it; a link that leads round in a loop is a skipped link', async () => {
    const dir = await writeJournal({ 'runs.csv': 'date,distance\n2024-01-02,5\n', 'profile.md/notes.txt': 'a folder by mistake' }, 'small-wins-unreadable-');
    folders.push(dir);
    const folder = runScript('scripts/check.ts', ['--data', dir], { SMALL_WINS_CACHE: `${dir}/.cache`, SMALL_WINS_TODAY: '2025-01-01' });
    expect(folder.stderr).not.toMatch(STACK_LINE);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe(`${dir}/profile.md: expected a file (this is a folder)\n${dir}: 1 error, 0 warnings\n`);

    rmSync(join(dir, 'profile.md'), { recursive: true });
    symlinkSync('profile.md', join(dir, 'profile.md'));
    const loop = runScript('scripts/check.ts', ['--data', dir], { SMALL_WINS_CACHE: `${dir}/.cache`, SMALL_WINS_TODAY: '2025-01-01' });
    // Links are never followed (a warning says so), so a loop cannot trap the reader.
    expect(loop.stderr).not.toMatch(STACK_LINE);
    expect(loop.status).toBe(0);
    expect(loop.stdout + loop.stderr).toMatch(new RegExp(`${dir}/profile\\.md: .*symbolic link: skipped`));
  });

  it('a file without read permission is an error naming it, and the rest is still checked', async () => {
    const dir = await writeJournal(
      {
        'runs.csv': 'date,distance\n2024-01-02,5\n2024-01-03,x\n',
        'more.csv': 'date,distance\n2024-01-04,5\n',
        'profile.md': '---\nname: Ana\n---\n',
        'goals/race.md': '---\ntitle: Race\ndate: 2025-05-01\ndistance: 10\n---\n',
        'journal/2024-01-05.md': '---\ndate: 2024-01-05\ndistance: 5\n---\n',
      },
      'small-wins-unreadable-',
    );
    folders.push(dir);
    for (const file of ['more.csv', 'profile.md', 'goals/race.md', 'journal/2024-01-05.md']) chmodSync(join(dir, file), 0o000);
    const result = checkWithoutOverride(dir);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `${dir}/goals/race.md: expected a file you may read (EACCES: permission denied)`,
      `${dir}/journal/2024-01-05.md: expected a file you may read (EACCES: permission denied)`,
      `${dir}/more.csv: expected a file you may read (EACCES: permission denied)`,
      `${dir}/profile.md: expected a file you may read (EACCES: permission denied)`,
      `${dir}/runs.csv:3: distance: got "x", expected a distance like 5, 5k, 3.1 mi or 800 m (a bare number is km)`,
      `${dir}: 5 errors, 0 warnings`,
      '',
    ]);
  });

  it('a profile font that is missing fails check at its line, as it would fail the build', async () => {
    const dir = await writeJournal({ 'runs.csv': 'date,distance\n2024-01-02,5\n', 'profile.md': '---\nname: Ana\nfonts:\n  - fonts/NotoSansJP.ttf\n---\n' }, 'small-wins-fonts-');
    folders.push(dir);
    const result = runScript('scripts/check.ts', ['--data', dir], { SMALL_WINS_CACHE: `${dir}/.cache`, SMALL_WINS_TODAY: '2025-01-01' });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `${dir}/profile.md:4: fonts: got "fonts/NotoSansJP.ttf", expected a file (ENOENT: it does not exist) at ${dir}/fonts/NotoSansJP.ttf`,
    );
  });
});
