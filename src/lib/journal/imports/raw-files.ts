// Raw exports, GPS files and export archives inside the journal folder still build, but a public
// repository publishes them whole: the tracks start and end at the runner's door, and a Strava
// export holds private notes. One warning per top-level folder (or file) names it and the command that
// replaces it with what is safe to publish.
import type { Problem } from '../../types.ts';

export interface RawFileCounts {
  /** GPX/TCX/FIT files (also gzipped). */
  tracks: number;
  /** Strava `activities.csv` files (they carry the "Activity Private Note" column). */
  stravaExports: number;
  /** Garmin Connect activity CSVs. */
  garminCsvs: number;
  /** ZIP archives (an export as downloaded): never opened here, published whole with all they hold. */
  archives: number;
  /** Apple Health `export.xml` files: every health record the phone kept, not only workouts. */
  healthExports: number;
}

const MARK = 'raw export files in the journal folder';

/** The warning `check` and the build print once for a folder of raw files; `shownPath` as problems name it. */
export function rawFilesWarning(shownPath: string, counts: RawFileCounts): Problem {
  const exposed: string[] = [];
  if (counts.tracks > 0) exposed.push(`${counts.tracks} raw GPS track${counts.tracks === 1 ? '' : 's'} (each starting and ending where you do, usually home)`);
  if (counts.stravaExports > 0) exposed.push("Strava's private notes and every activity of the export");
  if (counts.garminCsvs > 0) exposed.push('every activity of the Garmin export, not only runs');
  if (counts.healthExports > 0) exposed.push('every health record of the Apple Health export (heart rate, weight, sleep...), not only runs');
  if (counts.archives > 0) {
    const one = counts.archives === 1;
    exposed.push(`${one ? 'a ZIP archive' : `${counts.archives} ZIP archives`} whole, with every file in ${one ? 'it' : 'them'} (an export's raw GPS tracks and private notes too)`);
  }
  return {
    severity: 'warning',
    path: shownPath,
    line: null,
    field: null,
    value: null,
    message: `${MARK}: a public repository publishes ${exposed.join(', and ')}; replace them with trimmed, publishable files: npm run import -- ${shownPath}, then delete ${shownPath}`,
  };
}

export function isRawFilesWarning(problem: Problem): boolean {
  return problem.severity === 'warning' && problem.message.startsWith(MARK);
}

/** Counts per top-level entry of the journal folder (`strava`, `tracks`, `garmin.csv`). */
export class RawFileTally {
  private readonly byTop = new Map<string, RawFileCounts>();
  add(top: string, kind: keyof RawFileCounts): void {
    const counts = this.byTop.get(top) ?? { tracks: 0, stravaExports: 0, garminCsvs: 0, archives: 0, healthExports: 0 };
    counts[kind]++;
    this.byTop.set(top, counts);
  }
  warnings(shown: (top: string) => string): Problem[] {
    return [...this.byTop].sort(([a], [b]) => (a < b ? -1 : 1)).map(([top, counts]) => rawFilesWarning(shown(top), counts));
  }
}
