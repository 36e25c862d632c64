// Field parsers shared by CSV rows and front matter. Each takes the text as written and returns
// the value in metres / seconds / °C, or the `expected ...` clause a problem will print.
import type { DistanceUnit, IsoDate } from '../types.ts';
import { METRES_PER_KM, METRES_PER_MILE } from '../format/units.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

/**
 * The first year a journal date may have: earlier ones are typos (`0024` for `2024`), and calendar
 * arithmetic (`Date.UTC` reads years 0–99 as 1900–1999) would turn them into other days.
 */
export const EARLIEST_YEAR = 1900;

/** `YYYY-MM-DD` a year after `date` (a 29 February stays one: it still compares as that day). */
export function aYearAfter(date: IsoDate): IsoDate {
  return `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}${date.slice(4)}`;
}

function tooEarly(year: number): Parsed<never> {
  return fail(`a date in ${EARLIEST_YEAR} or later (the year ${String(year).padStart(4, '0')} looks like a typo)`);
}

export interface DateTime {
  date: IsoDate;
  /** `HH:MM:SS` as written (any offset is ignored: the written clock time is the runner's). */
  startTime: string | null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function parseDateTime(text: string): Parsed<DateTime> {
  const t = text.trim();
  if (t === '') return fail('a date like 2025-03-14');
  const m = DATE_TIME.exec(t);
  if (!m) return fail('a date like 2025-03-14 or 2025-03-14T07:30');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < EARLIEST_YEAR) return tooEarly(year);
  if (month < 1 || month > 12) return fail('a real calendar date (months run 01–12)');
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return fail(`a real calendar date (${MONTHS[month - 1]} ${year} has ${last} days)`);
  const date = t.slice(0, 10);
  if (m[4] === undefined) return ok({ date, startTime: null });
  const hh = Number(m[4]);
  const mm = Number(m[5]);
  const ss = Number(m[6] ?? '0');
  if (hh > 23 || mm > 59 || ss > 59) return fail('a real clock time (00:00–23:59)');
  return ok({ date, startTime: `${m[4]}:${m[5]}:${m[6] ?? '00'}` });
}

/** A calendar day only (goals, `start`). */
export function parseDate(text: string): Parsed<IsoDate> {
  const parsed = parseDateTime(text);
  if (!parsed.ok) return parsed;
  if (parsed.value.startTime !== null) return fail('a date like 2025-03-14 (without a time)');
  return ok(parsed.value.date);
}

const DISTANCE_UNITS: Record<string, number> = {
  k: METRES_PER_KM,
  km: METRES_PER_KM,
  kms: METRES_PER_KM,
  kilometer: METRES_PER_KM,
  kilometers: METRES_PER_KM,
  kilometre: METRES_PER_KM,
  kilometres: METRES_PER_KM,
  m: 1,
  meter: 1,
  meters: 1,
  metre: 1,
  metres: 1,
  mi: METRES_PER_MILE,
  mile: METRES_PER_MILE,
  miles: METRES_PER_MILE,
};

const NUMBER_WITH_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([^\d\s].*)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+\s*([^\d\s].*)?$/;

interface Quantity {
  number: number;
  unit: string | null;
}

/** A bare number as most cells hold it (`5`, `10.2`, `-3`): read without the general pattern's captures. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

const DASH = 45;
const DOT = 46;

/** Powers of ten an integer of at most 15 digits is divided by: exact doubles, so the quotient is correctly rounded. */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number a cell holds when it is a bare number (`-?digits[.digits]`), else NaN: most cells,
 * read by their characters. With at most 15 digits the digits are an exact integer and dividing by
 * an exact power of ten rounds once, so the result is the double `Number(text)` gives.
 */
function plainNumber(text: string): number {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === DASH ? 1 : 0;
  if (i === n) return Number.NaN;
  let digits = 0;
  let whole = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT && point === -1 && digits > 0) {
      point = digits;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    whole = whole * 10 + digit;
    digits++;
  }
  if (point === digits) return Number.NaN; // `5.` is not a bare number
  if (digits > 15) return Number(text); // a bare number still, but its digits may not be exact
  const value = point === -1 ? whole : whole / POWERS_OF_TEN[digits - point]!;
  return text.charCodeAt(0) === DASH ? -value : value;
}

function splitQuantity(text: string): Quantity | 'decimal-comma' | null {
  const t = text.trim();
  if (PLAIN_NUMBER.test(t)) return { number: Number(t), unit: null };
  if (DECIMAL_COMMA.test(t)) return 'decimal-comma';
  const m = NUMBER_WITH_UNIT.exec(t);
  if (!m) return null;
  return { number: Number(m[1]), unit: m[2] === undefined ? null : m[2].trim().toLowerCase() };
}

function decimalPointHint(text: string): string {
  return `a decimal point, not a comma (like "${text.trim().replace(',', '.')}")`;
}

/** Metres, > 0: a number in the profile's unit, or `5k`, `5 km`, `3.1 mi`, `800 m`, `10mi`, `26.2 miles`. */
export function parseDistance(text: string, defaultUnit: DistanceUnit = 'km'): Parsed<number> {
  const plain = plainNumber(text);
  if (plain > 0) return ok(plain * (defaultUnit === 'mi' ? METRES_PER_MILE : METRES_PER_KM));
  const q = splitQuantity(text);
  if (q === 'decimal-comma') return fail(decimalPointHint(text));
  if (q === null) return fail(`a distance like 5, 5k, 3.1 mi or 800 m (a bare number is ${defaultUnit})`);
  const perUnit = q.unit === null ? (defaultUnit === 'mi' ? METRES_PER_MILE : METRES_PER_KM) : DISTANCE_UNITS[q.unit];
  if (perUnit === undefined) return fail('a distance unit: km, k, m, mi or miles');
  if (!(q.number > 0)) return fail('a distance greater than 0');
  return ok(q.number * perUnit);
}

const DURATION = /^(\d+):(\d{1,2}(?:\.\d+)?)(?::(\d{1,2}(?:\.\d+)?))?$/;

/** Seconds, > 0: `h:mm:ss`, `mm:ss` or `m:ss`. */
export function parseDuration(text: string): Parsed<number> {
  const m = DURATION.exec(text.trim());
  const expected = 'a time like 25:30 (m:ss) or 1:02:03 (h:mm:ss)';
  if (!m) return fail(expected);
  const parts = m[3] === undefined ? [0, Number(m[1]), Number(m[2])] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h = 0, min = 0, s = 0] = parts;
  // Only the leading figure may exceed 59 (`75:00` is 75 minutes); the rest are clock digits.
  if ((m[3] !== undefined && (min > 59 || !Number.isInteger(min))) || s >= 60) return fail(expected);
  const seconds = h * 3600 + min * 60 + s;
  if (seconds <= 0) return fail('a time greater than 0:00');
  return ok(seconds);
}

const TRUE = new Set(['yes', 'true', '1', 'y']);
const FALSE = new Set(['no', 'false', '0', 'n']);

/** yes/no/true/false/1/0. */
export function parseBoolean(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail('yes or no');
}

/** 1 (awful) – 5 (great), whole numbers. */
export function parseFeeling(text: string): Parsed<number> {
  const t = text.trim();
  if (/^[1-5]$/.test(t)) return ok(Number(t));
  return fail('a feeling from 1 (awful) to 5 (great)');
}

/** °C: a number, or with `C` / `F` (`°` optional). */
export function parseTemperature(text: string): Parsed<number> {
  const plain = plainNumber(text);
  if (!Number.isNaN(plain)) return ok(plain);
  const q = splitQuantity(text);
  if (q === 'decimal-comma') return fail(decimalPointHint(text));
  if (q === null) return fail('a temperature like 18, 18 C or 64 F');
  const unit = q.unit?.replace(/^[°º]\s*/, '') ?? 'c';
  if (unit === 'c') return ok(q.number);
  if (unit === 'f') return ok(((q.number - 32) * 5) / 9);
  return fail('a temperature unit: C or F');
}

const ELEVATION_UNITS: Record<string, number> = { m: 1, meter: 1, meters: 1, metre: 1, metres: 1, ft: 0.3048, feet: 0.3048, foot: 0.3048 };

/** Metres of climbing, ≥ 0: a number (metres) or with `m` / `ft`. */
export function parseElevation(text: string): Parsed<number> {
  const plain = plainNumber(text);
  if (plain >= 0) return ok(plain);
  const q = splitQuantity(text);
  if (q === 'decimal-comma') return fail(decimalPointHint(text));
  if (q === null) return fail('a climb like 120, 120 m or 400 ft');
  const perUnit = q.unit === null ? 1 : ELEVATION_UNITS[q.unit];
  if (perUnit === undefined) return fail('an elevation unit: m or ft');
  if (q.number < 0) return fail('a climb of 0 or more');
  return ok(q.number * perUnit);
}

/** `a; b;c` → `['a', 'b', 'c']`. */
export function parseTags(text: string): string[] {
  // Most tagged runs carry one tag: an exact one-element array, no split into intermediates.
  if (!text.includes(';')) {
    const tag = text.trim();
    return tag === '' ? [] : [tag];
  }
  return text
    .split(';')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
