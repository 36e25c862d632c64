// ISO weeks (`2025-W44`, weeks start on Monday): the weekly recaps' pages and the runner's
// reflection files are named by them.
import { dayNumber, dateOfDayNumber, type IsoDate } from './dates.ts';

/** `2025-W44`: the ISO week-numbering year and week (weeks start on Monday). */
export type IsoWeek = string;

/** Four-digit year, a capital W and a two-digit week: the only spelling of a week name. */
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week holding `date`: the week's Thursday decides its year. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday; ISO weekday 1 = Monday … 7 = Sunday.
  const isoWeekday = ((day + 3) % 7 + 7) % 7 + 1;
  const thursday = day + 4 - isoWeekday;
  const year = Number(dateOfDayNumber(thursday).slice(0, 4));
  const firstThursdayOfYear = thursday - (dayNumber(`${year}-01-01`) - 1);
  const week = Math.floor((firstThursdayOfYear - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week, or null when `week` is not a real `YYYY-Www` week. */
export function mondayOfIsoWeek(week: string): IsoDate | null {
  const match = ISO_WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = dayNumber(`${year}-01-04`);
  const mondayOfWeek1 = jan4 - (((jan4 + 3) % 7 + 7) % 7);
  const monday = dateOfDayNumber(mondayOfWeek1 + (number - 1) * 7);
  return number >= 1 && isoWeekOf(monday) === week ? monday : null;
}

/** How many ISO weeks `year` has (52 or 53): 28 December is always in the year's last week. */
export function isoWeeksInYear(year: number): number {
  return Number(isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).slice(6));
}
