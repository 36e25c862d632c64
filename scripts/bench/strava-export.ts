// Writes the synthetic Strava bulk export into a temporary folder (never into data/): the CSV and
// one gzipped GPX per activity, generated one at a time so memory stays flat.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { activityGpx, generateStravaExport, stravaActivitiesCsv, type StravaExport } from './lib/generate-strava-export.ts';

// 2020-01-01: fixed, so every run imports the same export.
const START = Date.UTC(2020, 0, 1);

export interface WrittenExport {
  /** The folder readImports is pointed at (it holds `strava/activities.csv` and `strava/activities/`). */
  dir: string;
  data: StravaExport;
}

export function writeStravaExport(root: string, activities: number, seed = 6): WrittenExport {
  const data = generateStravaExport({ activities, seed, start: START });
  const dir = join(root, 'imports', String(activities));
  rmSync(dir, { recursive: true, force: true });
  const exportDir = join(dir, 'strava');
  mkdirSync(join(exportDir, 'activities'), { recursive: true });
  writeFileSync(join(exportDir, 'activities.csv'), stravaActivitiesCsv(data, { gzipped: true }));
  for (const activity of data.activities) {
    writeFileSync(join(exportDir, `${activity.file}.gz`), gzipSync(activityGpx(activity), { level: 6 }));
  }
  return { dir, data };
}
