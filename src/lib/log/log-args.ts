// `log`'s command line: `2026-11-20 10.2km 52:10 "Easy river loop" --feeling 2 --nonstop`, or the
// same with named flags. Values stay as the runner typed them: the journal's own field parsers
// judge them, so `log` and `check` can never disagree.
import { parseArgs } from 'node:util';
import { parseDistance } from '../journal/fields.ts';
import type { RowValues } from './csv-append.ts';

/** Flags that become a column of the new row. */
export const VALUE_FLAGS = ['date', 'distance', 'time', 'title', 'type', 'race', 'elevation', 'temperature', 'notes', 'win', 'feeling', 'tags'] as const;
/** Yes/no columns: `--nonstop` writes `yes`, `--no-nonstop` writes `no`. */
export const BOOLEAN_FLAGS = ['nonstop', 'private'] as const;

export interface LogRequest {
  /** Column (canonical name) → text as typed; `date` is absent when the runner left it to today. */
  values: RowValues;
  /** `--data DIR`, else null (the caller's default). */
  data: string | null;
  /** `--file PATH`, else null (`<data>/runs.csv`). */
  file: string | null;
  story: boolean;
  json: boolean;
}

export type LogArgsResult = { ok: true; request: LogRequest } | { ok: false; error: string };

export const LOG_USAGE = `usage: npm run log -- [DATE] DISTANCE [TIME] [TITLE] [options]
  e.g. npm run log -- 2026-11-20 10.2km 52:10 "Easy river loop" --feeling 2 --nonstop
  one word after the distance is its time; a one-word title needs --title
options: --date --distance --time --title --type --race --elevation --temperature --notes --win
         --feeling --tags VALUE, --nonstop, --private, --story, --json, --data DIR, --file PATH`;

const DATE_SHAPE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[T ].*)?$/;
const TIME_SHAPE = /^\d+:\d/;
const NEGATIVE_NUMBER = /^-\d/;

const options = {
  ...Object.fromEntries(VALUE_FLAGS.map((name) => [name, { type: 'string' as const }])),
  ...Object.fromEntries(BOOLEAN_FLAGS.map((name) => [name, { type: 'boolean' as const }])),
  story: { type: 'boolean' as const },
  json: { type: 'boolean' as const },
  data: { type: 'string' as const },
  file: { type: 'string' as const },
};

/** `--temperature -3` reads as a value, not as an unknown flag `-3`. */
function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && !name.includes('=') && options[name as keyof typeof options]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Reads as a distance (in any unit): tells a mistyped date from the distance after it. */
function isDistance(text: string): boolean {
  return parseDistance(text).ok;
}

/**
 * `[DATE] DISTANCE [TIME] [TITLE...]`, each slot skipped when its flag is given (`2026-12-01
 * --distance 5km`). The date is recognised by its shape, or as the word before a distance; after
 * the distance, one word is the time (`5 abc` is a mistyped time, not a title: a one-word title
 * needs --title), and several words, or one holding spaces, are the title.
 */
function readPositionals(positionals: string[], flagged: ReadonlySet<string>): { values: RowValues } | { error: string } {
  const values: RowValues = {};
  const rest = [...positionals];
  if (rest.length === 0) return { values };
  const first = rest[0] ?? '';
  if (!flagged.has('date') && (DATE_SHAPE.test(first) || (!flagged.has('distance') && rest.length > 1 && !isDistance(first) && isDistance(rest[1] ?? '')))) {
    values.date = rest.shift() ?? '';
  }
  if (!flagged.has('distance')) {
    const distance = rest.shift();
    if (distance === undefined) return { error: 'a distance is needed after the date (e.g. 10.2km)' };
    values.distance = distance;
  } else if (rest.length === 1 && !TIME_SHAPE.test(rest[0] ?? '') && isDistance(rest[0] ?? '')) {
    // `5 --distance 6`: a second distance, not a time.
    values.distance = rest.shift() ?? '';
  }
  const next = rest[0];
  if (!flagged.has('time') && next !== undefined && (TIME_SHAPE.test(next) || (rest.length === 1 && !/\s/.test(next.trim())))) {
    values.time = rest.shift() ?? '';
  }
  // An unquoted title arrives as several words.
  if (rest.length > 0) values.title = rest.join(' ');
  return { values };
}

export function parseLogArgs(args: string[]): LogArgsResult {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args), options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    return { ok: false, error: `${(error as Error).message.split('\n')[0]}\n${LOG_USAGE}` };
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  const flagged = new Set(VALUE_FLAGS.filter((name) => typeof flags[name] === 'string'));
  const fromPositionals = readPositionals(parsed.positionals, flagged);
  if ('error' in fromPositionals) return { ok: false, error: `${fromPositionals.error}\n${LOG_USAGE}` };
  const values: RowValues = { ...fromPositionals.values };
  for (const name of VALUE_FLAGS) {
    const value = flags[name];
    if (typeof value !== 'string') continue;
    if (values[name] !== undefined) return { ok: false, error: `${name} is given twice: "${values[name]}" and --${name} "${value}"` };
    values[name] = value;
  }
  for (const name of BOOLEAN_FLAGS) {
    const value = flags[name];
    if (typeof value === 'boolean') values[name] = value ? 'yes' : 'no';
  }
  for (const [name, value] of Object.entries(values)) values[name] = value.trim();
  for (const name of Object.keys(values)) if (values[name] === '') delete values[name];
  if (values.distance === undefined) return { ok: false, error: `a distance is needed (e.g. 10.2km or --distance 10.2km)\n${LOG_USAGE}` };
  return {
    ok: true,
    request: {
      values,
      data: typeof flags.data === 'string' ? flags.data : null,
      file: typeof flags.file === 'string' ? flags.file : null,
      story: flags.story === true,
      json: flags.json === true,
    },
  };
}
