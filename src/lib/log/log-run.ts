// The `log` command: validate one run exactly as `check` would, append it atomically under a lock,
// and tell the runner what it earned. The clock is read in one place only: the default date, from `now`.
import { access, lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { formatDistance, formatDuration } from '../format/units.ts';
import { formatProblem, problemLocation } from '../journal/problems.ts';
import { readJournal } from '../journal/read-journal.ts';
import { slugify } from '../format/slug.ts';
import { futureRunWarnings } from '../journal/plausibility.ts';
import { beatsWorldRecord, worldRecordTime } from '../journal/world-records.ts';
import type { IsoDate, Journal, Problem } from '../types.ts';
import { findWins } from '../wins/find-wins.ts';
import { matchRewards } from '../wins/rewards.ts';
import { appendRow, MissingColumnsError, type RowValues } from './csv-append.ts';
import { JournalFileError, replaceBlocker, writeFileAtomic, writeTarget, type AtomicWriteSteps } from '../fs/atomic-write.ts';
import { LockBusyError, withFileLock, type LockOptions } from './journal-lock.ts';
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
  /** How long to wait for another log's lock, and when a lock is stale (tests shorten them). */
  lock?: LockOptions;
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

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
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

/** A problem with what was typed on the command line: named by its argument, not by a file's line. */
function argumentProblem(p: Problem): string {
  return formatProblem(p).slice(problemLocation(p).length).trimStart();
}

/** Refused before anything was written, with the reason; else what was written and the journal it made. */
type Locked =
  | { refused: LogOutcome }
  | { refused: null; before: Journal; after: Journal; values: RowValues & { date: string }; line: number; created: boolean; storyPath: string | null; problems: Problem[] };

interface LogTarget {
  dataDir: string;
  /** The journal file as named (a symbolic link stays one: the write goes through it). */
  file: string;
  shownFile: string;
  story: boolean;
}

async function readBytesIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Under the file's lock: reads the journal, appends the run's bytes after the file's own (never
 * decoding and re-encoding them), checks the journal as it would be, and only then writes.
 */
async function appendLocked(target: LogTarget, typed: RowValues, env: LogEnvironment): Promise<Locked> {
  const { dataDir, file, shownFile } = target;
  const before = await readJournal(dataDir, { today: env.journalToday });
  if (before.errors.length > 0) {
    return { refused: refuse(`The journal has problems; fix them first (npm run check):\n${listProblems(before.errors)}`) };
  }
  const profile = before.profile;
  const values: RowValues & { date: string } = { ...typed, date: typed.date ?? todayIn(env.now, profile.timezone) };
  const date = values.date.slice(0, 10);
  const storyPath = target.story ? join(dataDir, 'journal', storyFileName(date, values.title ?? null)) : null;
  if (storyPath !== null) {
    if (await exists(storyPath)) return { refused: refuse(`${displayPath(storyPath)} already exists; nothing was written`) };
    // An untitled story on a day that already has a run could not tell which run it belongs to.
    if (values.title === undefined && before.runs.some((r) => r.date === date)) {
      return { refused: refuse(`--story needs a --title on a day that already has a run (${date}); nothing was written`) };
    }
  }


  const original = await readBytesIfExists(file);
  let appended;
  try {
    appended = appendRow(original?.toString('utf8') ?? '', values);
  } catch (error) {
    if (error instanceof MissingColumnsError) return { refused: refuse(`${shownFile}: ${error.message}`) };
    throw error;
  }
  const bytes = Buffer.concat([original ?? Buffer.alloc(0), Buffer.from(appended.addition, 'utf8')]);
  const line = appended.line;
  const atNewRow = (p: Problem): boolean => p.line === line && resolve(p.path) === file;

  // The journal as `check` would read it with the run added: the same parsers, the same messages.
  const after = await readJournal(dataDir, { today: env.journalToday, pending: { file, text: bytes.toString('utf8') } });
  const typedErrors = after.errors.filter(atNewRow);
  if (typedErrors.length > 0) return { refused: refuse(`${typedErrors.map(argumentProblem).join('\n')}\nNothing was written.`) };
  if (after.errors.length > 0) {
    return { refused: refuse(`With this run the journal would have problems (npm run check):\n${listProblems(after.errors)}\nNothing was written.`) };
  }
  const run = after.runs.find((r) => r.source.line === line && resolve(r.source.path) === file);
  if (run === undefined) {
    return { refused: refuse(`${shownFile}: the journal does not read runs from this file (it is not a hand-written runs file); nothing was written`) };
  }
  if (run.time !== null && beatsWorldRecord(run.distance, run.time)) {
    const record = formatDuration(Math.ceil(worldRecordTime(run.distance)));
    return {
      refused: refuse(
        `distance and time: got "${values.distance}" in "${values.time ?? ''}", expected a run no faster than the world record for ${formatDistance(run.distance, profile.units)} (${record}): check both\nNothing was written.`,
      ),
    };
  }

  try {
    await writeFileAtomic(file, bytes, env.writeSteps);
  } catch (error) {
    const reason = error instanceof JournalFileError ? error.message : `could not write (${(error as Error).message})`;
    return { refused: refuse(`${shownFile}: ${reason}; the journal is unchanged`) };
  }
  if (storyPath !== null) {
    await mkdir(dirname(storyPath), { recursive: true });
    await writeFile(storyPath, storyText(values), { flag: 'wx' });
  }
  const problems = after.warnings.filter(atNewRow);
  return { refused: null, before, after, values, line, created: original === null, storyPath, problems };
}

async function isSymbolicLink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
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
  if (!(await isDirectory(dataDir))) return refuse(`${displayPath(dataDir)}: expected a journal folder (it does not exist); nothing was written`);

  // The journal never reads through a link (check warns about each), so a run appended through one
  // would count nowhere: refuse before anything is written.
  if (await isSymbolicLink(file)) {
    return refuse(`${shownFile}: expected the journal file itself, not a symbolic link (the journal never reads through links); replace the link with the file; nothing was written`);
  }

  let written: Locked;
  try {
    // The file as it will be replaced (a link to it would have been refused above).
    const target = await writeTarget(file);
    const blocked = await replaceBlocker(target);
    if (blocked !== null) return refuse(`${shownFile}: ${blocked}; nothing was written`);
    written = await withFileLock(target, () => appendLocked({ dataDir, file, shownFile, story: request.story }, request.values, env), env.lock);
  } catch (error) {
    if (error instanceof JournalFileError || error instanceof LockBusyError) return refuse(`${shownFile}: ${error.message}; nothing was written`);
    throw error;
  }
  if (written.refused !== null) return written.refused;
  const { before, after, values, line, storyPath } = written;
  const profile = before.profile;
  const date = values.date.slice(0, 10);

  const winsBefore = findWins(before.runs, before.goals, before.profile);
  const winsAfter = findWins(after.runs, after.goals, after.profile);
  const run = after.runs.find((r) => r.source.line === line && resolve(r.source.path) === file) ?? null;
  const { added, removed } = diffWins(winsBefore, winsAfter);
  const lastBefore = lastRunDate(before);
  const backdated = lastBefore !== null && date < lastBefore;
  // Appended after the last run, every new win is this run's; dated earlier, it may reshuffle others.
  const earned = backdated && run !== null ? added.filter((win) => win.runs.includes(run.id)) : added;
  const others = added.filter((win) => !earned.includes(win));

  const newRunWarnings = [...written.problems, ...(run === null ? [] : futureRunWarnings([run], todayIn(env.now, profile.timezone)))];
  // A reward is earned the moment its win is: one of the wins this run brought.
  const earnedSlugs = new Set(earned.map((win) => win.slug));
  const rewards = matchRewards(after.rewards ?? [], winsAfter, after.runs, after.goals, profile, after.today).earned
    .filter(({ win }) => earnedSlugs.has(win.slug))
    .map(({ reward, win }) => ({ text: reward.text, win: win.slug, for: win.title, private: reward.private }));
  const report: LogReport = {
    file: shownFile,
    line,
    created: written.created,
    run: run === null ? null : loggedRun(run),
    story: storyPath === null ? null : displayPath(storyPath),
    wins: earned.map(summarizeWin),
    rewards,
    changed: backdated ? { lastRun: lastBefore, added: others.map(summarizeWin), removed: removed.map(summarizeWin) } : null,
    next: earned.length === 0 ? withinReach(after) : [],
    warnings: [...new Map(newRunWarnings.map((p) => [formatProblem(p), p])).values()],
  };
  if (request.json) return { exitCode: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
  const text = formatLogReport(report, profile.units);
  return { exitCode: 0, stdout: text.stdout, stderr: text.stderr };
}
