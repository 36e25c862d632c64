// Writes imported runs into the journal: one CSV per source (`imported/strava.csv`, ...) in the
// journal's own format and one trimmed GeoJSON route per run. Additive: a source already in the
// journal is never written again, and the existing text, with whatever the runner changed in it,
// is kept byte for byte; only new rows are appended.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import Papa from 'papaparse';
import { parseCsvRows } from '../journal/csv.ts';
import { formatProblem, problem } from '../journal/problems.ts';
import { formatClock, formatEfforts, IMPORTED_DIR, parseImportedCsv, ROUTES_DIR } from '../journal/imported-runs.ts';
import { parseRouteGeoJson, trackToGeoJson } from '../journal/routes.ts';
import { readLayout, spreadsheetSafe } from '../log/csv-append.ts';
import { realLocation, writeFileAtomic } from '../fs/atomic-write.ts';
import type { Problem, Profile } from '../types.ts';
import type { ImportTarget, IncomingRun } from './read-sources.ts';
import { ImportInputError } from './zip-limits.ts';

/** The columns of a new imported CSV: the journal's, then where the run came from and what its stream showed. */
export const IMPORT_HEADER = [
  'date', 'distance', 'time', 'title', 'type', 'elevation', 'temperature', 'notes', 'private', 'virtual', 'win', 'source', 'efforts', 'route',
] as const;

const VIRTUAL_TYPE = /treadmill|virtual/i;

/**
 * `strava:1234567890` → `routes/strava-1234567890.geojson`. One source, one name: an id with
 * characters a file name does not keep (`1.2` and `1-2` would both be `1-2`) also gets a hash of
 * the whole source, so two runs never share a route file.
 */
export function routeFileName(source: string): string {
  const colon = source.indexOf(':');
  const kind = source.slice(0, colon).replace(/[^a-z]+/g, '');
  const id = source.slice(colon + 1);
  const slug = id.replace(/[^A-Za-z0-9_]+/g, '-');
  const exact = colon > 0 && /^[A-Za-z0-9_]+$/.test(id);
  const hash = exact ? '' : `-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`;
  return `${ROUTES_DIR}/${kind}-${slug}${hash}.geojson`;
}

/** The route file a run's row names; a private or routeless run has nothing to draw. */
function routeOf(run: IncomingRun): string | null {
  return run.draft.track && !run.draft.private ? routeFileName(run.source) : null;
}

/** One run as the cells of its row, by column name. */
export function importRowValues(run: IncomingRun, route: string | null): Record<string, string> {
  const d = run.draft;
  // A title or note from an export that starts like a formula is kept from running in a spreadsheet.
  return spreadsheetSafe({
    date: d.startTime === null ? d.date : `${d.date}T${d.startTime}`,
    distance: `${d.distance} m`,
    time: d.time === null ? '' : formatClock(d.time),
    title: d.title ?? '',
    type: d.type ?? '',
    elevation: d.elevation === null ? '' : String(d.elevation),
    temperature: d.temperature === null ? '' : String(d.temperature),
    notes: d.notes ?? '',
    private: d.private ? 'yes' : '',
    // Written when the type alone would say otherwise, so the row reads back as it was imported.
    virtual: d.virtual ? 'yes' : d.type !== null && VIRTUAL_TYPE.test(d.type) ? 'no' : '',
    win: d.win ?? '',
    source: run.source,
    efforts: formatEfforts(d.efforts),
    route: route ?? '',
  });
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The `source` column of an imported CSV, or -1. */
function sourceColumn(header: readonly string[]): number {
  return header.findIndex((name) => name.trim().toLowerCase() === 'source');
}

/**
 * Every source the journal's imported CSVs already hold. A file whose quoting its reader cannot
 * follow is refused (named by `displayDir`): the sources after the fault cannot be read, so importing
 * would append the same runs again on every run of `import`.
 */
export async function knownSources(dataDir: string, displayDir: string): Promise<Set<string>> {
  return new Set((await importedRoutes(dataDir, displayDir)).keys());
}

/** Every source the imported CSVs hold, with the route file its row names (or null). */
async function importedRoutes(dataDir: string, displayDir: string): Promise<Map<string, string | null>> {
  const dir = join(dataDir, IMPORTED_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const known = new Map<string, string | null>();
  for (const name of names.filter((n) => /\.csv$/i.test(n)).sort()) {
    // Comma-separated whatever the cells hold (an efforts cell is full of semicolons).
    const [header, ...records] = parseCsvRows(await readFile(join(dir, name), 'utf8'));
    const broken = records.find((record) => record.errors.length > 0);
    if (broken !== undefined) {
      const at = { path: `${displayDir}/${IMPORTED_DIR}/${name}`, line: broken.line };
      throw new ImportInputError(
        `${formatProblem(problem('error', at, 'row', null, broken.errors[0]!))}; nothing was imported: the runs already in this file cannot be told apart until it is mended`,
      );
    }
    const column = sourceColumn(header?.fields ?? []);
    const routeColumn = (header?.fields ?? []).findIndex((field) => field.trim().toLowerCase() === 'route');
    for (const record of records) {
      const source = record.fields[column]?.trim();
      if (column >= 0 && source && !known.has(source)) known.set(source, record.fields[routeColumn]?.trim() || null);
    }
  }
  return known;
}

/**
 * Route files of imported runs that the journal's reader cannot read (cut short, broken by hand),
 * by source: import reads those runs again and writes their routes anew, so a re-import repairs
 * them. A route file that is missing is left so: it may have been deleted on purpose.
 */
export async function brokenRoutes(dataDir: string, displayDir: string): Promise<Map<string, string>> {
  const broken = new Map<string, string>();
  for (const [source, route] of await importedRoutes(dataDir, displayDir)) {
    // Only a file import itself names: `routes/<name>.geojson`.
    if (route === null || !/^routes\/[^/\\]+\.geojson$/.test(route)) continue;
    const text = await readIfExists(join(dataDir, route));
    if (text !== null && !('track' in parseRouteGeoJson(text.toString('utf8')))) broken.set(source, route);
  }
  return broken;
}

function byDateThenSource(a: IncomingRun, b: IncomingRun): number {
  const ka = `${a.draft.date}T${a.draft.startTime ?? ''}\u0000${a.source}`;
  const kb = `${b.draft.date}T${b.draft.startTime ?? ''}\u0000${b.source}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface WrittenFile {
  /** Inside the journal folder: `imported/strava.csv`. */
  file: string;
  added: number;
}

export interface WriteResult {
  files: WrittenFile[];
  routes: number;
  /** Runs not written because the journal's reader would refuse their row: why, at the file they came from. */
  rejected: Problem[];
  /** Route files the reader could not read, written anew from their source. */
  repaired: number;
}

/**
 * Why the journal's reader would refuse this row, at the file the run came from: the row is read
 * back with the reader's own parser before it is written (an `Infinity m` distance, a source
 * without an id), so import never writes what the next build stops on. Empty when it reads.
 */
export function rowProblems(run: IncomingRun, row: Record<string, string>, profile: Profile): Problem[] {
  const text = Papa.unparse([[...IMPORT_HEADER], IMPORT_HEADER.map((name) => row[name] ?? '')], { newline: '\n' });
  const routes = new Map(row.route && run.draft.track ? [[row.route, { track: run.draft.track }]] : []);
  const { problems } = parseImportedCsv(text, 'row', profile, routes, ROUTES_DIR);
  const { path, line } = run.draft.source;
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({
      ...p,
      path,
      line,
      field: `activity ${run.source}: ${p.field ?? 'row'}`,
      message: `${p.message}, as the journal reads it: this run is not written`,
    }));
}

/** Appends the runs not yet in the journal (by source) and writes their routes. */
export async function writeImported(
  dataDir: string,
  runs: readonly IncomingRun[],
  displayDir: string,
  profile: Profile,
  repair: ReadonlyMap<string, string> = new Map(),
): Promise<WriteResult> {
  const known = await knownSources(dataDir, displayDir);
  // Runs already in the journal whose route file is broken, read again for their track alone.
  const repairs = runs.flatMap((run) => {
    const route = repair.get(run.source);
    return route !== undefined && run.draft.track && !run.draft.private ? [{ route, track: run.draft.track }] : [];
  });
  const fresh: IncomingRun[] = [];
  const rejected: Problem[] = [];
  for (const run of runs) {
    if (known.has(run.source)) continue;
    const problems = rowProblems(run, importRowValues(run, routeOf(run)), profile);
    if (problems.length > 0) {
      rejected.push(...problems);
      continue;
    }
    known.add(run.source);
    fresh.push(run);
  }
  const byTarget = new Map<ImportTarget, IncomingRun[]>();
  for (const run of [...fresh].sort(byDateThenSource)) {
    const list = byTarget.get(run.target);
    if (list) list.push(run);
    else byTarget.set(run.target, [run]);
  }

  const targets = [...byTarget].sort(([a], [b]) => (a < b ? -1 : 1));
  const written = targets.flatMap(([target, list]) => [
    `${IMPORTED_DIR}/${target}.csv`,
    ...list.flatMap((run) => routeOf(run) ?? []),
  ]);
  await refuseLinksOut(dataDir, [IMPORTED_DIR, ROUTES_DIR, ...written, ...repairs.map((r) => r.route)], displayDir);

  const result: WriteResult = { files: [], routes: 0, rejected, repaired: 0 };
  for (const { route, track } of repairs) {
    await writeFileAtomic(join(dataDir, route), trackToGeoJson(track));
    result.repaired++;
  }
  for (const [target, list] of targets) {
    const file = `${IMPORTED_DIR}/${target}.csv`;
    const path = join(dataDir, file);
    // Bytes, not text: a note saved in another encoding must come back exactly as it was.
    const existing = await readIfExists(path);
    const rows: Array<Record<string, string>> = [];
    for (const run of list) {
      const route = routeOf(run);
      if (route !== null && run.draft.track) {
        const routePath = join(dataDir, route);
        if ((await readIfExists(routePath)) === null) {
          await mkdir(join(dataDir, ROUTES_DIR), { recursive: true });
          await writeFileAtomic(routePath, trackToGeoJson(run.draft.track));
          result.routes++;
        }
      }
      rows.push(importRowValues(run, route));
    }
    await mkdir(join(dataDir, IMPORTED_DIR), { recursive: true });
    await writeFileAtomic(path, appendRows(existing, rows, `${displayDir}/${file}`));
    result.files.push({ file, added: list.length });
  }
  return result;
}

/**
 * Stops before anything is written when one of `paths` (inside the journal) is, or sits in, a
 * symbolic link that leads out of the journal: import writes the runner's journal, never a folder
 * elsewhere that a link happens to point to.
 */
async function refuseLinksOut(dataDir: string, paths: readonly string[], displayDir: string): Promise<void> {
  const root = await realLocation(dataDir);
  for (const path of paths) {
    const real = await realLocation(join(dataDir, path));
    const inside = relative(root, real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new ImportInputError(
        `${displayDir}/${path}: it is a link that leads out of the journal (to ${real}), and import writes only inside ${displayDir}/; nothing was imported: make it a real folder or file inside the journal and import again`,
      );
    }
  }
}

/**
 * The file's bytes with the rows appended in its own layout; a new file gets the import header. The
 * old bytes are the new file's first bytes, unchanged: the layout is read from the file decoded as
 * UTF-8, and a byte that is not UTF-8 can only sit inside a cell, never in the commas, quotes and
 * line breaks the layout is made of.
 */
function appendRows(existing: Buffer | null, rows: ReadonlyArray<Record<string, string>>, shown: string): Buffer {
  const layout = existing === null ? null : readLayout(existing.toString('utf8'));
  if (existing === null || layout === null || layout.empty) {
    const lines = [IMPORT_HEADER, ...rows.map((row) => IMPORT_HEADER.map((name) => row[name] ?? ''))];
    return Buffer.from(`${Papa.unparse(lines.map((l) => [...l]), { newline: '\n' })}\n`);
  }
  if (sourceColumn(layout.header) < 0) {
    throw new ImportInputError(`${shown}: its header has no "source" column, so the runs already imported cannot be told apart: add it back (or move the file away) and import again`);
  }
  const cells = rows.map((row) => layout.header.map((name) => row[name.trim().toLowerCase()] ?? ''));
  const text = Papa.unparse(cells, { quotes: layout.quoteColumns, newline: layout.eol, header: false });
  return Buffer.concat([existing, Buffer.from(`${layout.endsWithNewline ? '' : layout.eol}${text}${layout.eol}`)]);
}
