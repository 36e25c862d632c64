// Calendar arithmetic on `YYYY-MM-DD` days. Days are counted in UTC so no timezone or DST
// ever moves a run to another day: the date the runner wrote is the date that counts.
/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

export type WeekStart = 'monday' | 'sunday';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(date: IsoDate): number {
  return Date.UTC(digits(date, 0, 4), digits(date, 5, 2) - 1, digits(date, 8, 2)) / MS_PER_DAY;
}

/** The number `length` digits from `at` spell: read in place (the engine asks once per run). */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The first day of the week holding `date`. */
export function weekStartOf(date: IsoDate, weekStart: WeekStart): IsoDate {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: weekday 0 = Sunday.
  const weekday = (day + 4) % 7;
  const back = weekStart === 'monday' ? (weekday + 6) % 7 : weekday;
  return dateOfDayNumber(day - back);
}

/** `YYYY-MM` of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

// Building an Intl.DateTimeFormat costs far more than using one (a site formats thousands of
// dates): keep one per locale and style.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, style: 'long' | 'medium' | 'short' | 'month' | 'month-short'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? { day: 'numeric', month: 'short' }
        : style === 'month'
          ? { month: 'long', year: 'numeric' }
          : style === 'month-short'
            ? { month: 'short' }
            : { day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric' };
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

// Even a kept formatter costs microseconds a call, and a big site prints the same few thousand
// days tens of thousands of times (every list page, every win page's neighbours).
const formattedDates = new Map<string, string>();

/** `12 March 2025` in the given locale, without any timezone shift. */
export function formatDate(date: IsoDate, locale = 'en', style: 'long' | 'medium' | 'short' = 'long'): string {
  const key = `${date}|${locale}|${style}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = dateFormat(locale, style).format(new Date(dayNumber(date) * MS_PER_DAY));
    formattedDates.set(key, text);
  }
  return text;
}

/** `March 2025`. */
export function formatMonth(month: string, locale = 'en'): string {
  return dateFormat(locale, 'month').format(new Date(`${month}-01T00:00:00Z`));
}

/** `Mar`: a month's short name, for chart axes. */
export function formatMonthShort(month: string, locale = 'en'): string {
  return dateFormat(locale, 'month-short').format(new Date(`${month}-01T00:00:00Z`));
}
