// Parsed-activity cache: decoding thousands of GPS files is the slow part of an import, so each
// file's summary is kept on disk, keyed by a hash of its content (plus what the summary depends on).
// The cache also remembers each file's key by path, size and modification time, so a re-import
// neither reads nor hashes unchanged files. One JSON file holds it all: one read instead of
// thousands of small ones.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ActivitySummary } from './activity.ts';
import { privacyFingerprint, type PrivacyInput } from './privacy.ts';

/** Bump when ActivitySummary or how it is computed changes: the old cache is then ignored. */
export const CACHE_VERSION = 4;

/** `$SMALL_WINS_CACHE/imports`, else `.cache/small-wins/imports` under the working directory. */
export function importCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const base = env.SMALL_WINS_CACHE ? resolve(cwd, env.SMALL_WINS_CACHE) : resolve(cwd, '.cache/small-wins');
  return join(base, 'imports');
}

/** The trim, the secret (as a hash of it) and the named zones change the track, so they are in the key. */
export function summaryKey(content: Uint8Array, privacy: PrivacyInput): string {
  return createHash('sha256').update(`v${CACHE_VERSION}:${privacyFingerprint(privacy)}:`).update(content).digest('hex');
}

/** How a file looked when its key was computed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface ImportCache {
  get(key: string): Promise<ActivitySummary | null>;
  set(key: string, summary: ActivitySummary): Promise<void>;
  /** The content key last computed for this file, if it has not changed since. */
  keyFor(path: string, stamp: FileStamp, privacy: PrivacyInput): Promise<string | null>;
  remember(path: string, stamp: FileStamp, privacy: PrivacyInput, key: string): Promise<void>;
  /** Writes what changed; call once after an import. */
  flush(): Promise<void>;
}

interface Store {
  files: Record<string, FileStamp & { privacy: string; key: string }>;
  summaries: Record<string, ActivitySummary>;
}

/** A cache in `dir`; a missing or unreadable cache is empty, a failed write is ignored. */
export function openImportCache(dir: string = importCacheDir()): ImportCache {
  const path = join(dir, `activities-v${CACHE_VERSION}.json`);
  let store: Promise<Store> | null = null;
  let dirty = false;
  const load = (): Promise<Store> =>
    (store ??= readFile(path, 'utf8').then(
      (text) => JSON.parse(text) as Store,
      (): Store => ({ files: {}, summaries: {} }),
    ));
  return {
    async get(key) {
      return (await load()).summaries[key] ?? null;
    },
    async set(key, summary) {
      (await load()).summaries[key] = summary;
      dirty = true;
    },
    async keyFor(file, stamp, privacy) {
      const entry = (await load()).files[file];
      const same = entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs && entry.privacy === privacyFingerprint(privacy);
      return same ? entry.key : null;
    },
    async remember(file, stamp, privacy, key) {
      (await load()).files[file] = { size: stamp.size, mtimeMs: stamp.mtimeMs, privacy: privacyFingerprint(privacy), key };
      dirty = true;
    },
    async flush() {
      if (!dirty) return;
      try {
        const text = JSON.stringify(await load());
        await mkdir(dir, { recursive: true });
        // Write then rename, so a crash (or a second build at once) never leaves half a file.
        const temp = `${path}.${process.pid}.tmp`;
        await writeFile(temp, text);
        await rename(temp, path);
        dirty = false;
      } catch {
        // The cache only saves time; the import itself already succeeded.
      }
    },
  };
}
