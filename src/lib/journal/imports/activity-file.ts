// Reads one GPS file (.gpx, .tcx, .fit, each optionally .gz) into a cacheable summary.
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { summarizeActivity, type ActivitySummary, type ParsedActivity } from './activity.ts';
import { summaryKey, type FileStamp, type ImportCache } from './cache.ts';
import { parseFit } from './fit.ts';
import { parseGpx } from './gpx.ts';
import type { PrivacyInput } from './privacy.ts';
import { parseTcx } from './tcx.ts';

const gunzipAsync = promisify(gunzip);

/** No real track unzips to this much (a day-long run at a point a second is a few MB): a file that would is not read. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

export type ActivityFormat = 'gpx' | 'tcx' | 'fit';

/** `run.fit.gz` → `fit`; null for anything else. */
export function activityFormatOf(path: string): ActivityFormat | null {
  const match = /\.(gpx|tcx|fit)(\.gz)?$/i.exec(path);
  return match ? (match[1]!.toLowerCase() as ActivityFormat) : null;
}

export interface ActivityFileResult {
  summary: ActivitySummary | null;
  /** Problems decoding the file; with a summary, it was read only in part. */
  warnings: string[];
}

/** What decoding one file needs: plain data, so it can be posted to a worker thread. */
export interface ParseJob {
  format: ActivityFormat;
  bytes: Uint8Array;
  gzipped: boolean;
  /** The trim, the secret and the named zones (plain data: it is posted to worker threads). */
  privacy: PrivacyInput;
  /** Most bytes a gzipped file may inflate to (an archive's entries are held to a limit). */
  maxBytes?: number;
}

/** Decodes a job, in this thread or a worker's. */
export type ActivityParser = (job: ParseJob) => Promise<ActivityFileResult>;

function decode(format: ActivityFormat, bytes: Uint8Array): { activity: ParsedActivity | null; warnings: string[] } {
  if (format === 'fit') return parseFit(bytes);
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  return format === 'gpx' ? parseGpx(text) : parseTcx(text);
}

export async function parseActivity(job: ParseJob): Promise<ActivityFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = job.gzipped ? await gunzipAsync(job.bytes, { maxOutputLength: MAX_UNZIPPED_BYTES }) : job.bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return { summary: null, warnings: [`unzips to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB: not read (no track is that large)`] };
    }
    return { summary: null, warnings: [`could not unzip the file (${(error as Error).message})`] };
  }
  try {
    const { activity, warnings } = decode(job.format, bytes);
    if (!activity) return { summary: null, warnings };
    const summarized = summarizeActivity(activity, job.privacy);
    return { summary: summarized.summary, warnings: [...warnings, ...summarized.warnings] };
  } catch (error) {
    return { summary: null, warnings: [(error as Error).message] };
  }
}

/**
 * The summary of one file: from the cache when the file is unchanged (same size and time, or
 * same content), else decoded by `parse` and cached. Damaged files are not cached, so their
 * warning is reported on every build.
 */
export async function readActivityFile(
  path: string,
  privacy: PrivacyInput,
  cache: ImportCache | null,
  parse: ActivityParser = parseActivity,
): Promise<ActivityFileResult> {
  if (!activityFormatOf(path)) return { summary: null, warnings: ['not a .gpx, .tcx or .fit file'] };
  let stamp: FileStamp;
  try {
    const info = await stat(path);
    stamp = { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    return { summary: null, warnings: [`could not read the file (${(error as Error).message})`] };
  }
  return readCachedActivity({ name: path, stamp, load: () => readFile(path) }, privacy, cache, parse);
}

/** An activity file wherever it is stored (a folder, an archive): its cache name, its stamp and how to read it. */
export interface StoredActivity {
  name: string;
  stamp: FileStamp;
  load: () => Promise<Uint8Array>;
  maxBytes?: number;
}

/** `readActivityFile` for a file read by `load`: the cache, then the parser. */
export async function readCachedActivity(
  file: StoredActivity,
  privacy: PrivacyInput,
  cache: ImportCache | null,
  parse: ActivityParser = parseActivity,
): Promise<ActivityFileResult> {
  const format = activityFormatOf(file.name);
  if (!format) return { summary: null, warnings: ['not a .gpx, .tcx or .fit file'] };
  const { stamp } = file;
  let raw: Uint8Array;
  try {
    const known = cache ? await cache.keyFor(file.name, stamp, privacy) : null;
    const hit = known && cache ? await cache.get(known) : null;
    if (hit) return { summary: hit, warnings: [] };
    raw = await file.load();
  } catch (error) {
    return { summary: null, warnings: [`could not read the file (${(error as Error).message})`] };
  }
  const job: ParseJob = { format, bytes: raw, gzipped: /\.gz$/i.test(file.name), privacy };
  if (file.maxBytes !== undefined) job.maxBytes = file.maxBytes;
  // Without a cache there is nothing to look up: the file's content is not even hashed.
  if (!cache) return parse(job);
  // Keyed by the file as stored (still gzipped): a hit needs no gunzip.
  const key = summaryKey(raw, privacy);
  const cached = await cache.get(key);
  if (cached) {
    await cache.remember(file.name, stamp, privacy, key);
    return { summary: cached, warnings: [] };
  }
  const result = await parse(job);
  if (result.summary && result.warnings.length === 0) {
    await cache.set(key, result.summary);
    await cache.remember(file.name, stamp, privacy, key);
  }
  return result;
}
