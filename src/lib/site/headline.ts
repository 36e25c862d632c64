// The home page's headline numbers, as of the journal's today.
import type { IsoDate, WeekStart } from '../types.ts';
import { currentDailyStreak, currentWeeklyStreak, type Streak } from '../wins/consistency.ts';
import type { RunLike } from '../wins/volume.ts';

export interface Headline {
  runs: number;
  /** Metres. */
  distance: number;
  /** Seconds of running (runs without a time add nothing). */
  time: number;
  dailyStreak: Streak;
  weeklyStreak: Streak;
  wins: number;
  today: IsoDate | null;
}

export function headlineNumbers(
  runs: readonly RunLike[],
  winCount: number,
  today: IsoDate | null,
  weekStart: WeekStart,
): Headline {
  const dates = runs.map((run) => run.date);
  const none: Streak = { length: 0, from: null, to: null };
  return {
    runs: runs.length,
    distance: runs.reduce((sum, run) => sum + run.distance, 0),
    time: runs.reduce((sum, run) => sum + (run.time ?? 0), 0),
    dailyStreak: today ? currentDailyStreak(dates, today) : none,
    weeklyStreak: today ? currentWeeklyStreak(dates, today, weekStart) : none,
    wins: winCount,
    today,
  };
}
