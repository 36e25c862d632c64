// Stable run ids: the date, then `-2`, `-3`... for later runs of the same day.
import type { Run, RunDraft } from '../types.ts';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Within a day: start time (unknown first), then distance, then where the run was written. */
function compareWithinDay(a: RunDraft, b: RunDraft): number {
  if (a.startTime !== b.startTime) {
    if (a.startTime === null) return -1;
    if (b.startTime === null) return 1;
    return compareText(a.startTime, b.startTime);
  }
  return (
    a.distance - b.distance ||
    compareText(a.source.path, b.source.path) ||
    (a.source.line ?? 0) - (b.source.line ?? 0)
  );
}

/** The run a draft becomes. Written out rather than spread: a 100,000-run journal copies every run once here. */
function withId(draft: RunDraft, id: string): Run {
  return {
    id,
    date: draft.date,
    startTime: draft.startTime,
    distance: draft.distance,
    time: draft.time,
    title: draft.title,
    type: draft.type,
    race: draft.race,
    isRace: draft.isRace,
    elevation: draft.elevation,
    nonstop: draft.nonstop,
    feeling: draft.feeling,
    temperature: draft.temperature,
    tags: draft.tags,
    win: draft.win,
    notes: draft.notes,
    private: draft.private,
    virtual: draft.virtual,
    extra: draft.extra,
    source: draft.source,
    storyId: null,
    efforts: draft.efforts,
    track: draft.track,
  };
}

/** Runs sorted by date then id, each with its id (and no story yet): new objects, laid out in id order for the engine's walk. */
export function assignRunIds(drafts: RunDraft[]): Run[] {
  const sorted = [...drafts].sort((a, b) => compareText(a.date, b.date) || compareWithinDay(a, b));
  const runs: Run[] = [];
  let previousDate = '';
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const draft = sorted[i]!;
    n = draft.date === previousDate ? n + 1 : 1;
    previousDate = draft.date;
    runs.push(withId(draft, n === 1 ? draft.date : `${draft.date}-${n}`));
  }
  return runs;
}
