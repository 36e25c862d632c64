// What the files given to `npm run import` hold: a Strava export (ZIP or folder), a Garmin
// "Export Your Data" ZIP (activity files in nested archives), an Apple Health export (ZIP, folder
// or export.xml), a Garmin Connect CSV, loose
// GPX/TCX/FIT files, or a folder of any of these. Each run is read with the journal's own
// importers (the same parsers, best efforts and privacy trim as a raw export in `data/`).
import { stat } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import type { Problem, Profile, RunDraft } from '../types.ts';
import { draftFromSummary, settleLocalTimes, TOO_SHORT, tooShortToBeRun, type ActivitySummary } from '../journal/imports/activity.ts';
import { activityFormatOf, readCachedActivity, type ActivityParser } from '../journal/imports/activity-file.ts';
import type { ImportCache } from '../journal/imports/cache.ts';
import type { PrivacySettings } from '../journal/imports/privacy.ts';
import { readCsvHeader, readCsvRecords } from '../journal/imports/csv-records.ts';
import { garminColumns, garminRowToDraft } from '../journal/imports/garmin-csv.ts';
import { isRunningSport, isVirtualRun } from '../journal/imports/run-types.ts';
import { garminTypeLabel, isGarminSummariesFile, matchSummaries, readGarminSummaries, summaryDraft, type GarminSummary, type RecordedStart } from '../journal/imports/garmin-summaries.ts';
import { firstRecordTime } from '../journal/imports/fit.ts';
import { appleWorkoutDraft, isAppleHealthExport, readAppleHealthXml, routePath, workoutLength, type AppleHealthRead } from '../journal/imports/apple-health.ts';
import { activityDateProblem, mapLimit, sportLabel, type ActivityDates } from '../journal/imports/read-imports.ts';
import { isStravaRun, stravaColumns, stravaFilename, stravaRowToDraft, stravaSport, unknownLanguageProblem } from '../journal/imports/strava-csv.ts';
import { formatProblem } from '../journal/problems.ts';
import type { ImportKind } from '../journal/imported-runs.ts';
import { openFileStore, openFolderStore, openZipStore, type SourceStore, type StoreFile } from './stores.ts';
import { ArchiveTooDeep, DEFAULT_ZIP_LIMITS, ImportInputError, type ZipLimits } from './zip-limits.ts';

/** The imported CSV a run is written to: `imported/<target>.csv`. */
export type ImportTarget = 'strava' | 'garmin' | 'apple' | 'tracks';

export interface IncomingRun {
  target: ImportTarget;
  /** `strava:1234567890`, `garmin:2024-05-01T07:12:33`, `fit:20240501T061233Z`: stable across exports. */
  source: string;
  draft: RunDraft;
}

export interface ReadProgress {
  /** Activities known so far (grows as nested archives are opened). */
  total: number;
  done: number;
}

export interface ReadContext {
  profile: Profile;
  /** The trim, the journal's secret and its named zones. */
  privacy: PrivacySettings;
  cache: ImportCache | null;
  parse: ActivityParser;
  limits: ZipLimits;
  /** Sources already in the journal: their activity files are not read again. */
  known: ReadonlySet<string>;
  /** The activity dates kept, as reading a raw export in the journal keeps them. */
  dates: ActivityDates;
  onProgress: (progress: ReadProgress) => void;
  /** How far through an Apple Health export.xml (bytes read, bytes in all): it alone can take minutes. */
  onHealthProgress?: (read: number, total: number) => void;
}

export interface ReadResult {
  runs: IncomingRun[];
  /** Activities already imported, by source (not read again). */
  already: number;
  skipped: Record<string, number>;
  /** FIT files that hold no activity (device settings, monitoring): exports hold thousands. */
  notActivities: number;
  problems: Problem[];
}

const isZip = (name: string): boolean => /\.zip$/i.test(name);
const isCsv = (name: string): boolean => /\.csv$/i.test(name);

/** A GPS file's source id: its format and its start in UTC, which no later export changes. */
export function gpsSourceId(kind: ImportKind, start: number): string {
  return `${kind}:${new Date(start).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}

/** A FIT file of a Garmin export, waiting for its summary: its run (null when it is no new run to write). */
interface GarminFile extends RecordedStart {
  run: IncomingRun | null;
}

class Reader {
  readonly out: ReadResult = { runs: [], already: 0, skipped: {}, notActivities: 0, problems: [] };
  readonly progress: ReadProgress = { total: 0, done: 0 };
  readonly ctx: ReadContext;
  /** A Garmin export's activity summaries, and its FIT files: paired once every file is read (`settleGarmin`). */
  summaries: Array<{ summary: GarminSummary; path: string }> = [];
  garminFiles: GarminFile[] = [];
  /** True when the journal holds runs from FIT files: only then is a FIT file's start looked at first. */
  readonly knowsFit: boolean;
  constructor(ctx: ReadContext) {
    this.ctx = ctx;
    this.knowsFit = [...ctx.known].some((source) => source.startsWith('fit:'));
  }

  warn(path: string, message: string): void {
    this.out.problems.push({ severity: 'warning', path, line: null, field: null, value: null, message });
  }
  skip(sport: string): void {
    this.out.skipped[sport] = (this.out.skipped[sport] ?? 0) + 1;
  }
  /** Keeps a run whose date an import keeps; any other is named and left out. */
  keep(run: IncomingRun): void {
    const problem = activityDateProblem(run.draft, this.ctx.dates);
    if (problem === null) this.out.runs.push(run);
    else this.out.problems.push(problem);
  }
  tick(): void {
    this.progress.done++;
    this.ctx.onProgress(this.progress);
  }

  async activity(store: SourceStore, file: StoreFile): Promise<ActivitySummary | null> {
    const shown = store.shown(file.name);
    const { summary, warnings } = await readCachedActivity(
      { name: shown, stamp: { size: file.size, mtimeMs: file.stamp }, load: () => store.read(file.name), maxBytes: this.ctx.limits.entryBytes },
      this.ctx.privacy,
      this.ctx.cache,
      this.ctx.parse,
    );
    for (const warning of warnings) this.warn(shown, summary ? `read in part: ${warning}` : warning);
    // Nothing read and nothing wrong: a file that is not an activity.
    if (summary === null && warnings.length === 0) this.out.notActivities++;
    this.tick();
    // Times without a zone are placed in the journal's, so the run's source id is the same on every computer.
    return summary && settleLocalTimes(summary, this.ctx.profile.timezone);
  }

  /** Everything a store holds; `garmin` when it is (inside) a Garmin Connect export. */
  async readStore(store: SourceStore, garmin: boolean): Promise<void> {
    const isGarminExport = garmin || store.files.some((f) => f.name.startsWith('DI_CONNECT/'));
    const referenced = new Set<string>();
    for (const name of store.ambiguous) this.warn(store.shown(name), 'the archive holds two different files of this name: neither is read (which one is the activity cannot be told)');
    for (const file of store.files.filter((f) => isCsv(f.name))) {
      await this.readCsv(store, file, referenced);
    }
    for (const file of store.files.filter((f) => isAppleHealthExport(f.name))) {
      await this.readAppleHealth(store, file, referenced);
    }
    const summaryFiles = isGarminExport ? store.files.filter((f) => isGarminSummariesFile(f.name)) : [];
    for (const file of summaryFiles) await this.readSummaries(store, file);
    const gps = store.files.filter((f) => activityFormatOf(f.name) !== null && !referenced.has(f.name));
    const nested = store.files.filter((f) => isZip(f.name));
    this.progress.total += gps.length;
    this.ctx.onProgress(this.progress);
    await mapLimit(gps, 8, (file) => this.gpsFile(store, file, isGarminExport ? 'garmin' : 'tracks'));
    for (const file of nested) {
      let inner: SourceStore;
      try {
        inner = await store.openNested(file.name);
      } catch (error) {
        // One archive too deep is passed over; the rest of the export is still read.
        if (!(error instanceof ArchiveTooDeep)) throw error;
        this.warn(store.shown(file.name), ArchiveTooDeep.reason);
        continue;
      }
      try {
        await this.readStore(inner, isGarminExport);
      } finally {
        await inner.close();
      }
    }
  }

  /** An Apple Health export.xml, streamed: its running workouts, each with the route file it names. */
  async readAppleHealth(store: SourceStore, file: StoreFile, referenced: Set<string>): Promise<void> {
    const path = store.shown(file.name);
    let read: AppleHealthRead;
    try {
      read = await readAppleHealthXml(await store.stream(file.name), isRunningSport, (bytes) => this.ctx.onHealthProgress?.(bytes, file.size));
    } catch (error) {
      if (error instanceof ImportInputError) throw error;
      throw new ImportInputError(`${path}: could not read this Apple Health export: ${(error as Error).message}`);
    }
    for (const warning of read.warnings) this.warn(path, warning);
    for (const [type, count] of Object.entries(read.others)) this.out.skipped[sportLabel(type)] = (this.out.skipped[sportLabel(type)] ?? 0) + count;
    const base = posix.dirname(file.name);
    const byName = new Map(store.files.map((f) => [f.name, f]));
    const fresh = read.workouts.filter((workout) => {
      if (workout.start === null || !this.ctx.known.has(gpsSourceId('apple', workout.start))) return true;
      this.out.already++;
      return false;
    });
    const routes = fresh.map((workout) => {
      const name = routePath(workout);
      const inStore = name === null ? null : posix.normalize(base === '.' ? name : `${base}/${name}`);
      if (inStore !== null) referenced.add(inStore);
      return inStore === null || workout.indoor ? null : (byName.get(inStore) ?? null);
    });
    this.progress.total += routes.filter((route) => route !== null).length;
    this.ctx.onProgress(this.progress);
    const summaries = await mapLimit(routes, 8, (route) => (route ? this.activity(store, route) : Promise.resolve(null)));
    fresh.forEach((workout, i) => {
      if (tooShortToBeRun(workoutLength(workout))) {
        this.skip(TOO_SHORT);
        return;
      }
      const result = appleWorkoutDraft(workout, path, summaries[i] ?? null, this.ctx.profile.timezone);
      if (result.kind === 'problem') {
        this.out.problems.push(result.problem);
        return;
      }
      if (result.warning) this.out.problems.push(result.warning);
      this.keep({ target: 'apple', source: gpsSourceId('apple', workout.start!), draft: result.draft });
    });
  }

  async readSummaries(store: SourceStore, file: StoreFile): Promise<void> {
    const path = store.shown(file.name);
    const { summaries, problems } = readGarminSummaries(new TextDecoder().decode(await store.read(file.name)), path);
    this.out.problems.push(...problems);
    for (const summary of summaries) this.summaries.push({ summary, path });
  }

  /** A FIT file of a Garmin export: its run waits for its summary, which it takes so it is not counted twice. */
  garminFile(start: number, distance: number | null, run: IncomingRun | null): void {
    this.garminFiles.push({ start, distance, run });
  }

  /**
   * Pairs the FIT files with their summaries (a FIT file carries no name; the summary has the one
   * the runner sees in Garmin Connect), keeps the files' runs, and imports the activities no FIT
   * file recorded: a run (a treadmill run, one entered by hand) from its summary alone, without a
   * route or efforts; other sports are counted.
   */
  settleGarmin(): void {
    const files = this.garminFiles;
    const listed = this.summaries;
    this.garminFiles = [];
    this.summaries = [];
    const taken = new Set<number>();
    for (const [f, s] of matchSummaries(files, listed.map((l) => l.summary))) {
      taken.add(s);
      const run = files[f]!.run;
      if (run === null) continue;
      const described = listed[s]!.summary;
      const type = garminTypeLabel(described.type);
      run.draft.title = described.name ?? run.draft.title;
      run.draft.type = type;
      run.draft.virtual = run.draft.virtual || isVirtualRun(type);
    }
    for (const { run } of files) if (run !== null) this.keep(run);
    const left = listed.filter((_, i) => !taken.has(i)).sort((a, b) => a.summary.start - b.summary.start);
    for (const { summary, path } of left) {
      const draft = summaryDraft(summary, path, this.ctx.profile.timezone);
      if (draft === null) {
        const type = garminTypeLabel(summary.type);
        if (isRunningSport(type)) this.warn(path, `activity ${summary.activityId}: no distance: not counted as a run`);
        else this.skip(sportLabel(type));
        continue;
      }
      const source = `garmin:${draft.date}T${draft.startTime ?? '00:00:00'}`;
      if (this.ctx.known.has(source)) this.out.already++;
      else this.keep({ target: 'garmin', source, draft });
    }
  }

  /**
   * A FIT file of a run the journal already has, told by its first record alone (a GPS file's
   * source is its start): not decoded again. Anything else, or any doubt, is read in full.
   */
  async alreadyImportedFit(store: SourceStore, file: StoreFile, target: ImportTarget): Promise<boolean> {
    if (!this.knowsFit || !/\.fit$/i.test(file.name)) return false;
    let start: number | null;
    try {
      start = firstRecordTime(await store.read(file.name));
    } catch {
      return false;
    }
    if (start === null || !this.ctx.known.has(gpsSourceId('fit', start))) return false;
    if (target === 'garmin') this.garminFile(start, null, null);
    this.out.already++;
    this.tick();
    return true;
  }

  async gpsFile(store: SourceStore, file: StoreFile, target: ImportTarget): Promise<void> {
    if (await this.alreadyImportedFit(store, file, target)) return;
    const summary = await this.activity(store, file);
    if (!summary) return;
    if (!summary.isRun) {
      // Counted once, as this file's sport, not again from the export's summary of it.
      if (target === 'garmin' && summary.start !== null) this.garminFile(summary.start, summary.distance, null);
      this.skip(sportLabel(summary.sport ?? 'Unknown'));
      return;
    }
    if (tooShortToBeRun(summary)) {
      if (target === 'garmin' && summary.start !== null) this.garminFile(summary.start, summary.distance, null);
      this.skip(TOO_SHORT);
      return;
    }
    const kind = activityFormatOf(file.name)!;
    const draft = draftFromSummary(summary, { path: store.shown(file.name), line: null, kind }, this.ctx.profile.timezone);
    if (draft === null || summary.start === null) {
      // A GPX route (points without times) is a plan, not an activity: exports hold many.
      if (summary.start !== null) this.warn(store.shown(file.name), 'no distance: not counted as a run');
      return;
    }
    const source = gpsSourceId(kind, summary.start);
    const known = this.ctx.known.has(source);
    if (known) this.out.already++;
    if (target === 'garmin') this.garminFile(summary.start, summary.distance, known ? null : { target, source, draft });
    else if (!known) this.keep({ target, source, draft });
  }

  async readCsv(store: SourceStore, file: StoreFile, referenced: Set<string>): Promise<void> {
    const shown = store.shown(file.name);
    const text = new TextDecoder().decode(await store.read(file.name));
    const header = readCsvHeader(text);
    const strava = stravaColumns(header);
    if (typeof strava === 'string') {
      if (basename(file.name).toLowerCase() === 'activities.csv') {
        throw new ImportInputError(`${shown}: this Strava activities.csv has no "${strava}" column: it could not be read`);
      }
      return;
    }
    const { records } = readCsvRecords(text);
    if (strava !== null) {
      const unreadable = unknownLanguageProblem(header, records, shown);
      if (unreadable !== null) throw new ImportInputError(formatProblem(unreadable));
      const base = posix.dirname(file.name);
      const inStore = (name: string): string => posix.normalize(base === '.' ? name : `${base}/${name}`);
      for (const record of records) {
        const name = stravaFilename(record, strava);
        if (name) referenced.add(inStore(name));
      }
      const byName = new Map(store.files.map((f) => [f.name, f]));
      // An export without its activities folder holds its rows alone (as the build reads one).
      const activities = inStore('activities/');
      const hasActivities = store.files.some((f) => f.name.startsWith(activities));
      const rows = records.map((record) => {
        const id = (record.cells[strava.id] ?? '').trim();
        const source = `strava:${id || (record.cells[strava.date] ?? '').trim()}`;
        const name = stravaFilename(record, strava);
        const named = name !== null && hasActivities && isStravaRun(stravaSport(record, strava));
        const gps = named ? byName.get(inStore(name)) ?? null : null;
        return { record, source, gps, missing: named && gps === null };
      });
      const toRead = rows.filter((row) => !this.ctx.known.has(row.source) && isStravaRun(stravaSport(row.record, strava)));
      this.progress.total += toRead.length;
      this.ctx.onProgress(this.progress);
      await mapLimit(rows, 8, async (row) => {
        if (!isStravaRun(stravaSport(row.record, strava))) {
          const result = stravaRowToDraft(row.record, strava, shown, this.ctx.profile, null);
          if (result.kind === 'skipped') this.skip(result.sport);
          return;
        }
        if (this.ctx.known.has(row.source)) {
          this.out.already++;
          return;
        }
        const summary = row.gps ? await this.activity(store, row.gps) : (this.tick(), null);
        const result = stravaRowToDraft(row.record, strava, shown, this.ctx.profile, summary, row.missing);
        if (result.kind === 'run') {
          this.keep({ target: 'strava', source: row.source, draft: result.draft });
          this.out.problems.push(...result.warnings);
        } else if (result.kind === 'problem') this.out.problems.push(result.problem);
      });
      return;
    }
    const garmin = garminColumns(header);
    if (garmin === null) return;
    for (const record of records) {
      const result = garminRowToDraft(record, garmin, shown, this.ctx.profile);
      if (result.kind === 'skipped') this.skip(sportLabel(result.sport));
      else if (result.kind === 'problem') this.out.problems.push(result.problem);
      else {
        const source = `garmin:${result.draft.date}T${result.draft.startTime ?? '00:00:00'}`;
        if (this.ctx.known.has(source)) this.out.already++;
        else this.keep({ target: 'garmin', source, draft: result.draft });
      }
    }
  }
}

/** Reads every path given (files or folders); `shown` is how messages name a path. */
export async function readImportSources(paths: readonly string[], shown: (path: string) => string, ctx: ReadContext): Promise<ReadResult> {
  const reader = new Reader(ctx);
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) throw new ImportInputError(`${shown(path)}: no such file or folder`);
    if (info.isDirectory()) {
      const store = await openFolderStore(path, shown(path), ctx.limits);
      await reader.readStore(store, false);
      reader.settleGarmin();
      continue;
    }
    const name = basename(path);
    if (isZip(name)) {
      const store = await openZipStore(path, shown(path), ctx.limits ?? DEFAULT_ZIP_LIMITS);
      try {
        await reader.readStore(store, false);
      } finally {
        await store.close();
      }
    } else if (isCsv(name) || activityFormatOf(name) !== null || isAppleHealthExport(name)) {
      const counted = (): number => reader.out.runs.length + reader.out.already + Object.values(reader.out.skipped).reduce((a, b) => a + b, 0);
      const before = counted();
      await reader.readStore(await openFileStore(path, shown(path), ctx.limits), false);
      if (isCsv(name) && counted() === before && reader.out.problems.length === 0) {
        throw new ImportInputError(`${shown(path)}: not a Strava activities.csv or a Garmin Connect activities CSV (its header is neither)`);
      }
    } else {
      throw new ImportInputError(`${shown(path)}: expected a Strava, Garmin or Apple Health export (.zip), a Garmin Connect .csv, an Apple Health export.xml, a .gpx, .tcx or .fit file (also .gz), or a folder of these`);
    }
    reader.settleGarmin();
  }
  return reader.out;
}
