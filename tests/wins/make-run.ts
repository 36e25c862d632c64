// Small hand-written journals for the engine's tests: a run is a date and a distance in km,
// everything else optional; ids follow the reader's rule (date, then `-N` within the day).
import type { Goal, Profile, Run, SourceRef } from '../../src/lib/types.ts';
import { emptyRunDraft } from '../../src/lib/model/run-columns.ts';
import { compareRunIds } from '../../src/lib/model/run-order.ts';

export type RunSpec = Partial<Omit<Run, 'distance'>> & { date: string; km: number };

/** A run's source when its distance was measured by a device: GPS reads a little short (rungs.ts). */
export const GPS: SourceRef = { path: 'data/imported/run.gpx', line: null, kind: 'gpx' };

export function makeRun(spec: RunSpec): Run {
  const { km, ...rest } = spec;
  return {
    id: spec.date,
    storyId: null,
    ...emptyRunDraft({ date: spec.date, distance: km * 1000, source: { path: 'tests/runs.csv', line: null, kind: 'csv' } }),
    ...rest,
  };
}

/** Runs with ids assigned as the reader does: the date, `-2`, `-3`... in the given order within a day. */
export function makeRuns(specs: RunSpec[]): Run[] {
  const perDay = new Map<string, number>();
  const runs = [...specs]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((spec) => {
      const n = (perDay.get(spec.date) ?? 0) + 1;
      perDay.set(spec.date, n);
      return makeRun({ ...spec, id: n === 1 ? spec.date : `${spec.date}-${n}` });
    });
  return runs.sort((a, b) => compareRunIds(a.id, b.id));
}

/** Consecutive daily runs from `start`, one per day, each `km` long. */
export function dailyRuns(start: string, days: number, km: number, extra: Partial<RunSpec> = {}): RunSpec[] {
  const base = Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)));
  return Array.from({ length: days }, (_, i) => ({
    ...extra,
    date: new Date(base + i * 86_400_000).toISOString().slice(0, 10),
    km,
  }));
}

export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'Test Runner',
    title: 'Small wins',
    site: null,
    units: 'km',
    weekStart: 'monday',
    timezone: 'UTC',
    locale: 'en',
    about: '',
    fonts: [],
    privacyTrim: 0,
    ...overrides,
  };
}

export function makeGoal(overrides: Partial<Goal> & { slug: string; date: string; distance: number }): Goal {
  return {
    title: overrides.slug,
    elevation: null,
    start: null,
    body: '',
    source: { path: 'tests/goals/goal.md', line: 1, kind: 'markdown' },
    ...overrides,
  };
}
