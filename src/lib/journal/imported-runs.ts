// The CSVs `npm run import` writes (`imported/strava.csv`, ...): the journal's own columns plus
// three it reads only there. `source` says where the run came from (`strava:1234567890`), so the
// run is merged with hand-written runs as the raw export would be; `efforts` holds the best
// efforts found in its stream; `route` names its trimmed route (`routes/strava-1234567890.geojson`).
import type { Effort, Problem, Profile, RunDraft, SourceRef, Track } from '../types.ts';
import { parseDuration } from './fields.ts';
import { parseRunsCsv } from './csv.ts';
import { problem } from './problems.ts';
import { parseRouteGeoJson } from './routes.ts';

export const IMPORTED_DIR = 'imported';
export const ROUTES_DIR = 'routes';
export const IMPORT_COLUMNS = ['source', 'efforts', 'route'] as const;

export type ImportKind = Exclude<SourceRef['kind'], 'csv' | 'markdown'>;
const KINDS: ReadonlySet<string> = new Set<ImportKind>(['strava', 'garmin', 'apple', 'fit', 'tcx', 'gpx']);

/** Tenths, as efforts are measured: parsing a written figure gives back the very same number. */
const tenths = (value: number): number => Math.round(value * 10) / 10;

/** Seconds as `m:ss` or `h:mm:ss`, tenths kept when there are any. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = tenths(seconds - whole);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = `${String(s).padStart(2, '0')}${fraction > 0 ? String(fraction.toFixed(1)).slice(1) : ''}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `1000m 4:31.4 @3010.2m; 5000m 23:40 @2100m`: distance, time, where in the run it starts. */
export function formatEfforts(efforts: readonly Effort[]): string {
  return efforts.map((e) => `${e.distance}m ${formatClock(e.time)} @${e.startOffset}m`).join('; ');
}

const EFFORT = /^(\d+(?:\.\d+)?)\s*m\s+(\S+)\s+@\s*(\d+(?:\.\d+)?)\s*m$/;

export function parseEfforts(text: string): { efforts: Effort[] } | { expected: string; value: string } {
  const efforts: Effort[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = EFFORT.exec(part);
    const time = match ? parseDuration(match[2]!) : null;
    if (!match || !time?.ok) return { expected: 'efforts like "5000m 23:40 @2100m; 10000m 49:02.5 @0m"', value: part };
    efforts.push({ distance: Number(match[1]), time: tenths(time.value), startOffset: tenths(Number(match[3])) });
  }
  return { efforts: efforts.sort((a, b) => a.distance - b.distance) };
}

/** `strava:1234567890` → kind and id; null when the cell is not one. */
export function parseSource(text: string): { kind: ImportKind; id: string } | null {
  const match = /^([a-z]+):(\S+)$/.exec(text.trim());
  return match && KINDS.has(match[1]!) ? { kind: match[1] as ImportKind, id: match[2]! } : null;
}

/** Route files by their path inside the journal folder (`routes/x.geojson`): the track, or why not. */
export type RouteFiles = ReadonlyMap<string, { track: Track } | { expected: string }>;

export function readRouteFiles(files: ReadonlyArray<{ name: string; text: string }>): RouteFiles {
  return new Map(files.map((file) => [file.name, parseRouteGeoJson(file.text)]));
}

function withoutImportColumns(extra: Record<string, string>): Record<string, string> {
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(extra)) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name.trim().toLowerCase())) rest[name] = value;
  }
  return rest;
}

function column(extra: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(extra)) if (key.trim().toLowerCase() === name) return value.trim() || null;
  return null;
}

/** The runs of one imported CSV, as imports: merged into hand-written runs like the raw files they came from. */
export function parseImportedCsv(
  text: string,
  path: string,
  profile: Profile,
  routes: RouteFiles,
  routesDisplayDir: string,
): { runs: RunDraft[]; problems: Problem[] } {
  const parsed = parseRunsCsv(text, path, profile);
  const problems = parsed.problems;
  const runs = parsed.runs.map((draft): RunDraft => {
    const at = { path, line: draft.source.line };
    const sourceCell = column(draft.extra, 'source');
    const source = sourceCell === null ? null : parseSource(sourceCell);
    if (sourceCell !== null && source === null) {
      problems.push(problem('error', at, 'source', sourceCell, 'a source like strava:1234567890, garmin:…, fit:…, tcx:… or gpx:…'));
    }
    let efforts = draft.efforts;
    const effortsCell = column(draft.extra, 'efforts');
    if (effortsCell !== null) {
      const read = parseEfforts(effortsCell);
      if ('efforts' in read) efforts = read.efforts;
      else problems.push(problem('error', at, 'efforts', read.value, read.expected));
    }
    let track = draft.track;
    const routeCell = column(draft.extra, 'route');
    if (routeCell !== null) {
      const name = routeCell.replace(/\\/g, '/').replace(/^\.\//, '');
      const route = routes.get(name);
      if (route === undefined) problems.push(problem('warning', at, 'route', routeCell, `a route file in ${routesDisplayDir}/ (there is none by that name)`));
      else if ('track' in route) track = route.track;
      else problems.push(problem('error', { path: `${routesDisplayDir}/${name.replace(/^routes\//, '')}`, line: null }, null, null, route.expected));
    }
    return {
      ...draft,
      extra: withoutImportColumns(draft.extra),
      source: { path, line: draft.source.line, kind: source?.kind ?? 'csv' },
      efforts,
      track,
    };
  });
  return { runs, problems };
}
