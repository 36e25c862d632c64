// The `log` command: validate one run exactly as `check` would, append it atomically, and tell the
// runner what it earned. The clock is read in one place only: the default date, from `now`.
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { parseRunsCsv } from '../journal/csv.ts';
import { formatProblem } from '../journal/problems.ts';
import { readJournal } from '../journal/read-journal.ts';
import { slugify } from '../format/slug.ts';
import { futureRunWarnings } from '../journal/plausibility.ts';
import type { IsoDate, Journal, Problem } from '../types.ts';
import { findWins } from '../wins/find-wins.ts';
import { appendRow, MissingColumnsError, type RowValues } from './csv-append.ts';
import { writeFileAtomic, type AtomicWriteSteps } from '../fs/atomic-write.ts';
import { diffWins } from './diff-wins.ts';
import { LOG_USAGE, parseLogArgs } from './log-args.ts';
import { formatLogReport, loggedRun, summarizeWin, type LogReport } from './log-report.ts';
import { withinReach } from './within-reach.ts';

export interface LogEnvironment {
  /** The moment "today" is taken from when no date is given (and a date after it is warned about). */
  now: Date;
  /** The journal folder when `--data` is not given. */
  defaultData: string;
  /** The journal's "today" override (SMALL_WINS_TODAY), passed to the reader as `wins` does. */
  journalToday: IsoDate | null;
  /** Replaces atomic-write steps (tests simulate a failing disk). */
  writeSteps?: Partial<AtomicWriteSteps>;
}

export interface LogOutcome {
  exitCode: 0 | 1;
  stdout: string;
  stderr: string;
}

/** The calendar day `now` falls on in the runner's time zone (UTC when the zone is unknown). */
export function todayIn(now: Date, timeZone: string): IsoDate {
  const format = (zone: string): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/** As the runner would type it (relative to the working directory, as the journal reader names files). */
function displayPath(absolute: string): string {
  return relative(process.cwd(), absolute).split(sep).join('/') || '.';
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export function storyFileName(date: IsoDate, title: string | null): string {
  const slug = title === null ? '' : slugify(title);
  return `${date.slice(0, 10)}-${slug === '' ? 'run' : slug}.md`;
}

/** Only `date` and `title`: the story attaches to the run by them, and the runner writes the rest. */
export function storyText(values: RowValues): string {
  const front: Record<string, string> = { date: values.date ?? '' };
  if (values.title !== undefined) front.title = values.title;
  return `---\n${stringify(front)}---\n`;
}

function refuse(stderr: string): LogOutcome {
  return { exitCode: 1, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n` };
}

function listProblems(problems: Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

function lastRunDate(journal: Journal): IsoDate | null {
  let last: IsoDate | null = null;
  for (const run of journal.runs) if (last === null || run.date > last) last = run.date;
  return last;
}

export async function logRun(args: string[], env: LogEnvironment): Promise<LogOutcome> {
  if (args.includes('--help') || args.includes('-h')) return { exitCode: 0, stdout: `${LOG_USAGE}\n`, stderr: '' };
  const parsed = parseLogArgs(args);
  if (!parsed.ok) return refuse(parsed.error);
  const request = parsed.request;
  const dataDir = resolve(request.data ?? env.defaultData);
  const file = resolve(request.file ?? join(dataDir, 'runs.csv'));
  const shownFile = displayPath(file);
  const insideJournal = relative(dataDir, dirname(file)) === '';
  if (!insideJournal || !file.toLowerCase().endsWith('.csv')) {
    return refuse(`${shownFile}: the journal reads CSV files directly inside ${displayPath(dataDir)}; log to one of those`);
  }

  const before = await readJournal(dataDir, { today: env.journalToday });
  if (before.errors.length > 0) {
    return refuse(`The journal has problems; fix them first (npm run check):\n${listProblems(before.errors)}`);
  }
  const profile = before.profile;
  const values: RowValues = { ...request.values };
  values.date ??= todayIn(env.now, profile.timezone);

  const original = await readIfExists(file);
  let appended;
  try {
    appended = appendRow(original ?? '', values);
  } catch (error) {
    if (error instanceof MissingColumnsError) return refuse(`${shownFile}: ${error.message}`);
    throw error;
  }
  // The same parser `check` runs, on the file as it would be: the same messages, the same lines.
  const problems = parseRunsCsv(appended.text, shownFile, profile).problems.filter((p) => p.line === appended.line);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return refuse(`${listProblems(errors)}\nNothing was written.`);

  const date = values.date.slice(0, 10);
  const storyPath = request.story ? join(dataDir, 'journal', storyFileName(date, values.title ?? null)) : null;
  if (storyPath !== null) {
    if (await exists(storyPath)) return refuse(`${displayPath(storyPath)} already exists; nothing was written`);
    // An untitled story on a day that already has a run could not tell which run it belongs to.
    if (values.title === undefined && before.runs.some((r) => r.date === date)) {
      return refuse(`--story needs a --title on a day that already has a run (${date}); nothing was written`);
    }
  }

  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, appended.text, env.writeSteps);
  } catch (error) {
    return refuse(`${shownFile}: could not write (${(error as Error).message}); the journal is unchanged`);
  }
  if (storyPath !== null) {
    await mkdir(dirname(storyPath), { recursive: true });
    await writeFile(storyPath, storyText(values), { flag: 'wx' });
  }

  const after = await readJournal(dataDir, { today: env.journalToday });
  const winsBefore = findWins(before.runs, before.goals, before.profile);
  const winsAfter = after.errors.length > 0 ? winsBefore : findWins(after.runs, after.goals, after.profile);
  const run = after.runs.find((r) => r.source.line === appended.line && resolve(r.source.path) === file) ?? null;
  const { added, removed } = diffWins(winsBefore, winsAfter);
  const lastBefore = lastRunDate(before);
  const backdated = lastBefore !== null && date < lastBefore;
  // Appended after the last run, every new win is this run's; dated earlier, it may reshuffle others.
  const earned = backdated && run !== null ? added.filter((win) => win.runs.includes(run.id)) : added;
  const others = added.filter((win) => !earned.includes(win));

  const newRunWarnings = [
    ...problems.filter((p) => p.severity === 'warning'),
    ...after.warnings.filter((p) => p.line === appended.line && p.path === shownFile),
    ...(run === null ? [] : futureRunWarnings([run], todayIn(env.now, profile.timezone))),
  ];
  const report: LogReport = {
    file: shownFile,
    line: appended.line,
    created: original === null,
    run: run === null ? null : loggedRun(run),
    story: storyPath === null ? null : displayPath(storyPath),
    wins: earned.map(summarizeWin),
    changed: backdated ? { lastRun: lastBefore, added: others.map(summarizeWin), removed: removed.map(summarizeWin) } : null,
    next: earned.length === 0 ? withinReach(after) : [],
    warnings: [...new Map(newRunWarnings.map((p) => [formatProblem(p), p])).values()],
  };
  const errorsAfter = after.errors.length > 0 ? `\nThe journal now has problems (npm run check):\n${listProblems(after.errors)}\n` : '';
  if (request.json) return { exitCode: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: errorsAfter };
  const text = formatLogReport(report, profile.units);
  return { exitCode: 0, stdout: text.stdout, stderr: text.stderr + errorsAfter };
}
