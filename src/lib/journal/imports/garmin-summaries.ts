// The activity summaries of a Garmin Connect "Export Your Data" ZIP
// (`DI_CONNECT/DI-Connect-Fitness/<user>_<n>_summarizedActivities.json`): what the FIT files do
// not carry (the activity's name and Garmin's type), and the runs that have no FIT file at all
// (a treadmill run, one entered by hand). Pure: text in, summaries and problems out.
import type { Problem, RunDraft } from '../../types.ts';
import { emptyRunDraft } from '../../model/run-columns.ts';
import { localDateTime } from './activity.ts';
import { isRunningSport, isVirtualRun } from './run-types.ts';

/** One activity as the export summarises it, in metres, seconds and epoch milliseconds. */
export interface GarminSummary {
  activityId: string;
  name: string | null;
  /** Garmin's type key: `running`, `trail_running`, `treadmill_running`, `cycling`... */
  type: string;
  /** Start, UTC. */
  start: number;
  /** The start on the watch's clock (local time written as if it were UTC), when given. */
  localStart: number | null;
  distance: number | null;
  duration: number | null;
  elevationGain: number | null;
}

/** A summaries file by its name in the export. */
export function isGarminSummariesFile(name: string): boolean {
  return /(^|\/)[^/]*summarizedActivities\.json$/i.test(name);
}

/** Line and column of a character offset, 1-based. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped, from its message (`... at position 123` or `(line 4 column 7)`). */
function parseErrorAt(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const position = /position (\d+)/.exec(message);
  return position ? lineColumn(text, Number(position[1])) : null;
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Garmin writes the type as a key (`running`) or, in some versions, as `{ typeKey: "running" }`. */
function typeKey(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value !== null && typeof value === 'object' && typeof (value as { typeKey?: unknown }).typeKey === 'string') {
    return (value as { typeKey: string }).typeKey.trim() || null;
  }
  return null;
}

/** `trail_running` → `Trail Running`, as Garmin Connect's CSV export names the same type. */
export function garminTypeLabel(key: string): string {
  return key
    .split(/[_\s]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

/** Every activity of one summaries file; a file or an activity that cannot be read is a warning naming it. */
export function readGarminSummaries(text: string, path: string): { summaries: GarminSummary[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const warn = (line: number | null, field: string | null, value: string | null, message: string): void => {
    problems.push({ severity: 'warning', path, line, field, value, message });
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const at = parseErrorAt(text, (error as Error).message);
    const where = at ? ` at column ${at.column}` : '';
    warn(at?.line ?? null, null, null, `not valid JSON${where} (${(error as Error).message}): the activity summaries were not read (runs come from the FIT files alone)`);
    return { summaries: [], problems };
  }
  // `[{ "summarizedActivitiesExport": [...] }]`, or the object on its own.
  const blocks = Array.isArray(data) ? data : [data];
  const activities: unknown[] = [];
  let found = false;
  for (const block of blocks) {
    const list = block !== null && typeof block === 'object' ? (block as { summarizedActivitiesExport?: unknown }).summarizedActivitiesExport : undefined;
    if (Array.isArray(list)) {
      found = true;
      activities.push(...list);
    }
  }
  if (!found) {
    warn(null, 'summarizedActivitiesExport', null, 'expected a list of activities under "summarizedActivitiesExport": the activity summaries were not read');
    return { summaries: [], problems };
  }
  const summaries: GarminSummary[] = [];
  activities.forEach((activity, index) => {
    const label = `activity ${index + 1}`;
    if (activity === null || typeof activity !== 'object') {
      warn(null, label, null, 'expected an object: this activity summary is left out');
      return;
    }
    const a = activity as Record<string, unknown>;
    const id = typeof a.activityId === 'number' || typeof a.activityId === 'string' ? String(a.activityId) : null;
    const named = id === null ? label : `activity ${id}`;
    const start = finite(a.beginTimestamp) ?? finite(a.startTimeGmt);
    const type = typeKey(a.activityType);
    if (id === null || start === null || type === null) {
      const field = id === null ? 'activityId' : start === null ? 'startTimeGmt' : 'activityType';
      warn(null, `${named}: ${field}`, a[field] === undefined ? null : JSON.stringify(a[field]), `expected ${field === 'activityType' ? 'a type such as "running"' : field === 'activityId' ? 'a number' : 'a time in milliseconds'}: this activity summary is left out`);
      return;
    }
    const centimetres = (key: string): number | null => {
      const value = finite(a[key]);
      return value === null ? null : value / 100;
    };
    // Garmin writes 0 for a time it did not measure (movingDuration is not read): the elapsed time stands in.
    const duration = [finite(a.duration), finite(a.elapsedDuration)].find((ms) => ms !== null && ms > 0) ?? null;
    summaries.push({
      activityId: id,
      name: typeof a.name === 'string' && a.name.trim() !== '' ? a.name.trim() : null,
      type,
      start,
      localStart: finite(a.startTimeLocal),
      distance: centimetres('distance'),
      duration: duration === null ? null : duration / 1000,
      elevationGain: centimetres('elevationGain'),
    });
  });
  return { summaries, problems };
}

/** `YYYY-MM-DD` and `HH:MM:SS` of a summary's start: the watch's clock when given, else the profile's time zone. */
function localStart(summary: GarminSummary, timezone: string): { date: string; startTime: string } {
  if (summary.localStart === null) return localDateTime(summary.start, null, timezone);
  const local = new Date(summary.localStart).toISOString();
  return { date: local.slice(0, 10), startTime: local.slice(11, 19) };
}

/** The run a summary describes on its own (no FIT file in the export); null when it is not a run or has no distance. */
export function summaryDraft(summary: GarminSummary, path: string, timezone: string): RunDraft | null {
  const type = garminTypeLabel(summary.type);
  if (!isRunningSport(type) || summary.distance === null || summary.distance <= 0) return null;
  const { date, startTime } = localStart(summary, timezone);
  return {
    ...emptyRunDraft({ date, distance: Math.round(summary.distance * 10) / 10, source: { path, line: null, kind: 'garmin' } }),
    startTime,
    time: summary.duration === null || summary.duration <= 0 ? null : Math.round(summary.duration),
    title: summary.name,
    type,
    elevation: summary.elevationGain === null ? null : Math.round(summary.elevationGain),
    virtual: isVirtualRun(type),
  };
}

/** What a FIT file tells of its activity, to find its summary by: its start (epoch ms) and distance (m). */
export interface RecordedStart {
  start: number;
  /** Null when the file was not read to its totals (another sport, or known by its first record). */
  distance: number | null;
}

/** Garmin's summary and its FIT file may start this far apart (seconds): the two clocks are read at different moments. */
export const SUMMARY_START_TOLERANCE_S = 300;
/** And their distances this far apart (relative), when both are known: another activity that started near it is not it. */
export const SUMMARY_DISTANCE_TOLERANCE = 0.03;

function closeDistances(a: number | null, b: number | null): boolean {
  if (a === null || b === null || a <= 0 || b <= 0) return true;
  return Math.abs(a - b) / Math.max(a, b) <= SUMMARY_DISTANCE_TOLERANCE;
}

/**
 * Each FIT file's summary, one to one: pairs `[recorded index, summary index]`, the nearest starts
 * paired first, so two files never share a summary and two summaries never share a file.
 */
export function matchSummaries(recorded: readonly RecordedStart[], summaries: readonly GarminSummary[]): Array<[number, number]> {
  const order = summaries.map((_, i) => i).sort((a, b) => summaries[a]!.start - summaries[b]!.start || a - b);
  const window = SUMMARY_START_TOLERANCE_S * 1000;
  const candidates: Array<{ r: number; s: number; gap: number; apart: number }> = [];
  recorded.forEach((file, r) => {
    // The first summary that may be close enough, by binary search over the sorted starts.
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (summaries[order[mid]!]!.start < file.start - window) low = mid + 1;
      else high = mid;
    }
    for (let k = low; k < order.length && summaries[order[k]!]!.start <= file.start + window; k++) {
      const summary = summaries[order[k]!]!;
      if (!closeDistances(file.distance, summary.distance)) continue;
      const apart = file.distance === null || summary.distance === null ? 0 : Math.abs(file.distance - summary.distance);
      candidates.push({ r, s: order[k]!, gap: Math.abs(summary.start - file.start), apart });
    }
  });
  candidates.sort((x, y) => x.gap - y.gap || x.apart - y.apart || x.r - y.r || x.s - y.s);
  const usedFiles = new Set<number>();
  const usedSummaries = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { r, s } of candidates) {
    if (usedFiles.has(r) || usedSummaries.has(s)) continue;
    usedFiles.add(r);
    usedSummaries.add(s);
    pairs.push([r, s]);
  }
  return pairs;
}
