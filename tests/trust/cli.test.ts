// `check` and `wins` as a runner meets them: on broken journals they exit 0 or 1 and every line of
// their complaint names a file, never a stack trace.
import { rmSync } from 'node:fs';
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
