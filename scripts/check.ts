// `npm run check [-- --data DIR] [--json]`: reads the journal and reports it, or every problem in it.
import type { IsoDate, Journal } from '../src/lib/types.ts';
import { futureRunWarnings } from '../src/lib/journal/plausibility.ts';
import { sortProblems } from '../src/lib/journal/problems.ts';
import { displayPath, readJournal } from '../src/lib/journal/read-journal.ts';
import { clearStaleLocks } from '../src/lib/log/journal-lock.ts';
import { formatSummaryLine, summarizeJournal } from '../src/lib/journal/summary.ts';
import { parseCommandLine, printProblems, runCli, todayFromEnv } from './cli.ts';

const USAGE = `usage: npm run check -- [--data DIR] [--json]
  Reads the journal (default: data/, or SMALL_WINS_DATA) and prints a one-line summary, or every
  problem as path:line. --json prints the summary and the problems as JSON. Exit 1 on errors.`;

/** The machine's local calendar day: the one place the clock is read (the future-date warning). */
function clockToday(): IsoDate {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

await runCli(async () => {
  const { values, dataDir } = parseCommandLine(process.argv.slice(2), { json: { type: 'boolean' } }, USAGE);
  const today = todayFromEnv();
  // A lock left by a killed `log` would otherwise sit in the journal until the next log.
  for (const lock of await clearStaleLocks(dataDir)) {
    process.stderr.write(`${displayPath(lock)}: removed, a lock left by a log that was stopped (its process is gone)\n`);
  }
  const read = await readJournal(dataDir, { today });
  const journal: Journal = {
    ...read,
    // A run whose date is already an error (a year typo) is not warned about a second time.
    warnings: sortProblems([
      ...read.warnings,
      ...futureRunWarnings(read.runs, today ?? clockToday()).filter((w) => !read.errors.some((e) => e.field === 'date' && e.path === w.path && e.line === w.line)),
    ]),
  };
  const summary = summarizeJournal(journal);
  const failed = journal.errors.length > 0;

  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  printProblems([...journal.errors, ...journal.warnings]);
  if (failed) {
    const counts = `${journal.errors.length} error${journal.errors.length === 1 ? '' : 's'}`;
    process.stderr.write(`${dataDir}: ${counts}, ${journal.warnings.length} warning${journal.warnings.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  process.stdout.write(`${formatSummaryLine(summary, journal.profile.units)}\n`);
  return 0;
});
