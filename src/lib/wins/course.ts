// Speed family: course bests on training routes ("Kasprowy climb: 41:20, 6:50 faster than in
// March"). The same route run faster is the clearest sign of fitness a runner has outside a race:
// same hills, same distance, her own stopwatch. Races keep their own course bests (race.ts).
import type { IsoDate, Run, Track } from '../types.ts';
import { formatMonth } from '../format/dates.ts';
import { formatDuration } from '../format/units.ts';
import { createNameSlugger } from '../format/slug.ts';
import { haversine } from '../journal/imports/streams.ts';
import {
  COURSE_BEST_MARGIN,
  COURSE_CLIMB_METRES,
  COURSE_CLIMB_SHARE,
  COURSE_DISTANCE_SHARE,
  COURSE_MIN_ATTEMPTS,
} from '../model/thresholds.ts';
import { isSession } from './session.ts';
import type { Detector } from './walk.ts';

/** Types whose time is not the point: an easy run raced for a course best is a coach's nightmare. */
const EASY_TYPES = new Set(['easy', 'recovery', 'run/walk']);

/** Two route outlines match when each of their marks lies within this many metres of the other's. */
const OUTLINE_METRES = 250;

/** Route marks compared: the start, a third and two thirds of the way, the end. */
const OUTLINE_MARKS = [0, 1 / 3, 2 / 3, 1];

const MAX_SLUG_CHARS = 60;

type Point = readonly [number, number];

/** The points at OUTLINE_MARKS of the route's length (a route is already simplified and trimmed). */
export function routeOutline(track: Track): Point[] | null {
  const points = track.points;
  if (points.length < 2) return null;
  const along = [0];
  for (let i = 1; i < points.length; i++) along.push(along[i - 1]! + haversine(points[i - 1]!, points[i]!));
  const total = along[along.length - 1]!;
  if (!(total > 0)) return null;
  return OUTLINE_MARKS.map((share) => {
    const at = share * total;
    const index = along.findIndex((metres) => metres >= at);
    return points[index < 0 ? points.length - 1 : index]!;
  });
}

function outlinesMatch(a: readonly Point[], b: readonly Point[]): boolean {
  return a.every((point, i) => haversine(point, b[i]!) <= OUTLINE_METRES);
}

/**
 * Words that say what kind of run it was or when, not where: a title made of them only ("Long
 * run", "Morning run", "Long and slow", "Before work") names no route.
 */
const NO_ROUTE_WORDS = new Set(
  ('a an and the with before after work run runs running jog jogging long longer easy slow steady recovery shuffle ' +
    'morning evening afternoon lunch night early late day weekend monday tuesday wednesday thursday friday saturday sunday ' +
    'km k mi miles mile')
    .split(' '),
);

/**
 * A title as a route's name compares: case, punctuation and spacing aside ("Forest loop!" is
 * "forest loop"); null when it names no route (only NO_ROUTE_WORDS and numbers).
 */
export function normalisedTitle(title: string | null): string | null {
  const words = title?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!words) return null;
  return words.split(' ').every((word) => NO_ROUTE_WORDS.has(word) || /^\d+$/u.test(word)) ? null : words;
}

interface Course {
  name: string | null;
  key: string | null;
  outline: Point[] | null;
  distance: number;
  climb: number | null;
  attempts: number;
  best: { value: number; date: IsoDate; slug: string | null; run: string } | null;
}

/** Within ±3 % of the course's distance and ±10 % (or 10 m) of its climb, when both have one: the same course. */
function sameShape(course: Course, run: Pick<Run, 'distance' | 'elevation'>): boolean {
  if (Math.abs(run.distance - course.distance) > COURSE_DISTANCE_SHARE * course.distance) return false;
  // A climb not recorded on one side says nothing: the distance decides.
  if (course.climb === null || run.elevation === null) return true;
  return Math.abs(run.elevation - course.climb) <= Math.max(COURSE_CLIMB_SHARE * course.climb, COURSE_CLIMB_METRES);
}

/**
 * A run that may set a course best: timed, not a race, a session (its time holds the recoveries),
 * an easy or run/walk run, nor a treadmill.
 */
function mayRace(run: Run): boolean {
  if (run.time === null || run.time <= 0 || run.isRace || run.virtual || isSession(run)) return false;
  return !EASY_TYPES.has(run.type?.trim().toLowerCase() ?? '');
}

/** "6:50", or "45 s" under a minute. */
function gapWords(seconds: number): string {
  return seconds < 59.5 ? `${Math.round(seconds)} s` : formatDuration(seconds);
}

/** "in March", or "in March 2024" when the best was set in another year. */
function whenWords(best: IsoDate, date: IsoDate, locale: string): string {
  const month = formatMonth(best.slice(0, 7), locale);
  return `in ${best.slice(0, 4) === date.slice(0, 4) ? month.replace(/\s*\d{4}\s*$/u, '') : month}`;
}

export function detectCourseBests(): Detector {
  const slugOf = createNameSlugger(MAX_SLUG_CHARS, 'course');
  const courses: Course[] = [];
  return (run, walk) => {
    if (!mayRace(run)) return;
    // A private run's title is never read: it can join a course by its route only.
    const key = run.private ? null : normalisedTitle(run.title);
    const outline = run.track ? routeOutline(run.track) : null;
    // The same route file's outline first, else the same title; and always the same shape.
    let course =
      (outline && courses.find((c) => c.outline !== null && outlinesMatch(c.outline, outline) && sameShape(c, run))) ||
      (key !== null && courses.find((c) => c.key === key && sameShape(c, run))) ||
      undefined;
    if (!course) {
      course = { name: run.private ? null : (run.title?.trim() ?? null), key, outline, distance: run.distance, climb: run.elevation, attempts: 0, best: null };
      courses.push(course);
    }
    course.name ??= run.private ? null : (run.title?.trim() || null);
    course.key ??= key;
    course.outline ??= outline;
    course.attempts++;
    const time = run.time!;
    const best = course.best;
    let slug: string | null = null;
    // A course best that is a personal best or a barrier anyway is told there, once.
    const told = walk.earned('personal-best') || walk.earned('barrier');
    if (best && course.attempts >= COURSE_MIN_ATTEMPTS && time <= (1 - COURSE_BEST_MARGIN) * best.value && !told) {
      // The route's name never comes from a private run, nor goes onto one's win.
      const name = run.private || course.name === null ? 'A training route' : course.name;
      slug = walk.emit(run, {
        kind: 'course-best',
        name: `course-best-${slugOf(name)}`,
        title: `${name}: ${formatDuration(time)}, ${gapWords(best.value - time)} faster than ${whenWords(best.date, run.date, walk.profile.locale)}`,
        value: time,
        unit: 's',
        previous: { ...best },
      }).slug;
    }
    if (!best || time < best.value) course.best = { value: time, date: run.date, slug, run: run.id };
  };
}
