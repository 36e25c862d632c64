// Limits: a huge field, a very wide line and a journal of many files give a result or a clear,
// located error. Sizes stay small enough to run in seconds; the 50 MB CSV is the benchmark's.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunsCsv } from '../../src/lib/journal/csv.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';
import { displayPath, readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { STACK_LINE, useTempCache } from './helpers.ts';
import { misplaced, writeJournal } from '../../scripts/fuzz/properties.ts';

const HEADER = 'date,distance,time,title,notes';

describe('limits', () => {
  const cache = useTempCache();
  beforeAll(cache.setup);
  afterAll(cache.teardown);

  it('reads a 10 MB field as written', () => {
    const notes = 'n'.repeat(10 * 1024 * 1024);
    const text = `${HEADER}\n2025-01-02,5,30:00,Long notes,"${notes}"\n2025-01-03,6,36:00,Next,\n`;
    const { runs, problems } = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(problems).toEqual([]);
    expect(runs.map((r) => [r.date, r.distance])).toEqual([['2025-01-02', 5000], ['2025-01-03', 6000]]);
    expect(runs[0]!.notes).toHaveLength(notes.length);
    expect(runs[1]!.source.line).toBe(3);
  });

  it('names the line of an unclosed quote that swallows 10 MB', () => {
    const text = `${HEADER}\n2025-01-02,5,30:00,Fine,\n2025-01-03,5,30:00,"Never closed,${'x'.repeat(10 * 1024 * 1024)}\n`;
    const { runs, problems } = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(runs.map((r) => r.date)).toContain('2025-01-02');
    expect(problems.length).toBeGreaterThan(0);
    expect(misplaced(problems, new Map([['runs.csv', text]]))).toEqual([]);
    expect(problems.map((p) => p.line)).toContain(3);
  });

  it('reports a line of 100,000 columns as one located problem', () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => String(i)).join(',');
    const text = `${HEADER}\n2025-01-02,5,30:00,Fine,\n2025-01-03,${wide}\n`;
    const { runs, problems } = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(runs.map((r) => r.date)).toContain('2025-01-02');
    const row = problems.filter((p) => p.line === 3 && p.field === 'row');
    expect(row).toHaveLength(1);
    expect(row[0]!.value).toBe('100001 fields');
  });

  it('reads a header of 100,000 columns', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `extra${i}`);
    const text = `date,distance,${names.join(',')}\n2025-01-02,5\n`;
    const { runs, problems } = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(problems).toEqual([]);
    expect(runs).toHaveLength(1);
  });

  it('reads a journal of 10,000 entry files, finds their wins, and locates a broken one', async () => {
    const dir = await writeJournal({ 'runs.csv': 'date,distance\n' });
    try {
      const journalDir = join(dir, 'journal');
      await mkdir(journalDir, { recursive: true });
      const start = Date.UTC(2000, 0, 1);
      const writes = [];
      for (let i = 0; i < 10_000; i++) {
        const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
        const text = i === 4_321 ? `---\ndate: ${date}\ndistance: five km\n---\n` : `---\ndate: ${date}\ndistance: ${3 + (i % 7)}\ntitle: Run ${i}\n---\nA story.\n`;
        writes.push(writeFile(join(journalDir, `${date}.md`), text));
      }
      await Promise.all(writes);
      const journal = await readJournal(dir, { today: '2030-01-01' });
      expect(journal.runs).toHaveLength(9_999);
      expect(journal.stories).toHaveLength(9_999);
      const broken = new Date(start + 4_321 * 86_400_000).toISOString().slice(0, 10);
      expect(journal.errors.map((p) => [p.path, p.line])).toEqual([[`${displayPath(dir)}/journal/${broken}.md`, 3]]);
      const wins = findWins(journal.runs, journal.goals, journal.profile);
      expect(wins.length).toBeGreaterThan(10);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('checks 1,200 journal files, 1,000 goals and 300 CSVs with 256 files allowed open (macOS\'s default)', async () => {
    const dir = await writeJournal({});
    try {
      const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const writes: Array<Promise<void>> = [];
      await mkdir(join(dir, 'journal'), { recursive: true });
      await mkdir(join(dir, 'goals'), { recursive: true });
      for (let i = 0; i < 1_200; i++) writes.push(writeFile(join(dir, 'journal', `${day(i)}.md`), `---\ndate: ${day(i)}\ndistance: 5\n---\nA story.\n`));
      for (let i = 0; i < 1_000; i++) writes.push(writeFile(join(dir, 'goals', `race-${i}.md`), `---\ntitle: Race ${i}\ndate: ${day(5_000 + i)}\ndistance: 10\n---\n`));
      for (let i = 0; i < 300; i++) writes.push(writeFile(join(dir, `runs-${i}.csv`), `date,distance\n${day(2_000 + i)},6\n`));
      await Promise.all(writes);
      const result = spawnSync('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" scripts/check.ts --data "${dir}"`], {
        encoding: 'utf8',
        env: { ...process.env, SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '2030-01-01', SMALL_WINS_CACHE: `${dir}/.cache` },
      });
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^1,500 runs from 2000-01-01 to 2006-04-18, 7,800 km, 1,200 journal entries, 1,000 goals\n$/);
      expect(result.status).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
