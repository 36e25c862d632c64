// Distance per week and month, zero-filled so gaps (an injury, a holiday) show as gaps: the volume
// family's own totals.
export { cumulativeDistance, monthlyTotals, weeklyTotals, type CumulativePoint, type PeriodTotal, type RunLike } from '../wins/volume.ts';
