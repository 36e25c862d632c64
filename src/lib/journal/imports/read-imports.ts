// Finds Strava exports, Garmin Connect CSVs and loose GPX/TCX/FIT files under the journal folder
// and turns them into run drafts. The only I/O of the importers (plus the cache).
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { IsoDate, Problem, Profile, RunDraft } from '../../types.ts';
import { EARLIEST_YEAR } from './streams.ts';
import { aYearAfter } from '../fields.ts';
import { draftFromSummary, TOO_SHORT, tooShortToBeRun, type ActivitySummary } from './activity.ts';
import { appleWorkoutDraft, isAppleHealthExport, readAppleHealthXml, routePath, workoutLength, type AppleHealthRead } from './apple-health.ts';
import { activityFormatOf, readActivityFile, type ActivityParser } from './activity-file.ts';
import { openImportCache, type ImportCache } from './cache.ts';
import { readCsvHeader, readCsvRecords } from './csv-records.ts';
import { garminColumns, garminRowToDraft } from './garmin-csv.ts';
import { createParsePool, inProcessParser, type ParsePool } from './parse-pool.ts';
import { DEFAULT_PRIVACY_TRIM_M, type PrivacySettings } from './privacy.ts';
import { loadPrivacy } from './privacy-secret.ts';
import { problem } from '../problems.ts';
import { RawFileTally } from './raw-files.ts';
import { isRunningSport } from './run-types.ts';
import { isStravaRun, stravaColumns, stravaFilename, stravaRowToDraft, stravaSport, unknownLanguageProblem } from './strava-csv.ts';

export interface ImportResult {
  runs: RunDraft[];
  problems: Problem[];
  /** Non-running activities skipped, by sport. */
  skipped: Record<string, number>;
}

export interface ImportOptions {
  /** Where parsed GPS files are cached; null for no cache. Default: `importCacheDir()`. */
  cache?: ImportCache | null;
  /** Decode on worker threads when there are many files to decode. Default: true. */
  workers?: boolean;
  /** CSV files the caller has read already, by absolute path: not read a second time. */
  texts?: ReadonlyMap<string, string>;
  /** The journal's today: an activity dated more than a year after it is an error. Default: the clock's day (UTC). */
  today?: IsoDate | null;
  /** Files or folders (absolute) to leave out: raw files being imported, read as if already deleted. */
  exclude?: readonly string[];
}

// Below this many GPS files, starting worker threads costs more than it saves.
const WORKER_THRESHOLD = 24;

/** True when a CSV header is one an importer reads (Strava activities.csv, Garmin Connect export). */
export function isImportCsvHeader(header: string[]): boolean {
  const strava = stravaColumns(header);
  return (strava !== null && typeof strava !== 'string') || garminColumns(header) !== null;
}

// Files in flight at once: enough to keep every worker busy while this thread reads and hashes.
const CONCURRENCY = 8;

/** `fn` over `items` with at most `limit` calls in flight, results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Regular files under `dir` (hidden ones left out), and the symbolic links found there: links are
 * never followed, so nothing outside the folder is read through one.
 */
async function listFilesRecursive(dir: string): Promise<{ files: string[]; links: string[] }> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    const visible = entries.filter((entry) => !entry.name.startsWith('.'));
    const paths = (list: typeof visible): string[] => list.map((entry) => join(entry.parentPath, entry.name)).sort();
    return { files: paths(visible.filter((entry) => entry.isFile())), links: paths(visible.filter((entry) => entry.isSymbolicLink())) };
  } catch {
    return { files: [], links: [] };
  }
}

/** The activity dates an import keeps: from 1900 to a year after today (the clock's day, UTC, by default). */
export interface ActivityDates {
  readonly earliest: IsoDate;
  readonly latest: IsoDate;
}

export function activityDates(today?: IsoDate | null): ActivityDates {
  return { earliest: `${EARLIEST_YEAR}-01-01`, latest: aYearAfter(today ?? new Date().toISOString().slice(0, 10)) };
}

/**
 * Null when the activity's date is one an import keeps; otherwise the error that leaves it out
 * (a date outside the window is a device clock that was never set, or a typo in the export).
 */
export function activityDateProblem(draft: RunDraft, dates: ActivityDates): Problem | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(draft.date) && draft.date >= dates.earliest && draft.date <= dates.latest) return null;
  const { path, line, kind } = draft.source;
  const field = kind === 'strava' ? 'Activity Date' : kind === 'garmin' ? 'Date' : kind === 'apple' ? 'startDate' : 'date';
  const message = `expected an activity date from ${dates.earliest} to ${dates.latest} (a year after today): this activity is left out`;
  return { severity: 'error', path, line, field, value: draft.date, message };
}

/** A GPS file an export row names, when it lies inside the export folder; null for anything else. */
function insideExport(exportDir: string, name: string): string | null {
  if (isAbsolute(name) || /^[a-z]:/i.test(name) || name.startsWith('\\')) return null;
  const path = resolve(exportDir, name.replace(/\\/g, '/'));
  const rel = relative(exportDir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? path : null;
}

/** Other sports are counted under Strava's names (`Ride`, `Walk`, `Swim`), whatever file named them. */
export function sportLabel(sport: string): string {
  const words = sport.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  if (/cycl|bik|ride/.test(words)) return 'Ride';
  if (/walk/.test(words)) return 'Walk';
  if (/hik/.test(words)) return 'Hike';
  if (/swim/.test(words)) return 'Swim';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

class Collector {
  runs: RunDraft[] = [];
  problems: Problem[] = [];
  skipped: Record<string, number> = {};
  readonly dates: ActivityDates;
  constructor(dates: ActivityDates) {
    this.dates = dates;
  }
  /** Keeps a run dated inside the import window; anything else is reported and left out. */
  run(draft: RunDraft): void {
    const problem = activityDateProblem(draft, this.dates);
    if (problem === null) this.runs.push(draft);
    else this.problems.push(problem);
  }
  skip(sport: string): void {
    this.skipped[sport] = (this.skipped[sport] ?? 0) + 1;
  }
  warn(path: string, line: number | null, field: string | null, message: string): void {
    this.problems.push({ severity: 'warning', path, line, field, value: null, message });
  }
  error(path: string, line: number | null, field: string | null, value: string | null, message: string): void {
    this.problems.push({ severity: 'error', path, line, field, value, message });
  }
}

export async function readImports(
  dir: string,
  displayDir: string,
  profile: Profile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const cache = options.cache === undefined ? openImportCache() : options.cache;
  const trim = Number.isFinite(profile.privacyTrim) ? profile.privacyTrim : DEFAULT_PRIVACY_TRIM_M;
  const root = resolve(dir);
  const shown = (path: string): string => [displayDir, ...relative(root, path).split(sep)].join('/').replace(/^\.\//, '');
  const out = new Collector(activityDates(options.today));
  const excluded = (file: string): boolean => (options.exclude ?? []).some((e) => file === e || file.startsWith(e + sep));
  const listed = await listFilesRecursive(root);
  const files = listed.files.filter((file) => !excluded(file));
  const links = listed.links;
  const present: ReadonlySet<string> = new Set(files);
  for (const link of links) out.warn(shown(link), null, null, 'a symbolic link: skipped (only files and folders inside the journal folder are read, never through a link)');
  const raw = new RawFileTally();
  const topOf = (file: string): string => relative(root, file).split(sep)[0]!;
  const referenced = new Set<string>();
  const exportDirs = new Set<string>();
  // Workers start only on the first file the cache does not have.
  let pool: ParsePool | null = null;
  const gpsCount = files.filter((f) => activityFormatOf(f) !== null).length;
  // The secret is only needed (and its file only written) when this journal has tracks to trim.
  let privacy: PrivacySettings = { trim, secret: '', zones: [] };
  if (gpsCount > 0) {
    const loaded = await loadPrivacy(root, displayDir, trim, { create: false });
    privacy = loaded.settings;
    out.problems.push(...loaded.problems);
  }
  const parse: ActivityParser = (job) => {
    pool ??= options.workers !== false && gpsCount >= WORKER_THRESHOLD ? createParsePool() : inProcessParser;
    return pool.parse(job);
  };

  try {
    for (const file of files.filter((f) => /\.csv$/i.test(f))) {
      const text = options.texts?.get(file) ?? (await readFile(file, 'utf8'));
      const header = readCsvHeader(text);
      const path = shown(file);
      const strava = stravaColumns(header);
      const isActivitiesCsv = basename(file).toLowerCase() === 'activities.csv';
      if (typeof strava === 'string') {
        // Other CSVs of an export may share a first column or two; only activities.csv must be complete.
        if (isActivitiesCsv) {
          out.error(path, 1, 'header', header.join(','), `this Strava activities.csv has no "${strava}" column: it could not be read`);
        }
      } else if (strava !== null) {
        exportDirs.add(dirname(file));
        raw.add(topOf(file), 'stravaExports');
        await readStravaExport(file, path, text, profile, privacy, cache, parse, referenced, { links, files: present }, out, shown);
      } else if (garminColumns(header) !== null) {
        raw.add(topOf(file), 'garminCsvs');
        readGarminCsv(path, text, profile, out);
      } else if (isActivitiesCsv) {
        const names = header.slice(0, 6).join(', ');
        out.error(
          path,
          1,
          'header',
          header.join(','),
          `could not read this activities.csv: its header ("${names}${header.length > 6 ? ', …' : ''}") is not a Strava export layout this version knows`,
        );
      }
    }

    for (const file of files.filter((f) => isAppleHealthExport(f))) {
      raw.add(topOf(file), 'healthExports');
      await readAppleHealthExport(file, shown(file), profile, privacy, cache, parse, referenced, links, out, shown);
    }

    for (const file of files) {
      if (activityFormatOf(file) !== null) raw.add(topOf(file), 'tracks');
      // An export as downloaded: the reader does not open it, but `git add data` publishes it whole.
      else if (/\.zip$/i.test(file)) raw.add(topOf(file), 'archives');
    }
    out.problems.push(...raw.warnings((top) => shown(join(root, top))));
    const loose = files.filter((f) => activityFormatOf(f) !== null && !referenced.has(f));
    const results = await mapLimit(loose, CONCURRENCY, (file) => readActivityFile(file, privacy, cache, parse));
    loose.forEach((file, i) => {
      const { summary, warnings } = results[i]!;
      const path = shown(file);
      const inExport = [...exportDirs].some((d) => file.startsWith(d + sep));
      for (const warning of warnings) out.warn(path, null, null, summary ? `read in part: ${warning}` : warning);
      if (!summary) return;
      if (!summary.isRun) {
        out.skip(sportLabel(summary.sport ?? 'Unknown'));
        return;
      }
      if (tooShortToBeRun(summary)) {
        out.skip(TOO_SHORT);
        return;
      }
      const format = activityFormatOf(file)!;
      const draft = draftFromSummary(summary, { path, line: null, kind: format }, profile.timezone);
      if (draft) out.run(draft);
      // A GPX route (no times) is a plan, not an activity: exports hold many; only loose ones are worth a word.
      else if (summary.start === null) {
        if (!inExport) out.warn(path, null, null, 'no timed track points: not a recorded activity');
      } else out.warn(path, null, null, 'no distance: not counted as a run');
    });
    await cache?.flush();
  } finally {
    // Idle workers would keep the process alive.
    await (pool as ParsePool | null)?.close();
  }
  return { runs: out.runs, problems: out.problems, skipped: out.skipped };
}

/** A file reached through a symbolic link is not read (the link has its own warning). */
function throughLink(target: string, links: readonly string[]): boolean {
  return links.some((link) => target === link || target.startsWith(link + sep));
}

/**
 * An Apple Health export as unpacked (`apple_health_export/export.xml` and `workout-routes/`): its
 * running workouts, streamed out of the XML, each with the route file it names.
 */
async function readAppleHealthExport(
  file: string,
  path: string,
  profile: Profile,
  privacy: PrivacySettings,
  cache: ImportCache | null,
  parse: ActivityParser,
  referenced: Set<string>,
  links: readonly string[],
  out: Collector,
  shown: (path: string) => string,
): Promise<void> {
  const exportDir = dirname(file);
  let read: AppleHealthRead;
  try {
    read = await readAppleHealthXml(createReadStream(file), isRunningSport);
  } catch (error) {
    out.error(path, null, null, null, `could not read this Apple Health export: ${(error as Error).message}`);
    return;
  }
  for (const warning of read.warnings) out.warn(path, null, null, warning);
  for (const [type, count] of Object.entries(read.others)) for (let i = 0; i < count; i++) out.skip(sportLabel(type));
  const routes = read.workouts.map((workout) => {
    const name = routePath(workout);
    const target = name === null ? null : insideExport(exportDir, name);
    if (target) referenced.add(target);
    return target !== null && !throughLink(target, links) ? target : null;
  });
  const summaries = await mapLimit(routes, CONCURRENCY, async (route): Promise<ActivitySummary | null> => {
    if (!route) return null;
    const { summary, warnings } = await readActivityFile(route, privacy, cache, parse);
    for (const warning of warnings) out.warn(shown(route), null, null, summary ? `read in part: ${warning}` : warning);
    return summary;
  });
  read.workouts.forEach((workout, i) => {
    if (tooShortToBeRun(workoutLength(workout))) {
      out.skip(TOO_SHORT);
      return;
    }
    const result = appleWorkoutDraft(workout, path, summaries[i] ?? null, profile.timezone);
    if (result.kind === 'problem') out.problems.push(result.problem);
    else {
      out.run(result.draft);
      if (result.warning) out.problems.push(result.warning);
    }
  });
}

async function readStravaExport(
  file: string,
  path: string,
  text: string,
  profile: Profile,
  privacy: PrivacySettings,
  cache: ImportCache | null,
  parse: ActivityParser,
  referenced: Set<string>,
  listed: { links: readonly string[]; files: ReadonlySet<string> },
  out: Collector,
  shown: (path: string) => string,
): Promise<void> {
  const columns = stravaColumns(readCsvHeader(text));
  if (columns === null || typeof columns === 'string') return;
  const exportDir = dirname(file);
  const hasActivitiesFolder = await stat(join(exportDir, 'activities')).then((s) => s.isDirectory(), () => false);
  const { records } = readCsvRecords(text);
  const targets = records.map((record) => {
    const name = stravaFilename(record, columns);
    if (!name) return null;
    const target = insideExport(exportDir, name);
    if (target) referenced.add(target);
    else out.problems.push(problem('warning', { path, line: record.line }, 'Filename', name, 'a file inside the export folder: this one is not read'));
    return target;
  });
  // Its files are the export's, not loose tracks, even when the rows cannot be read.
  const unreadable = unknownLanguageProblem(readCsvHeader(text), records, path);
  if (unreadable !== null) {
    out.problems.push(unreadable);
    return;
  }
  // A file reached through a symbolic link is not read (the link has its own warning).
  const named = records.map((record, i) => {
    const target = targets[i]!;
    return target !== null && hasActivitiesFolder && isStravaRun(stravaSport(record, columns)) && !throughLink(target, listed.links) ? target : null;
  });
  const gpsFiles = named.map((target) => (target !== null && listed.files.has(target) ? target : null));
  const gps = await mapLimit(gpsFiles, CONCURRENCY, async (gpsFile): Promise<ActivitySummary | null> => {
    if (!gpsFile) return null;
    const { summary, warnings } = await readActivityFile(gpsFile, privacy, cache, parse);
    for (const warning of warnings) {
      out.warn(shown(gpsFile), null, null, summary ? `read in part: ${warning}` : warning);
    }
    return summary;
  });
  records.forEach((record, i) => {
    const result = stravaRowToDraft(record, columns, path, profile, gps[i] ?? null, named[i] !== null && gpsFiles[i] === null);
    if (result.kind === 'run') {
      out.run(result.draft);
      out.problems.push(...result.warnings);
    } else if (result.kind === 'skipped') out.skip(result.sport);
    else out.problems.push(result.problem);
  });
}

function readGarminCsv(path: string, text: string, profile: Profile, out: Collector): void {
  const { header, records } = readCsvRecords(text);
  const columns = garminColumns(header);
  if (!columns) return;
  for (const record of records) {
    const result = garminRowToDraft(record, columns, path, profile);
    if (result.kind === 'run') out.run(result.draft);
    else if (result.kind === 'skipped') out.skip(sportLabel(result.sport));
    else out.problems.push(result.problem);
  }
}
