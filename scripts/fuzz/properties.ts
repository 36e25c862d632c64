// The "never crash, always say where" properties, shared by the trust suite (few cases, fixed seed)
// and `scripts/fuzz.ts` (many cases, any seed). Each property throws on a violation, so fast-check
// shrinks it to a small reproducible case.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Problem, Profile } from '../../src/lib/types.ts';
import { parseRunsCsv } from '../../src/lib/journal/csv.ts';
import { parseGoal } from '../../src/lib/journal/goals.ts';
import { defaultProfile, parseProfile } from '../../src/lib/journal/profile.ts';
import { displayPath, readJournal } from '../../src/lib/journal/read-journal.ts';
import { parseJournalEntry } from '../../src/lib/journal/stories.ts';
import { readActivityFile } from '../../src/lib/journal/imports/activity-file.ts';
import { readCsvRecords } from '../../src/lib/journal/imports/csv-records.ts';
import { garminColumns, garminRowToDraft } from '../../src/lib/journal/imports/garmin-csv.ts';
import { DEFAULT_PRIVACY_TRIM_M, publishableTrack } from '../../src/lib/journal/imports/privacy.ts';
import { stravaColumns, stravaRowToDraft } from '../../src/lib/journal/imports/strava-csv.ts';
import { anyCsv, brokenJournal, fieldValue, frontMatterFile, plausibleCsv, type JournalFiles } from './arbitraries.ts';
import { buildJournal } from '../../src/lib/journal/build-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';

const FIXTURES = new URL('../../tests/fixtures/trust/', import.meta.url);

/** Lines an editor would show for this text (any of \n, \r\n, \r ends a line). */
export function lineCount(text: string): number {
  return (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/**
 * What is wrong with where these problems point: each must name one of `files` (path → text) and a
 * line inside it; a null line only where `wholeFile(path)` allows it. Empty when all are located.
 */
export function misplaced(problems: Problem[], files: Map<string, string | null>, wholeFile: (path: string) => boolean = () => false): string[] {
  const wrong: string[] = [];
  for (const p of problems) {
    const where = `${p.path}:${p.line} ${p.field}: ${p.message}`;
    if (typeof p.message !== 'string' || p.message.trim() === '') wrong.push(`no message: ${where}`);
    if (!files.has(p.path)) {
      wrong.push(`unknown path: ${where}`);
      continue;
    }
    const text = files.get(p.path) ?? null;
    if (p.line === null) {
      if (!wholeFile(p.path)) wrong.push(`no line: ${where}`);
    } else if (!Number.isInteger(p.line) || p.line < 1 || (text !== null && p.line > lineCount(text))) {
      wrong.push(`line out of the file: ${where}`);
    }
  }
  return wrong;
}

function assertLocated(problems: Problem[], files: Map<string, string | null>, wholeFile?: (path: string) => boolean): void {
  const wrong = misplaced(problems, files, wholeFile);
  if (wrong.length > 0) throw new Error(wrong.slice(0, 5).join('\n'));
}

const kmProfile: Profile = defaultProfile();
const miProfile: Profile = { ...defaultProfile(), units: 'mi' };

/** Writes a journal's files under a fresh temp folder; returns the folder. */
export async function writeJournal(files: JournalFiles, prefix = 'small-wins-trust-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const STRAVA_HEADER =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain';
const GARMIN_HEADER = 'Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Total Ascent,Moving Time,Elapsed Time';

export interface TrustProperty {
  name: string;
  /** Cases in the test suite, when fewer than the default keep the suite fast. */
  suiteRuns?: number;
  property: () => fc.IAsyncPropertyWithHooks<never> | fc.IAsyncProperty<never> | fc.IProperty<never>;
}

/** The properties, each a factory so every run gets fresh state. */
export const PROPERTIES: TrustProperty[] = [
  {
    name: 'the journal CSV reader returns runs or located problems for any text',
    property: () =>
      fc.property(anyCsv, fc.boolean(), (text, miles) => {
        const { runs, problems } = parseRunsCsv(text, 'runs.csv', miles ? miProfile : kmProfile);
        assertLocated(problems, new Map([['runs.csv', text]]));
        for (const run of runs) {
          if (!(run.distance > 0) || !Number.isFinite(run.distance)) throw new Error(`run with distance ${run.distance} at line ${run.source.line}`);
          if (!/^\d{4}-\d{2}-\d{2}$/.test(run.date)) throw new Error(`run with date ${run.date}`);
        }
      }) as never,
  },
  {
    name: 'front matter (entries, goals, the profile) gives a value or located problems',
    property: () =>
      fc.property(frontMatterFile, (text) => {
        const files = new Map([['journal/x.md', text], ['goals/x.md', text], ['profile.md', text]]);
        assertLocated(parseJournalEntry(text, 'journal/x.md', 'journal/x', kmProfile).problems, files);
        assertLocated(parseGoal(text, 'goals/x.md', kmProfile).problems, files);
        assertLocated(parseProfile(text, 'profile.md').problems, files);
      }) as never,
  },
  {
    name: 'Strava and Garmin CSV rows become runs, skips or located problems',
    property: () =>
      fc.property(fc.array(fc.array(fieldValue, { maxLength: 24 }), { maxLength: 8 }), fc.boolean(), (rows, miles) => {
        const body = rows.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
        for (const [header, path] of [[STRAVA_HEADER, 'export/activities.csv'], [GARMIN_HEADER, 'Activities.csv']] as const) {
          const text = `${header}\n${body}`;
          const table = readCsvRecords(text);
          const problems: Problem[] = [];
          const strava = stravaColumns(table.header);
          const garmin = garminColumns(table.header);
          for (const record of table.records) {
            const result =
              strava !== null && typeof strava !== 'string'
                ? stravaRowToDraft(record, strava, path, miles ? miProfile : kmProfile, null)
                : garminRowToDraft(record, garmin!, path, miles ? miProfile : kmProfile);
            if (result.kind === 'problem') problems.push(result.problem);
          }
          assertLocated(problems, new Map([[path, text]]));
        }
      }) as never,
  },
  {
    name: 'damaged GPS files cut at any byte are read in part or reported, never thrown',
    property: () =>
      fc.asyncProperty(
        fc.constantFrom('loop.gpx', 'loop.tcx', 'loop.fit'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.boolean(),
        async (name, cutAt, flips, gz) => {
          const bytes = new Uint8Array(await readFile(new URL(`gps/${name}`, FIXTURES)));
          const broken = bytes.slice(0, Math.floor(cutAt * bytes.length));
          for (const [at, value] of flips) if (broken.length > 0) broken[Math.floor(at * (broken.length - 1))] = value;
          const dir = await mkdtemp(join(tmpdir(), 'small-wins-gps-'));
          try {
            const file = join(dir, gz ? `${name}.gz` : name);
            await writeFile(file, gz ? gzipSync(broken) : broken);
            const { summary, warnings } = await readActivityFile(file, 500, null);
            if (summary === null && warnings.length === 0) throw new Error('neither a summary nor a warning');
            if (warnings.some((w) => typeof w !== 'string' || w.trim() === '')) throw new Error('an empty warning');
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
      ) as never,
  },
  {
    name: 'readJournal on a broken journal folder returns a journal whose problems name a file and a line',
    suiteRuns: 100,
    property: () =>
      fc.asyncProperty(brokenJournal, fc.option(fc.constantFrom('loop.gpx', 'loop.fit', 'loop.tcx')), async (files, gps) => {
        const dir = await writeJournal(files);
        try {
          if (gps !== null) {
            const bytes = await readFile(new URL(`gps/${gps}`, FIXTURES));
            await writeFile(join(dir, gps), bytes.subarray(0, Math.floor(bytes.length / 2)));
          }
          const journal = await readJournal(dir, { today: '2025-06-01' });
          const shown = displayPath(dir);
          const known = new Map<string, string | null>(Object.entries(files).map(([path, text]) => [`${shown}/${path}`, text]));
          if (gps !== null) known.set(`${shown}/${gps}`, null);
          assertLocated([...journal.errors, ...journal.warnings], known, (path) => gps !== null && path === `${shown}/${gps}`);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }) as never,
  },
  {
    name: 'the wins engine finds wins in any journal that reads, with unique slugs naming real runs',
    suiteRuns: 100,
    property: () =>
      fc.property(plausibleCsv, fc.option(frontMatterFile, { nil: undefined }), fc.boolean(), (csv, goal, miles) => {
        const profile = miles ? miProfile : kmProfile;
        const journal = buildJournal({
          profile,
          profileProblems: [],
          csv: [{ path: 'runs.csv', text: csv }],
          entries: [],
          goals: goal === undefined ? [] : [{ path: 'goals/goal.md', text: goal }],
          imported: { runs: [], problems: [], skipped: {} },
        });
        const wins = findWins(journal.runs, journal.goals, journal.profile);
        const slugs = new Set<string>();
        const runIds = new Set(journal.runs.map((run) => run.id));
        // Words only a private run holds (a public run may say the same thing, and publish it).
        const words = (run: (typeof journal.runs)[number]): string[] =>
          [run.title, run.notes, run.win].filter((t): t is string => t !== null && t.trim().length > 3).map((t) => t.trim());
        const publicText = journal.runs.filter((r) => !r.private).flatMap(words).join('\n');
        const secrets = journal.runs.filter((r) => r.private).flatMap(words).filter((w) => !publicText.includes(w) && !journal.goals.some((g) => g.title.includes(w)));
        for (const win of wins) {
          if (slugs.has(win.slug)) throw new Error(`slug ${win.slug} twice`);
          slugs.add(win.slug);
          if (!/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/.test(win.slug)) throw new Error(`slug ${JSON.stringify(win.slug)} is not a clean URL segment`);
          if (!win.runs.every((id) => runIds.has(id))) throw new Error(`win ${win.slug} names a run that is not in the journal`);
          if (!Number.isFinite(win.value)) throw new Error(`win ${win.slug} has value ${win.value}`);
          const leaked = secrets.find((secret) => win.title.includes(secret));
          if (leaked !== undefined) throw new Error(`win ${win.slug} shows a private run's words: ${leaked}`);
        }
      }) as never,
  },
  {
    name: 'a published track never comes within the trim distance of where the run starts or ends',
    property: () =>
      fc.property(
        routeSteps,
        fc.tuple(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true })),
        fc.constantFrom(10, 30, 60),
        fc.option(fc.constantFrom(200, 500, 800)),
        fc.boolean(),
        (steps, origin, stride, trim, back) => {
          const there = walkRoute(steps, origin, stride);
          // Sometimes run back the same way: an out-and-back ends where it started.
          const positions = back ? [...there, ...[...there].reverse()] : there;
          const expected = trim ?? DEFAULT_PRIVACY_TRIM_M;
          // No trim given: the default a profile without `privacy_trim` gets.
          const track = trim === null ? publishableTrack(positions) : publishableTrack(positions, trim);
          const first = positions[0]!;
          const last = positions[positions.length - 1]!;
          for (const point of track?.points ?? []) {
            const near = Math.min(metresBetween(point, first), metresBetween(point, last));
            if (near < expected) throw new Error(`a point ${near.toFixed(1)} m from the start or end (trim ${expected})`);
          }
        },
      ) as never,
  },
];

/** A route as turns (radians) and step lengths (0–1 of a stride): a wandering but going-somewhere walk. */
export const routeSteps = fc.array(fc.tuple(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true })), {
  minLength: 2,
  maxLength: 1_000,
  size: 'max',
});

/** The positions of a route of `steps` from `origin`, each step up to `stride` metres. */
export function walkRoute(steps: ReadonlyArray<readonly [number, number]>, origin: readonly [number, number], stride: number): Array<[number, number]> {
  const positions: Array<[number, number]> = [[origin[0], origin[1]]];
  let [north, east, heading] = [0, 0, 0];
  for (const [turn, length] of steps) {
    heading += turn;
    north += Math.cos(heading) * length * stride;
    east += Math.sin(heading) * length * stride;
    positions.push(offset(origin, north, east));
  }
  return positions;
}

/** The point `north`/`east` metres from `origin`. */
export function offset([lat, lon]: readonly [number, number], north: number, east: number): [number, number] {
  const dLat = north / 111_320;
  const dLon = east / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lat + dLat, lon + dLon];
}

/** Great-circle distance in metres (haversine), written here so the test does not trust the code it checks. */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
