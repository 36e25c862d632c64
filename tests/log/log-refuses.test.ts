// `log` refuses, before writing a byte, a run `check` would call an error or no human could run,
// and names what was typed by its argument (never by the line it would have had in the file).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logRun } from '../../src/lib/log/log-run.ts';

const fixture = join(import.meta.dirname, '../fixtures/log/journal');
const env = { defaultData: 'data', journalToday: null, now: new Date('2026-11-20T12:00:00Z') };

let scratch: string;
let data: string;
let csv: string;
let original: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'log-refuses-'));
  data = join(scratch, 'data');
  cpSync(fixture, data, { recursive: true });
  csv = join(data, 'runs.csv');
  original = readFileSync(csv, 'utf8');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Refused with exit 1, nothing printed on stdout, and no file of the journal changed or added. */
async function expectRefused(args: string[]): Promise<string> {
  const files = readdirSync(data, { recursive: true });
  const outcome = await logRun(['--data', data, ...args], env);
  expect(outcome.exitCode, outcome.stdout).toBe(1);
  expect(outcome.stdout).toBe('');
  expect(readFileSync(csv, 'utf8')).toBe(original);
  expect(readdirSync(data, { recursive: true })).toEqual(files);
  return outcome.stderr;
}

describe('log refuses', () => {
  it('a run faster than the world record for its distance, naming the arguments', async () => {
    const stderr = await expectRefused(['2026-11-01', '500km', '28:00', 'Long one']);
    expect(stderr).toMatch(/^distance and time: got "500km" in "28:00", expected a run no faster than the world record for 500 km \(\d+:\d\d:\d\d\): check both$/m);
    expect(stderr).toMatch(/^Nothing was written\.$/m);
    expect(stderr).not.toMatch(/runs\.csv/);
  });

  it('a world-record 5K too (12:00), but not a fast honest one (16:00)', async () => {
    expect(await expectRefused(['2026-11-01', '5km', '12:00'])).toMatch(/world record for 5 km/);
    const honest = await logRun(['--data', data, '2026-11-01', '5km', '16:00'], env);
    expect(honest.exitCode, honest.stderr).toBe(0);
  });

  it('a word after the distance that is not a time: `2026-12-01 5 abc`', async () => {
    const stderr = await expectRefused(['2026-12-01', '5', 'abc']);
    expect(stderr).toContain('time: got "abc", expected a time like 25:30 (m:ss) or 1:02:03 (h:mm:ss)');
    expect(stderr).not.toMatch(/runs\.csv/);
  });

  it('a date it cannot read: `yesterday 5 abc` names the date and the time, not a line of runs.csv', async () => {
    const stderr = await expectRefused(['yesterday', '5', 'abc']);
    expect(stderr).toContain('date: got "yesterday", expected');
    expect(stderr).toContain('time: got "abc", expected');
    expect(stderr).not.toMatch(/runs\.csv/);
  });

  it('a run that would make another file an error for check (a story that no longer knows its run)', async () => {
    // The story names only the day: with one run that day it is that run's; with two, check errs.
    mkdirSync(join(data, 'journal'));
    writeFileSync(join(data, 'journal/2026-10-25-longest.md'), '---\ndate: 2026-10-25\n---\nMy longest run yet.\n');
    const stderr = await expectRefused(['2026-10-25', '3km', 'Evening jog']);
    expect(stderr).toMatch(/^With this run the journal would have problems \(npm run check\):$/m);
    expect(stderr).toMatch(/journal\/2026-10-25-longest\.md:\d+: date: got "2026-10-25", expected one run on that day, but 2 match/);
  });
});

describe('log accepts', () => {
  it('`--distance 5km` after a date', async () => {
    const outcome = await logRun(['--data', data, '2026-11-01', '--distance', '5km', '--json'], env);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(`${original}2026-11-01,5km,,,,,,\n`);
  });

  it('a one-word title given with --title, or after a time', async () => {
    const a = await logRun(['--data', data, '2026-11-01', '5', '--title', 'Tempo'], env);
    expect(a.exitCode, a.stderr).toBe(0);
    const b = await logRun(['--data', data, '2026-11-02', '5', '31:00', 'Tempo'], env);
    expect(b.exitCode, b.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(`${original}2026-11-01,5,,Tempo,,,,\n2026-11-02,5,31:00,Tempo,,,,\n`);
  });
});
