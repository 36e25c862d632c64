// Session family (a speed win): hill, interval and tempo sessions. A session is a workout, not a
// run for its distance or its time: its step forward is more reps, longer reps or a longer tempo
// than any earlier session of its type ("Most hill reps yet: 12 × 2 min").
import type { IsoDate, Run } from '../types.ts';
import type { Detector } from './walk.ts';

export const SESSION_TYPES = ['hills', 'intervals', 'tempo'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** The run types that name a session, as a runner or a device writes them (compared without case). */
const TYPE_NAMES: Readonly<Record<string, SessionType>> = {
  hills: 'hills',
  hill: 'hills',
  'hill repeats': 'hills',
  intervals: 'intervals',
  interval: 'intervals',
  tempo: 'tempo',
};

/** Types that say the run was no workout, whatever its title: "Easy run, 10 x 100 m strides" is an easy run. */
const NOT_A_SESSION = new Set(['easy', 'recovery', 'long', 'run/walk', 'race']);

/** `12 x 2 min`, `6 x 1 km`, `8×90 s`, `6x400m`: reps of a time or a distance. */
const REPS = /(\d{1,3})\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*(min(?:s|utes?)?|s(?:ecs?|econds?)?|km|m|mi(?:les?)?)(?![a-z])/iu;

/** `20 min @ 4:45`, `20 min tempo`, `25 minutes at threshold`: a tempo of a time. */
const TEMPO = /(\d{1,3})\s*min(?:s|utes?)?\s*(?:@\s*\d{1,2}:\d{2}|tempo\b|at\s+(?:tempo|threshold)\b)/iu;

const METRES_PER: Readonly<Record<string, number>> = { km: 1000, m: 1, mi: 1609.344 };

/** What one session did: its reps (each a time or a distance), or its tempo's time. */
export interface SessionShape {
  type: SessionType;
  reps: { count: number; length: number; measure: 'seconds' | 'metres'; label: string } | null;
  /** The tempo's time, seconds. */
  tempo: number | null;
}

function typeOf(run: Pick<Run, 'type'>): SessionType | null {
  return TYPE_NAMES[run.type?.trim().toLowerCase() ?? ''] ?? null;
}

function parseReps(title: string): SessionShape['reps'] {
  const match = REPS.exec(title);
  if (!match) return null;
  const count = Number(match[1]);
  const amount = Number(match[2]!.replace(',', '.'));
  const word = match[3]!.toLowerCase();
  if (!(count >= 2) || !(amount > 0)) return null;
  const unit = word.startsWith('min') ? 'min' : word.startsWith('mi') ? 'mi' : word.startsWith('s') ? 's' : word;
  const label = `${count} × ${match[2]} ${unit}`;
  if (unit === 'min') return { count, length: amount * 60, measure: 'seconds', label };
  if (unit === 's') return { count, length: amount, measure: 'seconds', label };
  return { count, length: amount * METRES_PER[unit]!, measure: 'metres', label };
}

/**
 * The session a run is, or null: a run typed `hills`, `intervals` or `tempo`, or whose title says
 * reps (`12 x 2 min`, `6 x 1 km`) or a tempo (`20 min @ 4:45`). A race is never a session, nor a run
 * typed easy, long, recovery or run/walk. A private run's title is never read: only its type.
 */
export function sessionOf(run: Pick<Run, 'type' | 'title' | 'isRace' | 'private'>): SessionShape | null {
  if (run.isRace) return null;
  const typed = typeOf(run);
  const type = run.type?.trim().toLowerCase() ?? '';
  const title = run.private ? '' : (run.title ?? '');
  const titled = typed === null && !NOT_A_SESSION.has(type);
  const reps = typed !== null || titled ? parseReps(title) : null;
  const tempoMatch = typed !== null || titled ? TEMPO.exec(title) : null;
  const tempo = tempoMatch ? Number(tempoMatch[1]) * 60 : null;
  const session: SessionType | null = typed ?? (reps ? (/hill/iu.test(title) ? 'hills' : 'intervals') : tempo !== null ? 'tempo' : null);
  if (session === null) return null;
  // A tempo run's title may say its minutes without a pace ("20 min tempo"); any other type's
  // minutes are reps or nothing.
  return { type: session, reps: session === 'tempo' ? null : reps, tempo: session === 'tempo' ? (tempo ?? (typed === 'tempo' ? minutesIn(title) : null)) : null };
}

/** `Tempo, 25 min`: a tempo run's minutes when its title names nothing else. */
function minutesIn(title: string): number | null {
  const match = /(\d{1,3})\s*min(?:s|utes?)?\b/iu.exec(title);
  return match ? Number(match[1]) * 60 : null;
}

/** A session is a workout: it is never "showed up anyway", however it felt (coaches plan hard days to feel hard). */
export function isSession(run: Pick<Run, 'type' | 'title' | 'isRace' | 'private'>): boolean {
  return sessionOf(run) !== null;
}

interface Done {
  count: number;
  length: number;
  date: IsoDate;
  slug: string | null;
  run: string;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const NOUN: Record<SessionType, string> = { hills: 'hill', intervals: 'interval', tempo: 'tempo' };

export function detectSessions(): Detector {
  // Each type's earlier sessions, by what their reps measure (time or distance are not compared).
  const reps = new Map<string, Done[]>();
  const tempos = new Map<SessionType, { value: number; date: IsoDate; slug: string | null; run: string }>();
  return (run, walk) => {
    const session = sessionOf(run);
    if (session === null) return;
    const noun = NOUN[session.type];
    if (session.reps) {
      const key = `${session.type}-${session.reps.measure}`;
      const earlier = reps.get(key) ?? [];
      const { count, length, label } = session.reps;
      const done: Done = { count, length, date: run.date, slug: null, run: run.id };
      // No earlier session of its type did as many reps at least as long: a step, not a repeat.
      // More reps count against sessions of reps no longer than these (6 × 400 m is not more
      // than 5 × 1 km), longer reps against sessions of no more reps.
      const dominated = earlier.some((e) => e.count >= count && e.length >= length);
      const fewer = earlier.filter((e) => e.length <= length && e.count < count);
      const shorter = earlier.filter((e) => e.count <= count && e.length < length);
      if (!dominated && (fewer.length > 0 || shorter.length > 0)) {
        const most = earlier.every((e) => e.count < count);
        const longest = !most && earlier.every((e) => e.length < length);
        // The figure is what the title says grew: the reps, else the length of one rep.
        const byReps = !longest && fewer.length > 0;
        const beaten = byReps
          ? fewer.reduce((a, b) => (b.count > a.count ? b : a))
          : shorter.reduce((a, b) => (b.length >= a.length ? b : a));
        const what = most ? 'most' : longest ? 'longest' : 'biggest';
        done.slug = walk.emit(run, {
          kind: 'session',
          name: what === 'biggest' ? `biggest-${noun}-session` : `${what}-${noun}-reps`,
          title: what === 'biggest' ? `Biggest ${noun} session yet: ${label}` : `${capitalised(what)} ${noun} reps yet: ${label}`,
          value: byReps ? count : length,
          unit: byReps ? 'reps' : session.reps.measure === 'seconds' ? 'duration' : 'm',
          rung: session.type,
          previous: { value: byReps ? beaten.count : beaten.length, date: beaten.date, slug: beaten.slug, run: beaten.run },
        }).slug;
      }
      earlier.push(done);
      reps.set(key, earlier);
    }
    if (session.tempo !== null) {
      const best = tempos.get(session.type);
      let slug: string | null = null;
      if (best && session.tempo > best.value) {
        slug = walk.emit(run, {
          kind: 'session',
          name: 'longest-tempo',
          title: `Longest tempo yet: ${Math.round(session.tempo / 60)} min`,
          value: session.tempo,
          unit: 'duration',
          rung: session.type,
          previous: { ...best },
        }).slug;
      }
      if (!best || session.tempo > best.value) tempos.set(session.type, { value: session.tempo, date: run.date, slug, run: run.id });
    }
  };
}
