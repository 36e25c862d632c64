// Writes the synthetic Strava bulk export into a temporary folder (never into data/): the CSV and
// one gzipped GPX per activity, generated one at a time so memory stays flat.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { activityGpx, generateStravaExport, stravaActivitiesCsv, type StravaExport } from './lib/generate-strava-export.ts';

// Fixed, so every run imports the same export; early enough that 3,000 activities (about ten
// years of them) end before today, as a real export does, and none is left out as dated ahead.
export const STRAVA_EXPORT_START = Date.UTC(2014, 0, 1);

export interface WrittenExport {
  /** The folder readImports is pointed at (it holds `strava/activities.csv` and `strava/activities/`). */
  dir: string;
  data: StravaExport;
}

export function writeStravaExport(root: string, activities: number, seed = 6): WrittenExport {
  const data = generateStravaExport({ activities, seed, start: STRAVA_EXPORT_START });
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
