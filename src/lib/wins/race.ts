// Race family: the races worth a win — the first race, the first of each race name and of each
// standard distance, every half marathon or longer, course bests and round numbers of finishes of
// one race. A tenth parkrun at an everyday time is still a race on its run's page, but no win.
import type { DistanceUnit, IsoDate, Run } from '../types.ts';
import { formatDistance } from '../format/units.ts';
import { createNameSlugger } from '../format/slug.ts';
import { EFFORT_MAX, EFFORT_MIN, HALF_MARATHON_METRES, nextRungAbove, ordinal, runReaches, STANDARD_DISTANCES, type DistanceRung, type OpenLadder } from '../model/rungs.ts';
import { ranBefore } from '../model/known-bests.ts';
import type { Detector } from './walk.ts';

/** What to call a race: its name, else the run's title, else its distance — a private run's words never. */
export function raceName(run: Run, unit: DistanceUnit): string {
  const named = run.private ? '' : run.race?.trim() || run.title?.trim();
  if (named) return named;
  const standard = standardDistanceOf(run);
  return `a ${standard ? standard.label : formatDistance(run.distance, unit)} race`;
}

/** The standard distance a race is run at: its distance within [0.99·D, 1.05·D]. */
export function standardDistanceOf(run: Pick<Run, 'distance'>): DistanceRung | undefined {
  return STANDARD_DISTANCES.find((rung) => run.distance >= EFFORT_MIN * rung.metres && run.distance <= EFFORT_MAX * rung.metres);
}

/** Races from this distance up are a win every time: each one is months of training. */
export const LONG_RACE_METRES = HALF_MARATHON_METRES;

/** The finishes of one race name worth a win: the 10th, 25th, 50th, 100th, then every 100th. */
export const FINISH_LADDER: OpenLadder = { rungs: [10, 25, 50, 100], step: 100 };

/** Race names stay readable in a URL; the title keeps every word. */
const MAX_SLUG_CHARS = 60;

interface Course {
  finishes: number;
  best: { value: number; date: IsoDate; slug: string | null; run: string } | null;
}

/**
 * One race name, however it is capitalised or spaced; null for an unnamed race and for a private
 * run: its name must not tie it to a public race of that name (a course best or a count of finishes
 * of one would point from the public race's page to the private run, or from the private run's to
 * the public race), so a private race is a course of its own.
 */
function courseKey(run: Run): string | null {
  if (run.private) return null;
  const named = run.race?.trim() || run.title?.trim();
  return named ? named.toLowerCase().replace(/\s+/g, ' ') : null;
}

export function detectRaces(): Detector {
  const slugOf = createNameSlugger(MAX_SLUG_CHARS, 'race');
  const courses = new Map<string, Course>();
  const distancesRaced = new Set<string>();
  let first = true;
  let history = false;
  return (run, walk) => {
    // A runner who ran before the journal may have raced before it: no "first race" for them.
    if (walk.index === 0) history = ranBefore(walk.profile, run.date);
    if (!run.isRace) return;
    const name = raceName(run, walk.profile.units);
    const key = courseKey(run);
    let course = key === null ? undefined : courses.get(key);
    const firstOfName = key !== null && course === undefined;
    if (key !== null && course === undefined) {
      course = { finishes: 0, best: null };
      courses.set(key, course);
    }
    const finishes = course ? ++course.finishes : 1;
    const standard = standardDistanceOf(run);
    const firstAtDistance = standard !== undefined && !history && !distancesRaced.has(standard.name);
    if (standard) distancesRaced.add(standard.name);
    const long = runReaches(run, LONG_RACE_METRES);
    const best = course?.best ?? null;
    // A course best that is a personal best or a barrier anyway is told there, once.
    const courseBest =
      best !== null && run.time !== null && run.time < best.value && !walk.earned('personal-best') && !walk.earned('barrier');
    const roundFinish = course !== undefined && nextRungAbove(FINISH_LADDER, finishes - 1) === finishes;

    let title: string | null = null;
    let headline = long;
    if (first && !history) {
      title = `First race: ${name}`;
      headline = true;
    } else if (firstAtDistance) {
      title = `First ${standard!.label} race: ${name}`;
      headline = true;
    } else if (courseBest) title = `Course best: ${name}`;
    else if (roundFinish) title = `${ordinal(finishes)} finish: ${name}`;
    else if (firstOfName || long) title = `Finished ${name}`;
    first = false;

    const slug =
      title === null
        ? null
        : walk.emit(run, {
            kind: 'race',
            name: slugOf(name),
            title,
            value: run.time ?? run.distance,
            unit: run.time === null ? 'm' : 's',
            headline,
            previous: courseBest ? { ...best! } : null,
          }).slug;
    if (course && run.time !== null && (best === null || run.time < best.value)) {
      // The record stays linked to the win that celebrated the run, whichever kind it was.
      course.best = { value: run.time, date: run.date, slug, run: run.id };
    }
  };
}
