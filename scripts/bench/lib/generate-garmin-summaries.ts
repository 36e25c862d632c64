// The activity summaries of a synthetic Garmin "Export Your Data" ZIP
// (`DI_CONNECT/DI-Connect-Fitness/<user>_0_summarizedActivities.json`), in Garmin's layout: a list
// under `summarizedActivitiesExport`, times in epoch milliseconds, distance and elevation in
// centimetres, durations in milliseconds. Seeded, so the same export every time.
import { createRandom } from './random.ts';

/** What the generator needs of an activity a FIT file in the export recorded. */
export interface RecordedActivity {
  /** Session start, epoch ms UTC. */
  start: number;
  sport: string | null;
  distance: number | null;
  time: number | null;
  ascent: number | null;
}

export interface SummariesOptions {
  /** Runs with a summary and no FIT file (treadmill runs). */
  treadmillRuns: number;
  /** Other activities with a summary and no FIT file (strength training). */
  others: number;
  seed: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Garmin's type key of a FIT sport: `running` → `running`, `cycling` → `cycling`. */
function typeKey(sport: string | null): string {
  return sport === null ? 'running' : sport.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

export function garminSummariesJson(recorded: readonly RecordedActivity[], options: SummariesOptions): string {
  const random = createRandom(options.seed);
  const activities: Array<Record<string, unknown>> = [];
  let id = 9_000_000_000;
  // Each summary is written with the watch an hour ahead of UTC (startTimeLocal).
  const timing = (start: number) => ({ beginTimestamp: start, startTimeGmt: start, startTimeLocal: start + HOUR });
  recorded.forEach((activity, i) => {
    const type = typeKey(activity.sport);
    activities.push({
      activityId: id++,
      name: type === 'running' ? `Morning Run ${i + 1}` : `Ride ${i + 1}`,
      activityType: type,
      sportType: type.toUpperCase(),
      ...timing(activity.start),
      distance: activity.distance === null ? null : activity.distance * 100,
      duration: activity.time === null ? null : activity.time * 1000,
      elevationGain: activity.ascent === null ? null : activity.ascent * 100,
    });
  });
  const first = Date.UTC(2024, 0, 1, 6);
  for (let i = 0; i < options.treadmillRuns; i++) {
    const metres = Math.round(random.between(4000, 12000));
    activities.push({
      activityId: id++,
      name: `Treadmill ${i + 1}`,
      activityType: 'treadmill_running',
      sportType: 'RUNNING',
      ...timing(first + i * DAY),
      distance: metres * 100,
      duration: Math.round(metres * random.between(0.28, 0.36)) * 1000,
      elevationGain: 0,
    });
  }
  for (let i = 0; i < options.others; i++) {
    activities.push({
      activityId: id++,
      name: 'Strength',
      activityType: 'strength_training',
      sportType: 'TRAINING',
      ...timing(first + i * DAY + 12 * HOUR),
      duration: 2_400_000,
    });
  }
  return JSON.stringify([{ summarizedActivitiesExport: activities }]);
}
