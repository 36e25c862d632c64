// What a build left in its output folder: every file with its size and modification time (and,
// for a share card, the cache key it was copied from). The next build trusts a file only if it
// still matches this record, the check rsync makes: anything written over it since, by a person
// or a tool, makes it a stranger.
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.ts';

export interface OutputFile {
  size: number;
  mtimeMs: number;
  /** The card cache key a share card was copied from. */
  key?: string;
}

/** Files by their path relative to the output folder, always with `/`. */
export type OutputFiles = Map<string, OutputFile>;

interface RecordFile {
  version: 1;
  outDir: string;
  files: Record<string, OutputFile>;
}

/** `astro build` never touches a top-level `.git` (a Pages branch checked out into dist/), nor do we. */
const SPARED_AT_TOP = new Set(['.git']);

export async function readOutputRecord(path: string, outDir: string): Promise<OutputFiles> {
  try {
    const file = JSON.parse(await readFile(path, 'utf8')) as RecordFile;
    if (file.version !== 1 || file.outDir !== outDir) return new Map();
    return new Map(Object.entries(file.files));
  } catch {
    return new Map();
  }
}

export async function writeOutputRecord(path: string, outDir: string, files: OutputFiles): Promise<void> {
  // Sorted, so the record does not depend on the order files were found in.
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const record: RecordFile = { version: 1, outDir, files: sorted };
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(record));
}

export const toRecordPath = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));

/**
 * Every regular file under `outDir` (symbolic links count as files to remove, never followed).
 * Synchronous on purpose: a build opens and closes its folder with nothing else running, and
 * thousands of stats in one loop are quicker than through the thread pool.
 */
export function listOutputFiles(outDir: string): OutputFiles {
  const root = resolve(outDir);
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const files: OutputFiles = new Map();
  // Paths by slicing, not path.join/relative: thousands of files, and each call normalises again.
  const prefixLength = root.endsWith(sep) ? root.length : root.length + sep.length;
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const full = entry.parentPath + sep + entry.name;
    const path = toRecordPath(full.slice(prefixLength));
    const slash = path.indexOf('/');
    if (SPARED_AT_TOP.has(slash === -1 ? path : path.slice(0, slash))) continue;
    const stats = lstatSync(full, { throwIfNoEntry: false });
    // A link is recorded with an impossible size, so it never matches and is always removed.
    if (stats) files.set(path, { size: stats.isFile() ? stats.size : -1, mtimeMs: stats.mtimeMs });
  }
  return files;
}

export function sameFile(a: OutputFile | undefined, b: OutputFile | undefined): boolean {
  return a !== undefined && b !== undefined && a.size >= 0 && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
