// Generators of hostile and broken journal input, shared by the trust tests and `scripts/fuzz.ts`.
// Everything is built from fast-check arbitraries, so a failing case shrinks and replays by seed.
import fc from 'fast-check';

const FIELD_NAMES = [
  'date', 'distance', 'time', 'title', 'type', 'race', 'elevation', 'nonstop', 'feeling',
  'temperature', 'tags', 'win', 'notes', 'private', 'virtual', 'Date', ' DISTANCE ', 'shoes',
];

/** Strings an attacker or a broken export would put in a field. */
export const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script>',
  ']]>',
  '{{ 7*7 }}',
  '\u202Eevil\u202C',
  'zero\u200Bwidth\u200D',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '${process.exit(1)}',
  '../../../etc/passwd',
];

/** Dates near the valid `YYYY-MM-DD[THH:MM]` ones: wrong separators, out-of-range parts, odd widths. */
export const nearDate: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: -1, max: 10_000 }),
    fc.integer({ min: -1, max: 14 }),
    fc.integer({ min: -1, max: 33 }),
    fc.constantFrom('-', '/', '.', '', ' '),
    fc.option(fc.tuple(fc.integer({ min: -1, max: 25 }), fc.integer({ min: -1, max: 61 }), fc.constantFrom('T', ' ', 't', 'TT'))),
    fc.boolean(),
  )
  .map(([y, m, d, sep, time, pad]) => {
    const p = (n: number, w: number): string => (pad ? String(n).padStart(w, '0') : String(n));
    const date = [p(y, 4), p(m, 2), p(d, 2)].join(sep);
    return time ? `${date}${time[2]}${p(time[0], 2)}:${p(time[1], 2)}` : date;
  });

/** Distances near the valid ones: units, decimal commas, signs, exponents, non-numbers. */
export const nearDistance: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -5, max: 500_000 }).map((n) => n / 100)),
    fc.constantFrom('', ' km', 'km', ' mi', 'mi', ' m', 'K', ' miles', ' kilometres', 'e309', '%'),
    fc.boolean(),
  )
  .map(([n, unit, comma]) => {
    const text = `${n}${unit}`;
    return comma ? text.replace('.', ',') : text;
  });

/** Durations near `h:mm:ss` / `mm:ss`: out-of-range parts, extra colons, fractions. */
export const nearDuration: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.integer({ min: -1, max: 99 }).map(String), fc.constantFrom('', '5.5', '1e3', 'xx', '60', '00')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(':'));

/** Any one field value: near-valid values, hostile text, random unicode, sometimes huge. */
export const fieldValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nearDate },
  { weight: 3, arbitrary: nearDistance },
  { weight: 2, arbitrary: nearDuration },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom('yes', 'no', 'true', 'FALSE', '1', '0', 'y', 'maybe', '', ' ', '-', '--', 'null', '~') },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

/** One CSV cell as it lands in the file: bare, properly quoted, or with broken quoting. */
const csvCell: fc.Arbitrary<string> = fc
  .tuple(fieldValue, fc.constantFrom('bare', 'quoted', 'quoted', 'open-quote', 'stray-quote'))
  .map(([value, style]) => {
    switch (style) {
      case 'quoted':
        return `"${value.replace(/"/g, '""')}"`;
      case 'open-quote':
        return `"${value}`;
      case 'stray-quote':
        return `${value}"x"`;
      default:
        return value;
    }
  });

/** A journal CSV: a header of (mostly) known columns, then ragged rows of near-valid and hostile cells. */
export const journalCsv: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: csvCell }), { minLength: 0, maxLength: 16 }),
    fc.array(fc.array(csvCell, { minLength: 0, maxLength: 20 }), { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([header, rows, eol, bom, trailing]) => {
    const lines = [header.join(','), ...rows.map((row) => row.join(','))];
    return `${bom ? '\uFEFF' : ''}${lines.join(eol)}${trailing ? eol : ''}`;
  });

/** Random bytes read as text, the way a mangled or binary file named `.csv` arrives. */
export const randomBytesText: fc.Arbitrary<string> = fc
  .uint8Array({ maxLength: 2_000 })
  .map((bytes) => new TextDecoder().decode(bytes));

/** Any CSV the reader may meet. */
export const anyCsv: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: journalCsv }, { weight: 1, arbitrary: randomBytesText });

/** A YAML value line fragment: scalars, hostile text, and YAML that is invalid or of the wrong type. */
const yamlValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fieldValue.map((v) => v.replace(/[\r\n]/g, ' ')) },
  { weight: 2, arbitrary: fieldValue.map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '[', '{', '[1, 2', '{a: 1}', '[a, b, c]', '&anchor 5', '*alias', '!!binary AAAA', '!!int x', '? x', '|',
      '>-', '"unterminated', "'single", '- item', '\t5', '{{ 7*7 }}', 'yes', 'no', 'null', '~', '.inf', '-.nan',
      '0x1F', '1_000', '2025-13-40', '12:30:00', '@at', '`tick`', '%TAG',
    ),
  },
  { weight: 1, arbitrary: fc.array(fieldValue.map((v) => JSON.stringify(v)), { maxLength: 4 }).map((items) => `\n${items.map((i) => `  - ${i}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.constant('\n  nested: map\n  other: 1') },
);

/** Front matter lines: known keys (often repeated), odd keys, odd indentation. */
const yamlLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES, 'name', 'units', 'week_start', 'timezone', 'locale', 'site', 'fonts', 'privacy_trim', 'slug', 'start') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
    yamlValue,
    fc.constantFrom('', '', '', ' ', '  ', '\t'),
  )
  .map(([key, value, indent]) => `${indent}${key}: ${value}`);

/** A Markdown file with front matter: sometimes without its opening or closing fence, with a hostile body. */
export const frontMatterFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(yamlLine, { maxLength: 12 }),
    fc.constantFrom('both', 'both', 'both', 'no-open', 'no-close', 'dots-close'),
    fc.array(fc.oneof(fieldValue, fc.constantFrom('# Heading', '<div>html</div>', '```', '{frontmatter.title}', 'import x from "y"', '<Component />')), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, fences, body, eol]) => {
    const open = fences === 'no-open' ? '' : `---${eol}`;
    const close = fences === 'no-close' ? '' : fences === 'dots-close' ? `...${eol}` : `---${eol}`;
    return `${open}${lines.join(eol)}${eol}${close}${body.join(eol)}${eol}`;
  });

/** A journal folder as files (relative path → text). */
export interface JournalFiles {
  [path: string]: string;
}

/** A whole broken journal: a profile, one or two CSVs, a few entries and a goal, any of them hostile. */
export const brokenJournal: fc.Arbitrary<JournalFiles> = fc
  .record({
    profile: fc.option(frontMatterFile, { nil: undefined }),
    runs: fc.option(anyCsv, { nil: undefined }),
    more: fc.option(journalCsv, { nil: undefined }),
    entries: fc.array(frontMatterFile, { maxLength: 4 }),
    goal: fc.option(frontMatterFile, { nil: undefined }),
  })
  .map(({ profile, runs, more, entries, goal }) => {
    const files: JournalFiles = {};
    if (profile !== undefined) files['profile.md'] = profile;
    if (runs !== undefined) files['runs.csv'] = runs;
    if (more !== undefined) files['more.csv'] = more;
    entries.forEach((text, i) => {
      files[`journal/entry-${i}.${i % 2 === 0 ? 'md' : 'mdx'}`] = text;
    });
    if (goal !== undefined) files['goals/goal.md'] = goal;
    return files;
  });

/** A CSV of runs that read cleanly (valid dates, distances, times), with hostile free text. */
export const plausibleCsv: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 3 * 365 }),
      metres: fc.integer({ min: 100, max: 60_000 }),
      pace: fc.integer({ min: 150, max: 900 }),
      title: fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ maxLength: 20 })),
      type: fc.constantFrom('easy', 'race', 'long', 'treadmill', ''),
      nonstop: fc.constantFrom('yes', 'no', ''),
      temperature: fc.option(fc.integer({ min: -30, max: 45 }), { nil: undefined }),
      win: fc.option(fc.constantFrom(...HOSTILE_TEXT, 'My own win'), { nil: undefined }),
      private: fc.constantFrom('', '', 'yes'),
    }),
    { maxLength: 60 },
  )
  .map((rows) => {
    const start = Date.UTC(2023, 0, 1);
    const lines = rows.map((r) => {
      const date = new Date(start + r.day * 86_400_000).toISOString().slice(0, 10);
      const seconds = Math.round((r.metres / 1000) * r.pace);
      const time = `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
      const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
      return [date, (r.metres / 1000).toFixed(2), time, quote(r.title), r.type, r.nonstop, r.temperature ?? '', quote(r.win ?? ''), r.private].join(',');
    });
    return ['date,distance,time,title,type,nonstop,temperature,win,private', ...lines].join('\n');
  });
