// A run as pages and cards may show it: private runs scrubbed here, at the source, so neither a
// page nor a share image can publish their title, notes or story by mistake.
import { emptyValue, PUBLISHED_RUN_COLUMNS, type UnpublishedField } from '../model/run-columns.ts';
import type { Run } from '../types.ts';

/**
 * A run as pages see it: the journal's run less what is never published (the runner's own win
 * text lives in its custom win, unknown columns and source paths stay private; see `publish` in
 * RUN_COLUMNS). For a private run the `public` fields (title, notes, race, tags, story, route) are
 * emptied by `runEntry`.
 */
export interface RunEntry extends Omit<Run, UnpublishedField> {
  /** Slugs of the wins this run earned, in the engine's order. */
  wins: string[];
}

export function runEntry(run: Run, wins: string[]): RunEntry {
  const hidden = run.private;
  const entry: Record<string, unknown> = {};
  for (const column of PUBLISHED_RUN_COLUMNS) {
    entry[column.name] = hidden && column.publish === 'public' ? emptyValue(column) : run[column.name as keyof Run];
  }
  entry.wins = wins;
  return entry as unknown as RunEntry;
}
