// Anniversaries of the first run (or of the profile's `running_since`), dated on the anniversary
// day itself.
import type { IsoDate } from '../types.ts';
import { daysBetween } from '../format/dates.ts';
import { lastIndex, type Detector } from './walk.ts';
import { milestone, type NextContext, type NextMilestone } from './next.ts';

/** The same day N years on; 29 February falls on 28 February in other years. */
export function anniversaryOf(first: IsoDate, years: number): IsoDate {
  const year = Number(first.slice(0, 4)) + years;
  let monthDay = first.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (monthDay === '02-29' && !leap) monthDay = '02-28';
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * The day a runner's years count from: the profile's `running_since` when they ran before the
 * journal, else the journal's first run.
 */
export function runningStart(firstRun: IsoDate, runningSince: IsoDate | null | undefined): IsoDate {
  return runningSince != null && runningSince < firstRun ? runningSince : firstRun;
}

export function detectAnniversaries(): Detector {
  let firstId: string | null = null;
  let firstDate: IsoDate = '';
  let years = 1;
  let next: IsoDate = '';
  return (run, walk) => {
    if (firstId === null) {
      firstId = run.id;
      // The anniversaries before the journal's first run are not the journal's to celebrate.
      firstDate = runningStart(run.date, walk.profile.runningSince);
      next = anniversaryOf(firstDate, years);
      while (next < run.date) next = anniversaryOf(firstDate, ++years);
      if (firstDate === run.date) return;
    }
    // The run that reaches past an anniversary makes it exist: a journal that stops earlier has none.
    for (; next <= run.date; next = anniversaryOf(firstDate, ++years)) {
      const day = next;
      walk.emit(run, {
        kind: 'anniversary',
        name: `${years}-year${years === 1 ? '' : 's'}-of-running`,
        title: `${years} year${years === 1 ? '' : 's'} of running`,
        value: years,
        unit: 'years',
        date: day,
        runs: [firstId],
        progression: { series: walk.lifetimeByMonth, upTo: lastIndex(walk.lifetimeByMonth) },
      });
    }
  };
}

/** Within reach: the next anniversary of the running start (runningStart), and the days to it (0 is the day; the label says the years). */
export function anniversaryNext(context: NextContext): NextMilestone[] {
  const first = context.ordered[0];
  const today = context.today;
  if (!first || today === null) return [];
  const start = runningStart(first.date, context.profile.runningSince);
  let years = 1;
  while (anniversaryOf(start, years) <= today) years++;
  const date = anniversaryOf(start, years);
  return [
    milestone({
      kind: 'anniversary',
      label: `${years} year${years === 1 ? '' : 's'} of running`,
      remaining: daysBetween(today, date),
      unit: 'days',
      target: 0,
      date,
    }),
  ];
}
