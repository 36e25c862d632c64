// The only I/O of the journal: lists and reads the files of a journal folder, then builds the Journal.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { IsoDate, Journal } from '../types.ts';
import { buildJournal, type SourceFile } from './build-journal.ts';
import { readImports } from './imports/read-imports.ts';
import { problem } from './problems.ts';
import { defaultProfile, parseProfile } from './profile.ts';
import { storyIdOf } from './stories.ts';

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

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Files under `dir` whose name matches, as paths relative to `dir` with forward slashes, sorted. */
async function listFiles(dir: string, pattern: RegExp, recursive: boolean): Promise<string[]> {
  if (!(await isDirectory(dir))) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive });
  // A link to a file is read like the file (as profile.md always was): `log` writes through links too.
  const linked = await Promise.all(entries.map((entry) => (entry.isSymbolicLink() ? isFile(join(entry.parentPath, entry.name)) : false)));
  return entries
    .filter((entry, i) => (entry.isFile() || linked[i]) && pattern.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function readAll(dir: string, displayDir: string, files: string[]): Promise<SourceFile[]> {
  return Promise.all(files.map(async (file) => ({ path: `${displayDir}/${file}`, text: await readFile(join(dir, file), 'utf8') })));
}

export interface ReadJournalOptions {
  today?: IsoDate | null;
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
    return { runs: [], stories: [], goals: [], profile: defaultProfile(), errors: [missing], warnings: [], skipped: {}, merged: 0, today: options.today ?? null };
  }

  const profileText = await readIfExists(join(dir, 'profile.md'));
  const { profile, problems: profileProblems } = parseProfile(profileText, `${displayDir}/profile.md`);
  const journalDir = join(dir, 'journal');
  // Top-level CSVs are read once: the importers look at the same files (an export is a CSV too).
  const csvFiles = await listFiles(dir, /\.csv$/i, false);
  const csvTexts = await Promise.all(csvFiles.map((file) => readFile(join(dir, file), 'utf8')));
  const csv = csvFiles.map((file, i) => ({ path: `${displayDir}/${file}`, text: csvTexts[i]! }));
  const texts = new Map(csvFiles.map((file, i) => [join(resolve(dir), file), csvTexts[i]!]));
  const [entryFiles, goals, imported] = await Promise.all([
    listFiles(journalDir, /\.mdx?$/i, true),
    listFiles(join(dir, 'goals'), /\.mdx?$/i, false).then((files) => readAll(join(dir, 'goals'), `${displayDir}/goals`, files)),
    readImports(dir, displayDir, profile, { texts }),
  ]);
  const entries = await Promise.all(
    entryFiles.map(async (file) => ({
      path: `${displayDir}/journal/${file}`,
      storyId: storyIdOf(`journal/${file}`),
      text: await readFile(join(journalDir, file), 'utf8'),
    })),
  );
  return buildJournal({ profile, profileProblems, csv: withPending(csv, displayDir, dir, options.pending), entries, goals, imported }, options);
}
