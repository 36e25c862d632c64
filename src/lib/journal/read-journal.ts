// The only I/O of the journal: lists and reads the files of a journal folder, then builds the Journal.
import { constants as bufferLimits } from 'node:buffer';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { IsoDate, Journal, Problem } from '../types.ts';
import { buildJournal, type SourceFile } from './build-journal.ts';
import { cardFontNameProblem, cardFontProblem, profileFontPaths } from './font-files.ts';
import { IMPORTED_DIR, ROUTES_DIR } from './imported-runs.ts';
import { activityDates, mapLimit, readImports } from './imports/read-imports.ts';
import { problem } from './problems.ts';
import { defaultProfile, parseProfile } from './profile.ts';
import { REFLECTION_FILE, REFLECTIONS_DIR } from './reflections.ts';
import { REWARDS_FILE } from './rewards.ts';
import { storyIdOf } from './stories.ts';
import { decodeJournalText } from './text-bytes.ts';

/**
 * Files open at once while reading: far below any usual open-file limit (macOS starts at 256), so a
 * journal of thousands of files reads without running out of them, and enough to keep a disk busy.
 */
const OPEN_FILES = 32;

/** A path as the user would type it: relative to the working directory when inside it, forward slashes. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel === '' ? '.' : rel.startsWith('..') && isAbsolute(path) ? path : rel;
  return shown.split(sep).join('/');
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Why a file could not be read, in words (the system's code kept for searching). */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'a file (this is a folder)';
  if (code === 'EACCES' || code === 'EPERM') return `a file you may read (${code}: permission denied)`;
  if (code === 'ELOOP') return `a file (${code}: a symbolic link that leads round in a loop)`;
  if (code === 'ENOENT') return `a file (${code}: it does not exist)`;
  return `a readable file (${code ?? (error as Error).message})`;
}

/** The most bytes a journal file may have: the longest text JavaScript can hold. */
export const MAX_TEXT_BYTES = bufferLimits.MAX_STRING_LENGTH;

const MIB = 1024 * 1024;

function tooLargeToRead(size: number): string {
  return `a file of at most ${Math.floor(MAX_TEXT_BYTES / MIB)} MiB, the most one text can hold (this one is ${Math.ceil(size / MIB)} MiB): split it, or move what is not journal out of the folder`;
}

/** A file's text; a file that cannot be read is one whole-file error, bytes that are not UTF-8 a warning. */
async function readText(path: string, shown: string, problems: Problem[]): Promise<string | null> {
  let bytes: Buffer;
  try {
    // Asked before reading: a file past what one text can hold would fail to decode with a stack
    // trace, after its whole size was read into memory.
    const { size } = await stat(path);
    if (size > MAX_TEXT_BYTES) {
      problems.push(problem('error', { path: shown, line: null }, null, null, tooLargeToRead(size)));
      return null;
    }
    bytes = await readFile(path);
  } catch (error) {
    problems.push(problem('error', { path: shown, line: null }, null, null, readFailure(error)));
    return null;
  }
  const decoded = decodeJournalText(bytes, shown);
  problems.push(...decoded.problems);
  return decoded.text;
}

/** An optional top-level file's text (`profile.md`, `rewards.md`), or null when there is none. */
async function readOptionalText(path: string, shown: string, problems: Problem[]): Promise<string | null> {
  try {
    // A link is never followed, like every link in the journal (the importer warns about it).
    if ((await lstat(path)).isSymbolicLink()) return null;
  } catch (error) {
    // No profile is the defaults; any other failure (a loop of links) is reported below by reading.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  return readText(path, shown, problems);
}

/** Files under `dir` whose name matches, as paths relative to `dir` with forward slashes, sorted. */
async function listFiles(dir: string, pattern: RegExp, recursive: boolean): Promise<string[]> {
  // Links inside the journal, to files or folders, are never followed (the importer warns about each).
  if (!(await lstat(dir).then((info) => info.isDirectory(), () => false))) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive });
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The files that could be read, each with its text; problems for the rest. */
async function readAll(dir: string, displayDir: string, files: string[], problems: Problem[]): Promise<Array<SourceFile & { file: string }>> {
  const read = await mapLimit(files, OPEN_FILES, async (file) => {
    const path = `${displayDir}/${file}`;
    const text = await readText(join(dir, file), path, problems);
    return text === null ? null : { file, path, text };
  });
  return read.filter((source) => source !== null);
}

/** Each `fonts:` entry of the profile must be a font file the share cards can use. */
async function fontProblems(fonts: readonly string[], lines: readonly number[], dir: string, profilePath: string): Promise<Problem[]> {
  const paths = profileFontPaths(fonts, dir);
  const entries = fonts.map((font, i) => ({ font, path: paths[i]!, at: { path: profilePath, line: lines[i] ?? 1 } }));
  const found = await mapLimit(entries, OPEN_FILES, async ({ font, path, at }): Promise<Problem | null> => {
    const wrongName = cardFontNameProblem(path);
    if (wrongName !== null) return problem('error', at, 'fonts', font, wrongName);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (error) {
      return problem('error', at, 'fonts', font, `${readFailure(error)} at ${displayPath(path)}`);
    }
    const wrong = cardFontProblem(path, data);
    return wrong === null ? null : problem('error', at, 'fonts', font, wrong);
  });
  return found.filter((p) => p !== null);
}

export interface ReadJournalOptions {
  today?: IsoDate | null;
  /** Raw export files or folders inside the journal to read as if they were gone (what `import` replaces). */
  exclude?: readonly string[];
  /** A top-level CSV read as if it held `text` (created if missing): `log` checks the journal it would write before writing it. */
  pending?: { file: string; text: string };
}

/** The hand-written CSVs with the pending file's text in place of (or added to) what is on disk. */
function withPending(csv: SourceFile[], displayDir: string, dir: string, pending: ReadJournalOptions['pending']): SourceFile[] {
  if (pending === undefined || relative(resolve(dir), dirname(resolve(pending.file))) !== '') return csv;
  const path = `${displayDir}/${basename(pending.file)}`;
  return [...csv.filter((file) => file.path !== path), { path, text: pending.text }];
}

export async function readJournal(dir: string, options: ReadJournalOptions = {}): Promise<Journal> {
  const displayDir = displayPath(dir);
  if (!(await isDirectory(dir))) {
    const missing = problem('error', { path: displayDir, line: null }, null, null, 'a journal folder (it does not exist)');
    return { runs: [], stories: [], reflections: [], goals: [], profile: defaultProfile(), errors: [missing], warnings: [], skipped: {}, merged: 0, today: options.today ?? null };
  }

  const fileProblems: Problem[] = [];
  const profilePath = `${displayDir}/profile.md`;
  const profileText = await readOptionalText(join(dir, 'profile.md'), profilePath, fileProblems);
  const rewardsPath = `${displayDir}/${REWARDS_FILE}`;
  // Like the profile: optional, and a link is never followed.
  const rewardsText = await readOptionalText(join(dir, REWARDS_FILE), rewardsPath, fileProblems);
  const { profile, problems: profileProblems, fontLines } = parseProfile(profileText, profilePath);
  fileProblems.push(...(await fontProblems(profile.fonts, fontLines, dir, profilePath)));
  const journalDir = join(dir, 'journal');
  // Top-level CSVs are read once: the importers look at the same files (an export is a CSV too).
  // With a trailing separator, a journal folder that is itself a link is followed.
  const csvFiles = await listFiles(resolve(dir) + sep, /\.csv$/i, false);
  const csv = await readAll(dir, displayDir, csvFiles, fileProblems);
  // A CSV that could not be read is given to the importers as empty, so they do not try again.
  const csvTexts = new Map(csv.map((source) => [source.file, source.text]));
  const texts = new Map(csvFiles.map((file) => [join(resolve(dir), file), csvTexts.get(file) ?? '']));
  const importOptions = { texts, today: options.today ?? null, ...(options.exclude ? { exclude: options.exclude } : {}) };
  const [entries, goals, reflections, imported, importedCsv, routeFiles] = await Promise.all([
    listFiles(journalDir, /\.mdx?$/i, true).then((files) => readAll(journalDir, `${displayDir}/journal`, files, fileProblems)),
    listFiles(join(dir, 'goals'), /\.mdx?$/i, false).then((files) => readAll(join(dir, 'goals'), `${displayDir}/goals`, files, fileProblems)),
    listFiles(join(dir, REFLECTIONS_DIR), REFLECTION_FILE, false).then((files) =>
      readAll(join(dir, REFLECTIONS_DIR), `${displayDir}/${REFLECTIONS_DIR}`, files, fileProblems),
    ),
    readImports(dir, displayDir, profile, importOptions),
    listFiles(join(dir, IMPORTED_DIR), /\.csv$/i, false).then((files) => readAll(join(dir, IMPORTED_DIR), `${displayDir}/${IMPORTED_DIR}`, files, fileProblems)),
    listFiles(join(dir, ROUTES_DIR), /\.geojson$/i, false).then((files) => readAll(join(dir, ROUTES_DIR), `${displayDir}/${ROUTES_DIR}`, files, fileProblems)),
  ]);
  return buildJournal(
    {
      profile,
      profileProblems,
      fileProblems,
      csv: withPending(csv.map(({ path, text }) => ({ path, text })), displayDir, dir, options.pending),
      entries: entries.map(({ file, path, text }) => ({ path, text, storyId: storyIdOf(`journal/${file}`) })),
      goals: goals.map(({ path, text }) => ({ path, text })),
      reflections,
      rewards: rewardsText === null ? null : { path: rewardsPath, text: rewardsText },
      imported,
      importedCsv: importedCsv.map(({ path, text }) => ({ path, text })),
      routes: { dir: `${displayDir}/${ROUTES_DIR}`, files: routeFiles.map(({ file, text }) => ({ name: `${ROUTES_DIR}/${file}`, text })) },
    },
    { today: options.today ?? null, latestDate: activityDates(options.today).latest },
  );
}
