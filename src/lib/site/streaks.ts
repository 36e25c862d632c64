// Streaks as of the journal's today (never the build machine's clock): the consistency family's own.
export { currentDailyStreak, currentWeeklyStreak, longestDailyStreak, longestWeeklyStreak, type Streak } from '../wins/consistency.ts';
