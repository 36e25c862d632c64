// Journal files a hostile tester wrote: bytes that are not UTF-8, years before 1900, goal names
// with nothing to slug, a CSV whose header ends in CRLF and its rows in LF, profile fonts that are
// missing or not fonts. Each is read from real files the test writes, as `check` and the build read them.
import { mkdtemp, rm, writeFile, mkdir, copyFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Journal } from '../../src/lib/types.ts';
import { parseRunsCsv } from '../../src/lib/journal/csv.ts';
import { parseDate, parseDateTime } from '../../src/lib/journal/fields.ts';
import { goalSlug } from '../../src/lib/journal/goals.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { defaultProfile } from '../../src/lib/journal/profile.ts';
import { displayPath, MAX_TEXT_BYTES, readJournal } from '../../src/lib/journal/read-journal.ts';
import { summarizeJournal } from '../../src/lib/journal/summary.ts';
import { invalidUtf8Warning } from '../../src/lib/journal/text-bytes.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

/** A journal folder holding `files` (text or bytes), as problems name it. */
async function journalOf(files: Record<string, string | Uint8Array>): Promise<{ dir: string; shown: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-hostile-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return { dir, shown: displayPath(dir) };
}

const lines = (journal: Journal) => [...journal.errors, ...journal.warnings].map(formatProblem);

describe('bytes that are not UTF-8', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('warn at the line of the first one, quoting the byte, and keep the run', async () => {
    const { dir, shown } = await journalOf({
      'runs.csv': latin1('date,distance,time,title\n2024-01-02,5,30:00,Park\n2024-01-03,5,30:00,Caf\xe9 run\n2024-01-04,6,36:00,Cr\xe8me\n'),
    });
    const journal = await readJournal(dir, { today: '2024-02-01' });
    expect(journal.errors).toEqual([]);
    expect(journal.runs.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(lines(journal)).toEqual([
      `${shown}/runs.csv:3: text: got "2024-01-03,5,30:00,Caf\\xe9 run", expected UTF-8 text (bytes written \\xNN here are not UTF-8 and show as "\uFFFD" on the site: save the file as UTF-8; 1 more line too)`,
    ]);
  });

  it('are found in stories, goals and the profile too', async () => {
    const { dir, shown } = await journalOf({
      'profile.md': latin1('---\nname: Jos\xe9\n---\n'),
      'journal/2024-01-02-run.md': latin1('---\ndate: 2024-01-02\ndistance: 5\n---\nA caf\xe9.\n'),
      'goals/marathon.md': latin1('---\ntitle: Marath\xf3n\ndate: 2024-10-01\ndistance: 42.2\n---\n'),
    });
    const journal = await readJournal(dir, { today: '2024-02-01' });
    expect(journal.warnings.map((p) => [p.path, p.line])).toEqual([
      [`${shown}/goals/marathon.md`, 2],
      [`${shown}/journal/2024-01-02-run.md`, 5],
      [`${shown}/profile.md`, 2],
    ]);
  });

  it('are told apart from UTF-8 as the standard defines it', () => {
    const at = (bytes: number[]) => invalidUtf8Warning(Uint8Array.from(bytes), 'f')?.value ?? null;
    expect(at([0x43, 0x61, 0x66, 0xc3, 0xa9])).toBeNull(); // Café in UTF-8
    expect(at([0xef, 0xbf, 0xbd])).toBeNull(); // a U+FFFD written on purpose
    expect(at([0xf0, 0x9f, 0x8f, 0x83])).toBeNull(); // 🏃
    expect(at([0xc0, 0xaf])).toBe('\\xc0\\xaf'); // overlong
    expect(at([0xed, 0xa0, 0x80])).toBe('\\xed\\xa0\\x80'); // a surrogate
    expect(at([0x61, 0xe2, 0x82])).toBe('a\\xe2\\x82'); // cut short at the end
    expect(invalidUtf8Warning(Uint8Array.from([0x0d, 0x0a, 0x0d, 0x61, 0x0a, 0xff]), 'f')?.line).toBe(4); // CRLF, CR, LF
  });

  it('are quoted from a short window of a long line', () => {
    const line = Buffer.concat([Buffer.from(`${'é'.repeat(1_000_000)}`), Buffer.from([0xe9]), Buffer.from('x'.repeat(1_000_000))]);
    const warning = invalidUtf8Warning(line, 'notes.csv');
    expect(warning?.value).toBe(`…${'é'.repeat(40)}\\xe9${'x'.repeat(119)}…`);
  });
});

describe('a journal file too large to read', () => {
  it('is a located error naming its size and the limit, never a stack trace; the other files still read', async () => {
    const { dir, shown } = await journalOf({ 'more.csv': 'date,distance\n2025-01-06,5\n', 'journal/2025-01-07-long.md': '' });
    // Sparse files: their size is one byte past what one text can hold, and they take no disk.
    await writeFile(join(dir, 'runs.csv'), 'date,distance\n');
    await truncate(join(dir, 'runs.csv'), MAX_TEXT_BYTES + 1);
    await truncate(join(dir, 'journal/2025-01-07-long.md'), MAX_TEXT_BYTES + 1);
    const journal = await readJournal(dir);
    const mib = Math.floor(MAX_TEXT_BYTES / 1024 / 1024);
    expect(journal.errors.map(formatProblem)).toEqual([
      `${shown}/journal/2025-01-07-long.md: expected a file of at most ${mib} MiB, the most one text can hold (this one is ${mib + 1} MiB): split it, or move what is not journal out of the folder`,
      `${shown}/runs.csv: expected a file of at most ${mib} MiB, the most one text can hold (this one is ${mib + 1} MiB): split it, or move what is not journal out of the folder`,
    ]);
    expect(journal.runs.map((run) => run.date)).toEqual(['2025-01-06']);
  });
});

describe('years before 1900', () => {
  it('are a located error in a CSV, a story and a goal, so the build never sees them', async () => {
    const { dir, shown } = await journalOf({
      'runs.csv': 'date,distance\n2024-03-10,5\n0024-03-10,5\n',
      'journal/old.md': '---\ndate: 0099-12-31T07:00\ndistance: 5\n---\n',
      'goals/race.md': '---\ntitle: Race\ndate: 0025-05-01\ndistance: 10\nstart: 1899-12-31\n---\n',
    });
    const journal = await readJournal(dir, { today: '2024-04-01' });
    expect(journal.errors.map((p) => [p.path.slice(shown.length), p.line, p.field, p.value])).toEqual([
      ['/goals/race.md', 3, 'date', '0025-05-01'],
      ['/goals/race.md', 5, 'start', '1899-12-31'],
      ['/journal/old.md', 2, 'date', '0099-12-31T07:00'],
      ['/runs.csv', 3, 'date', '0024-03-10'],
    ]);
    expect(journal.errors[3]!.message).toBe('expected a date in 1900 or later (the year 0024 looks like a typo)');
    // Only the 2024 run is left: no anniversaries of a run two thousand years ago.
    expect(journal.runs.map((r) => r.date)).toEqual(['2024-03-10']);
    expect(findWins(journal.runs, journal.goals, journal.profile).filter((w) => w.kind === 'anniversary')).toEqual([]);
  });

  it('1900 itself and later are dates', () => {
    expect(parseDate('1900-01-01')).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDateTime('1899-12-31 23:59').ok).toBe(false);
    expect(parseDateTime('0000-01-01').ok).toBe(false);
  });
});

describe('goal files whose names slug to nothing', () => {
  it('all become goals, each at its own address that stays the same', async () => {
    const goal = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ndistance: 42.2\n---\n`;
    const { dir } = await journalOf({
      'goals/東京マラソン.md': goal('Tokyo Marathon', '2025-03-02'),
      'goals/🏃.md': goal('🏃', '2025-04-01'),
      'goals/---.md': goal('---', '2025-05-01'),
      'goals/大阪.md': goal('大阪', '2025-06-01'),
      'goals/berlin.md': goal('Berlin', '2025-09-21'),
      'goals/ultra-50k.md': goal('Ultra', '2025-10-12'),
    });
    const journal = await readJournal(dir, { today: '2025-01-01' });
    expect(journal.errors).toEqual([]);
    expect(summarizeJournal(journal).goals).toBe(6);
    const slugs = journal.goals.map((g) => g.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs[0]).toBe('tokyo-marathon');
    expect(slugs.slice(1, 4).every((slug) => /^goal-[0-9a-f]{8}$/.test(slug))).toBe(true);
    expect(slugs.slice(4)).toEqual(['berlin', 'ultra-50k']);
    // The same name gives the same slug however the file system composes it (macOS decomposes).
    expect(goalSlug('goals/デモ.md'.normalize('NFD'))).toBe(goalSlug('goals/デモ.md'.normalize('NFC')));
    expect((await readJournal(dir, { today: '2025-01-01' })).goals.map((g) => g.slug)).toEqual(slugs);
  });
});

describe('a CSV with a CRLF header and LF rows', () => {
  it('reads every row, on its own line', () => {
    const text = 'date,distance,time,notes\r\n2024-01-02,5,30:00,a\n2024-01-03,6,36:00,"two\nlines"\n2024-01-04,7,42:00,c\r\n2024-01-05,x,40:00,d\n';
    const { runs, problems } = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(runs.map((r) => [r.date, r.distance, r.source.line])).toEqual([
      ['2024-01-02', 5000, 2],
      ['2024-01-03', 6000, 3],
      ['2024-01-04', 7000, 5],
    ]);
    expect(runs[1]!.notes).toBe('two\nlines');
    expect(problems.map(formatProblem)).toEqual(['runs.csv:6: distance: got "x", expected a distance like 5, 5k, 3.1 mi or 800 m (a bare number is km)']);
  });

  it('a file of CRLF only still reads as it did, quoted line breaks kept', () => {
    const text = 'date,distance,notes\r\n2024-01-02,5,"a\r\nb"\r\n2024-01-03,6,\r\n';
    const { runs, problems } = parseRunsCsv(text, 'runs.csv', defaultProfile());
    expect(problems).toEqual([]);
    expect(runs.map((r) => [r.date, r.source.line, r.notes])).toEqual([
      ['2024-01-02', 2, 'a\r\nb'],
      ['2024-01-03', 4, null],
    ]);
  });
});

describe('profile fonts', () => {
  const interWoff = 'node_modules/@fontsource/inter/files/inter-latin-500-normal.woff';

  it('that are missing, not fonts, cut short or of another format are errors at their line', async () => {
    const { dir, shown } = await journalOf({
      'profile.md': '---\nname: Ana\nfonts:\n  - fonts/good.woff\n  - fonts/missing.ttf\n  - fonts/text.ttf\n  - fonts/cut.woff\n  - fonts/font.woff2\n---\n',
      'fonts/text.ttf': 'this is not a font\n',
      'fonts/font.woff2': 'wOF2',
      'runs.csv': 'date,distance\n2024-01-02,5\n',
    });
    await copyFile(interWoff, join(dir, 'fonts/good.woff'));
    const bytes = await import('node:fs/promises').then((fs) => fs.readFile(interWoff));
    await writeFile(join(dir, 'fonts/cut.woff'), bytes.subarray(0, 2000));
    const journal = await readJournal(dir, { today: '2024-02-01' });
    expect(journal.errors.map((p) => [p.path, p.line, p.field, p.value])).toEqual([
      [`${shown}/profile.md`, 5, 'fonts', 'fonts/missing.ttf'],
      [`${shown}/profile.md`, 6, 'fonts', 'fonts/text.ttf'],
      [`${shown}/profile.md`, 7, 'fonts', 'fonts/cut.woff'],
      [`${shown}/profile.md`, 8, 'fonts', 'fonts/font.woff2'],
    ]);
    expect(journal.errors.map((p) => p.message)).toEqual([
      `expected a file (ENOENT: it does not exist) at ${shown}/fonts/missing.ttf`,
      'expected a font file (this .ttf file does not hold a TrueType, OpenType or WOFF font)',
      'expected a whole font file (this one is cut short or damaged)',
      'expected a .ttf, .otf or .woff font file (got .woff2)',
    ]);
  });

  it('a single font written on the fonts line is checked at that line', async () => {
    const { dir, shown } = await journalOf({ 'profile.md': '---\nname: Ana\nfonts: nowhere.otf\n---\n' });
    const journal = await readJournal(dir);
    expect(journal.errors.map((p) => [p.path, p.line, p.value])).toEqual([[`${shown}/profile.md`, 3, 'nowhere.otf']]);
  });
});
