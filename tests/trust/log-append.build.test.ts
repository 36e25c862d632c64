// `log` is the one command that writes to the journal: it appends, and every byte already
// written stays as it was, whatever line endings the file uses.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { hashTree, runScript, STACK_LINE } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'small-wins-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TITLE = `Hostile "quoted", <script>alert('log')</script> ]]> \u202Eevil`;

describe.each([
  ['the sample as it is', (text: string) => text],
  ['CRLF line endings and no final newline', (text: string) => text.trimEnd().replace(/\n/g, '\r\n')],
])('log on %s', (name, reshape) => {
  it('appends one run and leaves every earlier byte and every other file as it was', async () => {
    const data = join(root, name.replace(/\W+/g, '-'));
    cpSync('data', data, { recursive: true });
    writeFileSync(join(data, 'runs.csv'), reshape(readFileSync('data/runs.csv', 'utf8')));
    const before = readFileSync(join(data, 'runs.csv'));
    const others = hashTree(data).filter((line) => !line.endsWith('  runs.csv'));

    const result = runScript('scripts/log.ts', ['--data', data, '2026-01-05', '5.2km', '30:00', TITLE, '--feeling', '4'], {
      SMALL_WINS_CACHE: join(root, 'cache'),
    });
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.status).toBe(0);

    const after = readFileSync(join(data, 'runs.csv'));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(hashTree(data).filter((line) => !line.endsWith('  runs.csv'))).toEqual(others);

    const journal = await readJournal(data);
    expect(journal.errors).toEqual([]);
    const logged = journal.runs.find((run) => run.date === '2026-01-05');
    expect(logged).toMatchObject({ distance: 5200, time: 1800, title: TITLE, feeling: 4 });
  }, 60_000);
});
