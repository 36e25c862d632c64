// PLACEHOLDER (being replaced by the imports work): merges imported runs into hand-written ones.
import type { RunDraft } from '../../types.ts';

export interface MergeResult {
  runs: RunDraft[];
  /** How many imported runs were merged into a hand-written run. */
  merged: number;
}

export function mergeRuns(handWritten: RunDraft[], imported: RunDraft[]): MergeResult {
  return { runs: [...handWritten, ...imported], merged: 0 };
}
