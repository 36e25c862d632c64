// The only I/O of the journal: lists and reads the files of a journal folder, then builds the Journal.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { IsoDate, Journal } from '../types.ts';
import { buildJournal, type SourceFile } from './build-journal.ts';
import { IMPORTED_DIR, ROUTES_DIR } from './imported-runs.ts';
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
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function readAll(dir: string, displayDir: string, files: string[]): Promise<SourceFile[]> {
  return Promise.all(files.map(async (file) => ({ path: `${displayDir}/${file}`, text: await readFile(join(dir, file), 'utf8') })));
}

/** `exclude`: raw export files or folders inside the journal to read as if they were gone (what `import` replaces). */
export async function readJournal(dir: string, options: { today?: IsoDate | null; exclude?: readonly string[] } = {}): Promise<Journal> {
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
  const [entryFiles, goals, imported, importedCsv, routeFiles] = await Promise.all([
    listFiles(journalDir, /\.mdx?$/i, true),
    listFiles(join(dir, 'goals'), /\.mdx?$/i, false).then((files) => readAll(join(dir, 'goals'), `${displayDir}/goals`, files)),
    readImports(dir, displayDir, profile, options.exclude ? { texts, exclude: options.exclude } : { texts }),
    listFiles(join(dir, IMPORTED_DIR), /\.csv$/i, false).then((files) => readAll(join(dir, IMPORTED_DIR), `${displayDir}/${IMPORTED_DIR}`, files)),
    listFiles(join(dir, ROUTES_DIR), /\.geojson$/i, false).then((files) =>
      Promise.all(files.map(async (file) => ({ name: `${ROUTES_DIR}/${file}`, text: await readFile(join(dir, ROUTES_DIR, file), 'utf8') }))),
    ),
  ]);
  const entries = await Promise.all(
    entryFiles.map(async (file) => ({
      path: `${displayDir}/journal/${file}`,
      storyId: storyIdOf(`journal/${file}`),
      text: await readFile(join(journalDir, file), 'utf8'),
    })),
  );
  const routes = { dir: `${displayDir}/${ROUTES_DIR}`, files: routeFiles };
  return buildJournal({ profile, profileProblems, csv, entries, goals, imported, importedCsv, routes }, options);
}
