// PLACEHOLDER (being replaced by the imports work): finds Strava exports, Garmin CSVs and
// GPX/TCX/FIT files under the journal folder and turns them into run drafts.
import type { Problem, Profile, RunDraft } from '../../types.ts';

export interface ImportResult {
  runs: RunDraft[];
  problems: Problem[];
  /** Non-running activities skipped, by sport. */
  skipped: Record<string, number>;
}

/**
 * `dir` is the journal folder; `displayDir` is how problems name it (e.g. `data`).
 * `handledCsv` lists CSV paths (absolute) the hand-written reader already took, so they are not read twice.
 */
export async function readImports(_dir: string, _displayDir: string, _profile: Profile): Promise<ImportResult> {
  return { runs: [], problems: [], skipped: {} };
}

/** True when a CSV header is one an importer reads (Strava activities.csv, Garmin Connect export). */
export function isImportCsvHeader(_header: string[]): boolean {
  return false;
}
