// One run, never two: imported runs that are the same outing as a hand-written run (or as a run
// from another import) are merged into it. Hand-written fields always win; the import fills gaps.
import type { RunDraft, SourceRef } from '../../types.ts';
import { isTrackOf, linkedTrack } from '../track-links.ts';
import { plausibleEfforts } from './best-efforts.ts';

export interface MergeResult {
  runs: RunDraft[];
  /** How many imported runs were merged into another run (hand-written, or an earlier import). */
  merged: number;
}

/** Start times this close (seconds) are the same start: devices and hand-typed times differ a little. */
export const SAME_START_TOLERANCE_S = 120;
/** Distances this close (relative) on the same day are the same run. */
export const SAME_DISTANCE_TOLERANCE = 0.02;

/** Imports are layered in this order: an export's row is the base a GPS file enriches. */
const IMPORT_ORDER: ReadonlyArray<SourceRef['kind']> = ['strava', 'garmin', 'apple', 'fit', 'tcx', 'gpx'];

function seconds(time: string | null): number | null {
  const match = time ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time) : null;
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0) : null;
}

/**
 * How close two runs are, lower is nearer, or null when they are not the same run: the same start
 * time (tier 0), else the same day and distance within 2% (tier 1).
 */
export function matchDistance(a: RunDraft, b: RunDraft): number | null {
  if (a.date !== b.date) return null;
  const relative = Math.abs(a.distance - b.distance) / Math.min(a.distance, b.distance);
  const sa = seconds(a.startTime);
  const sb = seconds(b.startTime);
  if (sa !== null && sb !== null && Math.abs(sa - sb) <= SAME_START_TOLERANCE_S) return Math.abs(sa - sb) / 1e6 + relative / 1e3;
  return relative <= SAME_DISTANCE_TOLERANCE ? 1 + relative : null;
}

/** A hand-written run's `track:` names this imported file (path relative to the journal folder). */
function isLinkedTrack(run: RunDraft, imported: RunDraft): boolean {
  const track = linkedTrack(run);
  return track !== null && isTrackOf(track, imported);
}

/** Pairs (base index, incoming index), one-to-one, nearest pair first. */
function matchOneToOne(base: readonly RunDraft[], incoming: readonly RunDraft[]): Array<[number, number]> {
  const byDate = new Map<string, number[]>();
  base.forEach((run, i) => {
    const day = byDate.get(run.date);
    if (day) day.push(i);
    else byDate.set(run.date, [i]);
  });
  const linked = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const candidates: Array<{ b: number; i: number; score: number }> = [];
  const taken = new Set<number>();
  // Explicit links (`track:` in a journal entry) first, whatever the date or distance.
  incoming.forEach((run, i) => {
    const b = base.findIndex((candidate, index) => !taken.has(index) && isLinkedTrack(candidate, run));
    if (b >= 0) {
      pairs.push([b, i]);
      taken.add(b);
      linked.add(i);
    }
  });
  incoming.forEach((run, i) => {
    if (linked.has(i)) return;
    for (const b of byDate.get(run.date) ?? []) {
      if (taken.has(b)) continue;
      const score = matchDistance(base[b]!, run);
      if (score !== null) candidates.push({ b, i, score });
    }
  });
  candidates.sort((x, y) => x.score - y.score || x.b - y.b || x.i - y.i);
  const used = new Set<number>(linked);
  for (const { b, i } of candidates) {
    if (taken.has(b) || used.has(i)) continue;
    pairs.push([b, i]);
    taken.add(b);
    used.add(i);
  }
  return pairs;
}

/** `primary` with its gaps filled from `secondary`; every value `primary` has wins. */
export function fillGaps(primary: RunDraft, secondary: RunDraft): RunDraft {
  return {
    ...primary,
    startTime: primary.startTime ?? secondary.startTime,
    time: primary.time ?? secondary.time,
    title: primary.title ?? secondary.title,
    type: primary.type ?? secondary.type,
    race: primary.race ?? secondary.race,
    isRace: primary.isRace || secondary.isRace,
    elevation: primary.elevation ?? secondary.elevation,
    nonstop: primary.nonstop ?? secondary.nonstop,
    feeling: primary.feeling ?? secondary.feeling,
    temperature: primary.temperature ?? secondary.temperature,
    tags: primary.tags.length > 0 ? primary.tags : secondary.tags,
    win: primary.win ?? secondary.win,
    notes: primary.notes ?? secondary.notes,
    private: primary.private || secondary.private,
    virtual: primary.virtual || secondary.virtual,
    extra: { ...secondary.extra, ...primary.extra },
    // Only efforts within the run's own distance: the file may run on past what the runner counted.
    efforts: primary.efforts.length > 0 ? primary.efforts : plausibleEfforts(secondary.efforts, primary.distance),
    track: primary.track ?? secondary.track,
  };
}

function mergeInto(base: RunDraft[], incoming: readonly RunDraft[]): { runs: RunDraft[]; merged: number } {
  // Most journals import nothing: a 100,000-run one must not pay for indexing itself.
  if (incoming.length === 0) return { runs: base, merged: 0 };
  const runs = [...base];
  const absorbed = new Set<number>();
  for (const [b, i] of matchOneToOne(base, incoming)) {
    runs[b] = fillGaps(runs[b]!, incoming[i]!);
    absorbed.add(i);
  }
  return { runs: [...runs, ...incoming.filter((_, i) => !absorbed.has(i))], merged: absorbed.size };
}

/**
 * Imports are first merged among themselves (an export's row, then GPS files), then into the
 * hand-written runs. Hand-written runs are never merged with each other.
 */
export function mergeRuns(handWritten: RunDraft[], imported: RunDraft[]): MergeResult {
  let importedRuns: RunDraft[] = [];
  let merged = 0;
  for (const kind of IMPORT_ORDER) {
    const layer = imported.filter((run) => run.source.kind === kind);
    const result = mergeInto(importedRuns, layer);
    importedRuns = result.runs;
    merged += result.merged;
  }
  const others = imported.filter((run) => !IMPORT_ORDER.includes(run.source.kind));
  const final = mergeInto(handWritten, [...importedRuns, ...others]);
  return { runs: final.runs, merged: merged + final.merged };
}
