// A year in review as share images: story slides (1080×1920) and a link card (1200×630), each
// said as a card input so they are drawn, cached and pooled exactly like win cards. Pure: no I/O.
import { formatDate, formatMonth } from '../format/dates.ts';
import { formatCount, formatDistance, toUnit } from '../format/units.ts';
import { yearReviews, type YearReview, type YearWin } from '../site/year-review.ts';
import type { Goal, IsoDate, Journal, Profile, Win, WinUnit } from '../types.ts';
import { formatWinFigure } from '../wins/figure.ts';
import { KIND_INFO } from '../wins/kinds.ts';
import { siteAddress, type CardInput } from './card-input.ts';
import { cardFileName } from './formats.ts';
import type { CardJob } from './render-all.ts';

export type YearSlide = 'number' | 'wins' | 'months' | 'bests' | 'moment' | 'next';

export const SLIDE_LABEL: Record<YearSlide, string> = {
  number: 'the year in one number',
  wins: 'the wins that mattered',
  months: 'month by month',
  bests: 'personal bests and new distances',
  moment: 'the biggest moment',
  next: "what's next",
};

/** `slide-1-number.png`: numbered so a phone lists them in story order. */
export function slideFileName(slide: YearSlide, slides: readonly YearSlide[]): string {
  return `slide-${slides.indexOf(slide) + 1}-${slide}.png`;
}

/** The slides a year has, in story order: five when it had no headline wins or bests, else six. */
export function yearSlides(review: YearReview): YearSlide[] {
  const slides: YearSlide[] = ['number'];
  if (review.headline.length > 0) slides.push('wins');
  slides.push('months');
  if (review.bests.length + review.newDistances.length > 0) slides.push('bests');
  slides.push('moment', 'next');
  return slides;
}

/** What the year is remembered by: a goal reached, else a race, a new distance, a best, the biggest headline win. */
const MOMENT_ORDER = ['goal-achieved', 'race', 'comeback', 'distance-first', 'personal-best', 'barrier'];

export function biggestMoment(review: YearReview): YearWin | null {
  for (const kind of MOMENT_ORDER) {
    const wins = review.wins.filter((win) => win.kind === kind);
    if (wins.length > 0) return wins.at(-1) as YearWin;
  }
  return review.headline.at(-1) ?? review.wins.at(-1) ?? null;
}

interface SlideContext {
  profile: Profile;
  goals: readonly Goal[];
  today: IsoDate | null;
  /** The build's public address with its base path, when it has one (as on win cards). */
  site?: string | null;
}

function plural(count: number, noun: string, locale: string): string {
  return `${formatCount(count, locale)} ${noun}${count === 1 ? '' : 's'}`;
}

function list(titles: readonly string[], max = 3): string {
  const shown = titles.slice(0, max).join(' · ');
  return titles.length > max ? `${shown} + ${titles.length - max} more` : shown;
}

export function yearSlideInput(slide: YearSlide, review: YearReview, context: SlideContext): CardInput {
  const { profile } = context;
  const { units, locale } = profile;
  const km = (metres: number) => formatDistance(metres, units, { locale, decimals: 0 });
  const year = review.soFar ? `${review.year} so far` : review.year;
  // The year stands where a win card shows its date, so the kicker stays short enough to read whole.
  const base = { name: profile.name, site: siteAddress(context.site ?? profile.site), date: year, spark: null, route: null, share: null };
  const t = review.totals;
  switch (slide) {
    case 'number':
      return {
        ...base,
        theme: 'site',
        kicker: 'My year in running',
        headline: `${formatCount(t.runs, locale)} runs on ${formatCount(t.daysRun, locale)} days`,
        figure: km(t.distance),
        detail: [
          review.previous ? `${review.previous.distance >= 0 ? '+' : '−'}${km(Math.abs(review.previous.distance))} on ${review.previous.year}` : null,
          `${formatCount(review.wins.length, locale)} small wins`,
        ]
          .filter((part) => part !== null)
          .join(' · '),
      };
    case 'wins':
      return {
        ...base,
        theme: 'race',
        kicker: 'The wins that mattered',
        headline: list(review.headline.map((win) => win.title)),
        figure: formatCount(review.headline.length, locale),
        detail: `of ${formatCount(review.wins.length, locale)} small wins`,
      };
    case 'months': {
      const biggest = review.biggestMonth;
      const values = review.months.map((month) => Math.round(toUnit(month.distance, units) * 10) / 10);
      return {
        ...base,
        theme: 'volume',
        kicker: 'Month by month',
        headline: biggest ? `Biggest month: ${formatMonth(biggest.period, locale)}` : 'Month by month',
        figure: biggest ? km(biggest.distance) : null,
        detail: plural(review.months.filter((m) => m.runs > 0).length, 'month', locale) + ' with runs',
        spark:
          values.length >= 2
            ? { values, highlight: biggest ? review.months.indexOf(biggest) : values.length - 1, lowerIsBetter: false, label: 'Distance per month' }
            : null,
      };
    }
    case 'bests': {
      const titles = [...review.bests.map((b) => b.win.title), ...review.newDistances.map((win) => win.title)];
      return {
        ...base,
        theme: 'speed',
        kicker: review.bests.length > 0 ? 'Personal bests' : 'New distances',
        headline: list(titles),
        figure: formatCount(titles.length, locale),
        detail: [
          review.bests.length > 0 ? plural(review.bests.length, 'personal best', locale) : null,
          review.newDistances.length > 0 ? plural(review.newDistances.length, 'new distance', locale) : null,
        ]
          .filter((part) => part !== null)
          .join(' · '),
      };
    }
    case 'moment': {
      const win = biggestMoment(review);
      return {
        ...base,
        theme: win ? KIND_INFO[win.kind].family : 'site',
        kicker: 'The biggest moment',
        headline: win?.title ?? 'Every run counted',
        figure: win ? formatWinFigure({ value: win.value, unit: win.unit as WinUnit }, units, locale) : null,
        date: win ? formatDate(win.date, locale, 'medium') : year,
        detail: null,
      };
    }
    case 'next': {
      const after = review.soFar ?? `${review.year}-12-31`;
      const goal = context.goals.filter((g) => g.date > after).sort((a, b) => a.date.localeCompare(b.date))[0];
      return {
        ...base,
        theme: 'goal',
        kicker: "What's next",
        headline: goal ? goal.title : `Another year of small wins`,
        figure: goal ? formatDistance(goal.distance, units, { locale }) : String(Number(review.year) + 1),
        date: goal ? formatDate(goal.date, locale, 'medium') : null,
        detail: goal ? 'The next goal' : 'One run at a time',
      };
    }
  }
}

/** Every year's slides and link card, beside its page at `years/<year>/`. */
export function yearCardJobs(journal: Journal, wins: readonly Win[], options: { site?: string | null } = {}): CardJob[] {
  const context: SlideContext = { profile: journal.profile, goals: journal.goals, today: journal.today, site: options.site ?? null };
  const jobs: CardJob[] = [];
  for (const review of yearReviews(journal.runs, wins, journal.today, journal.profile.weekStart)) {
    const slides = yearSlides(review);
    for (const slide of slides) {
      jobs.push({ input: yearSlideInput(slide, review, context), format: '1080x1920', path: `years/${review.year}/${slideFileName(slide, slides)}` });
    }
    jobs.push({ input: yearSlideInput('number', review, context), format: '1200x630', path: `years/${review.year}/${cardFileName('1200x630')}` });
  }
  return jobs;
}

