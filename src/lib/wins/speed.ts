// Speed family: personal-best and barrier, over the standard distances.
import type { Profile, Run, Series } from '../types.ts';
import {
  BARRIERS,
  EFFORT_MAX,
  EFFORT_MIN,
  STANDARD_DISTANCES,
  STREAM_ONLY_DISTANCES,
  type Barrier,
  type DistanceRung,
} from '../model/rungs.ts';
import { isHeadline } from '../model/kinds.ts';
import { knownBestTime } from '../model/known-bests.ts';
import { appendPoint, createSeries, type Detector, type WinDraft } from './walk.ts';
import { asks, BARRIER_REACH, milestone, type NextContext, type NextMilestone } from './next.ts';

/** Stream efforts name their distance exactly; allow float noise from unit conversion. */
const EFFORT_MATCH_METRES = 0.5;

interface TimedEffort {
  time: number;
  offset: number | null;
}

/** The run's effort at a standard distance: its stream effort, else the whole run scaled to D. */
export function effortAt(run: EffortRun, metres: number, streamOnly = false): TimedEffort | null {
  const stream = streamEffortAt(run, metres);
  if (stream) return { time: stream.time, offset: stream.startOffset };
  const time = scaledTimeAt(run, metres, streamOnly);
  return Number.isNaN(time) ? null : { time, offset: null };
}

function streamEffortAt(run: EffortRun, metres: number): Run['efforts'][number] | undefined {
  for (const effort of run.efforts) if (Math.abs(effort.distance - metres) < EFFORT_MATCH_METRES) return effort;
  return undefined;
}

/**
 * The whole run's time at `metres`, or NaN when the run is no effort at that distance. A race's
 * time is its result and is never changed (a 42.4 km marathon in 2:58:40 is a 2:58:40 marathon);
 * a training run's is scaled to the distance.
 */
function scaledTimeAt(run: EffortRun, metres: number, streamOnly: boolean): number {
  if (streamOnly || run.time === null || run.time <= 0) return Number.NaN;
  if (run.distance < EFFORT_MIN * metres || run.distance > EFFORT_MAX * metres) return Number.NaN;
  return run.isRace ? run.time : (run.time * metres) / run.distance;
}

interface DistanceState {
  rung: DistanceRung;
  streamOnly: boolean;
  /** The run distances whose whole time is an effort at this distance. */
  shortest: number;
  longest: number;
  series: Series;
  best: { value: number; date: string; slug: string | null; run?: string } | null;
  /** Barriers (slowest first) already broken: a prefix of the list. */
  broken: number;
}

function barriersUnder(name: string, time: number): number {
  const list = BARRIERS[name] ?? [];
  let count = 0;
  while (count < list.length && time < list[count]!.seconds) count++;
  return count;
}

/** The first barrier at a distance that `time` has not broken; null when it has broken them all. */
export function nextBarrier(distanceName: string, time: number): Barrier | null {
  return BARRIERS[distanceName]?.[barriersUnder(distanceName, time)] ?? null;
}

/**
 * The time a distance's wins are measured from: the profile's best from before the journal, else
 * the first effort at it in the journal (ids in walk order). It breaks its barriers without a win,
 * so a barrier it is already under can never be a win. Null before any effort.
 */
export function benchmarkEffort(
  ordered: readonly EffortRun[],
  profile: Pick<Profile, 'bests'>,
  distanceName: string,
): { time: number; run: EffortRun | null } | null {
  const known = knownBestTime(profile, distanceName);
  if (known !== null) return { time: known, run: null };
  const rung = STANDARD_DISTANCES.find((d) => d.name === distanceName);
  if (!rung) return null;
  for (const run of ordered) {
    if (run.virtual) continue;
    const effort = effortAt(run, rung.metres);
    if (effort) return { time: effort.time, run };
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function detectSpeedWins(): Detector {
  const rungs = [
    ...STREAM_ONLY_DISTANCES.map((rung) => ({ rung, streamOnly: true })),
    ...STANDARD_DISTANCES.map((rung) => ({ rung, streamOnly: false })),
  ];
  const states: DistanceState[] = rungs.map(({ rung, streamOnly }) => ({
    rung,
    streamOnly,
    shortest: EFFORT_MIN * rung.metres,
    longest: EFFORT_MAX * rung.metres,
    series: createSeries(`best-${rung.name}`, `${capitalise(rung.label)} best`, 's', true),
    best: null,
    broken: 0,
  }));

  const firstStandard = STREAM_ONLY_DISTANCES.length;
  const standardRise = STANDARD_DISTANCES.every((rung, i) => i === 0 || rung.metres > STANDARD_DISTANCES[i - 1]!.metres);

  let started = false;
  return (run, walk) => {
    if (!started) {
      // Bests from before the journal (the profile's `bests`) are the records to beat; they break
      // their barriers silently, as a benchmark does. Their day is unknown: `date` stays empty.
      started = true;
      for (const state of states) {
        const known = knownBestTime(walk.profile, state.rung.name);
        if (known === null) continue;
        state.best = { value: known, date: '', slug: null };
        state.broken = barriersUnder(state.rung.name, known);
      }
    }
    // Treadmills and virtual runs measure distance too loosely to set records.
    if (run.virtual) return;
    // Most runs have no stream efforts: then only their whole time can be an effort, at a
    // distance near their own (checked per distance below, without a call).
    const streamed = run.efforts.length > 0;
    if (!streamed && (run.time === null || run.time <= 0)) return;
    let personalBest: { state: DistanceState; draft: WinDraft } | null = null;
    let barrier: { state: DistanceState; draft: WinDraft } | null = null;
    // Without a stream only the standard distances can match, and they rise: stop at the first
    // one the run is too short for.
    for (let i = streamed ? 0 : firstStandard; i < states.length; i++) {
      const state = states[i]!;
      const metres = state.rung.metres;
      if (!streamed) {
        if (run.distance < state.shortest) {
          if (standardRise) break;
          continue;
        }
        if (run.distance > state.longest) continue;
      }
      // Most runs are an effort at one distance or none: find that out before allocating anything.
      const stream = streamed ? streamEffortAt(run, metres) : undefined;
      const time = stream ? stream.time : scaledTimeAt(run, metres, state.streamOnly);
      if (Number.isNaN(time)) continue;
      const before = state.best;
      if (before && time >= before.value) continue;
      const effort: TimedEffort = { time, offset: stream ? stream.startOffset : null };
      const upTo = appendPoint(state.series, run.date, effort.time, run.id);
      const broken = barriersUnder(state.rung.name, effort.time);
      state.best = { value: effort.time, date: run.date, slug: null, run: run.id };
      if (!before) {
        // The benchmark: no win, but it silently breaks the barriers it is under.
        state.broken = broken;
        continue;
      }
      const common = {
        value: effort.time,
        unit: 's' as const,
        rung: state.rung.name,
        previous: before.date === '' ? null : { ...before },
        progression: { series: state.series, upTo },
        effortOffset: effort.offset,
      };
      // Longer distances come later, so the last candidate is the biggest.
      if (broken > state.broken) {
        const fastest = BARRIERS[state.rung.name]![broken - 1]!;
        barrier = {
          state,
          draft: {
            kind: 'barrier',
            name: `${fastest.name}-${state.rung.name}`,
            title: `${fastest.label} ${state.rung.label}`,
            headline: isHeadline('barrier', effort.time, walk.profile.units, metres),
            ...common,
          },
        };
        state.broken = broken;
      } else {
        personalBest = {
          state,
          draft: {
            kind: 'personal-best',
            name: `${state.rung.name}-personal-best`,
            title: `${capitalise(state.rung.label)} personal best`,
            headline: isHeadline('personal-best', effort.time, walk.profile.units, metres),
            ...common,
          },
        };
      }
    }
    // Personal best first, then barrier (kind order); no array per run to loop over them.
    if (personalBest) personalBest.state.best!.slug = walk.emit(run, personalBest.draft).slug;
    if (barrier) barrier.state.best!.slug = walk.emit(run, barrier.draft).slug;
  };
}

/** A run as the pages have it (without the fields only the journal keeps); `Run` satisfies it. */
export type EffortRun = Omit<Run, 'win' | 'extra' | 'source'>;

export interface BestEffort {
  rung: DistanceRung;
  /** Seconds. */
  time: number;
  runId: string;
  date: string;
}

/**
 * The standing best at every distance, shortest first: the same efforts the personal-best
 * detector times (treadmill and virtual runs never count), the earliest of equal times.
 */
export function bestEffortStandings(ordered: readonly EffortRun[]): BestEffort[] {
  const distances = [
    ...STREAM_ONLY_DISTANCES.map((rung) => ({ rung, streamOnly: true })),
    ...STANDARD_DISTANCES.map((rung) => ({ rung, streamOnly: false })),
  ];
  const out: BestEffort[] = [];
  for (const { rung, streamOnly } of distances) {
    const best = fastestEffort(ordered, rung.metres, streamOnly);
    if (best) out.push({ rung, time: best.time, runId: best.run.id, date: best.run.date });
  }
  return out;
}

function fastestEffort<R extends EffortRun>(runs: readonly R[], metres: number, streamOnly = false): { run: R; time: number } | null {
  let best: { run: R; time: number } | null = null;
  for (const run of runs) {
    if (run.virtual) continue;
    const effort = effortAt(run, metres, streamOnly);
    if (effort && (best === null || effort.time < best.time)) best = { run, time: effort.time };
  }
  return best;
}

/** Climbing above this, per km, makes a run a hill or trail outing rather than a road or track effort. */
export const FLAT_CLIMB_PER_KM = 15;

/**
 * A run whose time says what the runner could do on a road or track: not a trail run (its type
 * names a trail) and not one with more than FLAT_CLIMB_PER_KM metres of climbing per km.
 */
export function isRoadEffort(run: Pick<Run, 'type' | 'elevation' | 'distance'>): boolean {
  if (run.type !== null && /trail/i.test(run.type)) return false;
  return run.elevation === null || run.elevation <= (FLAT_CLIMB_PER_KM * run.distance) / 1000;
}

/**
 * The next barrier at each distance, measured from the best road or track effort. The barrier is
 * the first not broken by any effort (a fast trail run breaks it too); without a road effort at
 * that distance there is no honest "best" to measure from, and no line. Only while the runner's
 * phase asks for speed (not in a taper, a recovery or a comeback).
 */
export function speedNext(context: NextContext): NextMilestone[] {
  const out: NextMilestone[] = [];
  if (!asks(context).speed) return out;
  for (const distance of STANDARD_DISTANCES) {
    const barriers = BARRIERS[distance.name];
    if (!barriers) continue;
    const best = fastestEffort(context.ordered, distance.metres);
    const road = fastestEffort(context.ordered.filter(isRoadEffort), distance.metres);
    if (best === null || road === null) continue;
    const barrier = barriers[barriersUnder(distance.name, best.time)];
    if (!barrier || road.time - barrier.seconds > BARRIER_REACH * road.time) continue;
    out.push(
      milestone({
        kind: 'barrier',
        label: `${barrier.label.toLowerCase()} ${distance.label}`,
        remaining: road.time - barrier.seconds,
        unit: 's',
        target: barrier.seconds,
      }),
    );
  }
  return out;
}
