// Text a page prints, with what reads as one thing held on one line: a number and its unit
// ("16.2 km", "6 days"), a rating ("2 of 5"), a date ("Jun 2, 2025", "2 June 2025"). A narrow
// screen otherwise breaks "after 16.2 / km" and "Feb 10, / 2024". The formatters keep plain spaces
// (their output is compared and parsed elsewhere): only the words a page shows go through here.

import { keepFiguresWithUnits } from '../format/figures-with-units.ts';

const NBSP = '\u00A0';

// "2 of 5", a feeling out of five.
const RATING = /(\d) of (?=\d)/gu;
// "Jun 2, 2025", "June 2, 2025" (month first) and "2 June 2025", "2. Juni 2025" (day first).
const MONTH_FIRST = /(\p{L}{3,}\.?) (\d{1,2}), (?=\d{4}(?!\d))/gu;
const DAY_FIRST = /(?<![\p{N}.,])(\d{1,2}\.?) (\p{L}{3,}\.?) (?=\d{4}(?!\d))/gu;
// A negative figure ("-9 °C") with a minus sign, as the rest of the site writes one.
const HYPHEN_MINUS = /(^|[\s(])-(?=\d)/gu;

/** `text` with no-break spaces inside each figure, rating and date, and a minus sign for a negative number. */
export function keepTogether(text: string): string {
  return keepFiguresWithUnits(text)
    .replace(RATING, `$1${NBSP}of${NBSP}`)
    .replace(MONTH_FIRST, `$1${NBSP}$2,${NBSP}`)
    .replace(DAY_FIRST, `$1${NBSP}$2${NBSP}`)
    .replace(HYPHEN_MINUS, '$1\u2212');
}
