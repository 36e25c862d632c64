// `npm run --silent wins -- [--data DIR] [--json] [--kind K]... [--since DATE]`: every win in the
// journal, as a table or JSON. A journal with errors prints them on stderr and nothing on stdout.
import type { Win, WinKind } from '../src/lib/types.ts';
import { parseDate } from '../src/lib/journal/fields.ts';
import { readJournal } from '../src/lib/journal/read-journal.ts';
import { formatWinFigure } from '../src/lib/wins/figure.ts';
import { findWins } from '../src/lib/wins/find-wins.ts';
import { isWinKind, WIN_KINDS } from '../src/lib/model/kinds.ts';
import { parseCommandLine, printProblems, runCli, todayFromEnv, UsageError } from './cli.ts';

/** `text` broken at spaces into lines of at most `width` characters, each indented. */
function wrap(text: string, width: number, indent: string): string {
  const lines = [''];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] !== '' && indent.length + lines[last]!.length + 1 + word.length > width) lines.push(word);
    else lines[last] = lines[last] === '' ? word : `${lines[last]} ${word}`;
  }
  return lines.map((line) => `${indent}${line}`).join('\n');
}

const USAGE = `usage: npm run --silent wins -- [--data DIR] [--json] [--kind KIND]... [--since DATE]
  Lists every win in the journal, as a table or as JSON.
  --kind KIND   only wins of this kind (repeat for more), one of:
${wrap(WIN_KINDS.join(', '), 90, '                ')}
  --since DATE  only wins on or after this day, like 2025-01-01`;

/** The JSON form: the series is named, not copied, so the output stays small. */
function winJson(win: Win) {
  const { progression, ...rest } = win;
  return { ...rest, progression: progression ? { series: progression.series.id, upTo: progression.upTo } : null };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

await runCli(async () => {
  const { values, dataDir } = parseCommandLine(process.argv.slice(2), {
    json: { type: 'boolean' },
    kind: { type: 'string', multiple: true },
    since: { type: 'string' },
  }, USAGE);
  const kinds = new Set<WinKind>();
  for (const kind of values.kind ?? []) {
    if (!isWinKind(kind)) throw new UsageError(`--kind: got "${kind}", expected one of ${WIN_KINDS.join(', ')}`);
    kinds.add(kind);
  }
  let since: string | null = null;
  if (values.since !== undefined) {
    const parsed = parseDate(values.since);
    if (!parsed.ok) throw new UsageError(`--since: got "${values.since}", expected ${parsed.expected}`);
    since = parsed.value;
  }

  const journal = await readJournal(dataDir, { today: todayFromEnv() });
  if (journal.errors.length > 0) {
    printProblems([...journal.errors, ...journal.warnings]);
    const n = journal.errors.length;
    process.stderr.write(`${dataDir}: ${n} error${n === 1 ? '' : 's'}\n`);
    return 1;
  }
  const wins = findWins(journal.runs, journal.goals, journal.profile).filter(
    (win) => (kinds.size === 0 || kinds.has(win.kind)) && (since === null || win.date >= since),
  );

  if (values.json) {
    process.stdout.write(`${JSON.stringify(wins.map(winJson), null, 2)}\n`);
    return 0;
  }
  if (wins.length === 0) {
    process.stdout.write('No wins yet.\n');
    return 0;
  }
  const { units, locale } = journal.profile;
  const rows = [['date', 'kind', 'title', 'figure']];
  for (const win of wins) rows.push([win.date, win.kind, win.title, formatWinFigure(win, units, locale)]);
  process.stdout.write(`${table(rows)}\n`);
  return 0;
});
