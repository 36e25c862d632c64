// Strava bulk export `activities.csv`. Column names repeat: the first block is in the account's
// display units and locale (km or mi, maybe a decimal comma), the later block in seconds, metres
// and m/s. Columns are found by name and occurrence in English exports, by position otherwise.
import type { Month } from 'date-fns';
import { de, enGB, es, fr, it, nl, pt } from 'date-fns/locale';
import type { Problem, Profile, RunDraft } from '../../types.ts';
import { formatDistance, metresPerUnit } from '../../format/units.ts';
import { problem } from '../problems.ts';
import type { ActivitySummary } from './activity.ts';
import { localDateTime, TRACK_DISTANCE_TOLERANCE } from './activity.ts';
import { emptyRunDraft } from '../../model/run-columns.ts';
import { plausibleEfforts } from './best-efforts.ts';
import type { CsvRecord } from './csv-records.ts';
import { parseDuration, parseLocaleNumber } from './numbers.ts';

export interface StravaColumns {
  id: number;
  date: number;
  name: number;
  type: number;
  description: number;
  /** First block: display units. */
  displayElapsed: number;
  displayDistance: number;
  privateNote: number;
  filename: number;
  /** Later block: SI units. -1 when the export is old enough not to have it. */
  elapsed: number;
  moving: number;
  distance: number;
  elevationGain: number;
  temperature: number;
}

/** English positions, also used for translated headers (same layout, other words). */
const POSITIONS: StravaColumns = {
  id: 0, date: 1, name: 2, type: 3, description: 4, displayElapsed: 5, displayDistance: 6, privateNote: 10,
  filename: 12, elapsed: 15, moving: 16, distance: 17, elevationGain: 20, temperature: 36,
};

/** Strava's run types, in English and as its translated exports name them. */
const VIRTUAL_TYPES = new Set(['Virtual Run', 'Virtueller Lauf', 'Course virtuelle', 'Carrera virtual', 'Corsa virtuale', 'Virtuele hardloopsessie', 'Virtueel hardlopen', 'Corrida virtual']);
const RUN_TYPES = new Set([
  ...VIRTUAL_TYPES,
  'Run', 'Trail Run',
  'Lauf', 'Trailrun', 'Traillauf',
  'Course à pied', 'Course à pied sur sentier', 'Trail',
  'Carrera', 'Carrera por montaña', 'Trail running',
  'Corsa', 'Corsa in montagna', 'Trail Running',
  'Hardlopen', 'Trailrunning',
  'Corrida', 'Corrida em trilha', 'Corrida de trilha',
]);

function nth(header: readonly string[], name: string, occurrence: number): number {
  let seen = 0;
  for (let i = 0; i < header.length; i++) {
    if (header[i] === name && seen++ === occurrence) return i;
  }
  return -1;
}

/** The English layout: found by its first columns' names. */
function isEnglishStrava(header: readonly string[]): boolean {
  return header[0] === 'Activity ID' && header.includes('Activity Date');
}

/** A translated export keeps the layout, so its repeated names sit at the English positions. */
function isTranslatedStrava(header: readonly string[]): boolean {
  return header.length > 17 && header[5] === header[15] && header[6] === header[17] && header[5] !== header[6];
}

/**
 * Column positions for a Strava header, or the name of the column that could not be found
 * (a string) when the header is English but incomplete, or null when it is no Strava header.
 */
export function stravaColumns(header: readonly string[]): StravaColumns | string | null {
  if (isEnglishStrava(header)) {
    const columns: StravaColumns = {
      id: nth(header, 'Activity ID', 0),
      date: nth(header, 'Activity Date', 0),
      name: nth(header, 'Activity Name', 0),
      type: nth(header, 'Activity Type', 0),
      description: nth(header, 'Activity Description', 0),
      displayElapsed: nth(header, 'Elapsed Time', 0),
      displayDistance: nth(header, 'Distance', 0),
      privateNote: nth(header, 'Activity Private Note', 0),
      filename: nth(header, 'Filename', 0),
      elapsed: nth(header, 'Elapsed Time', 1),
      moving: nth(header, 'Moving Time', 0),
      distance: nth(header, 'Distance', 1),
      elevationGain: nth(header, 'Elevation Gain', 0),
      temperature: nth(header, 'Average Temperature', 0),
    };
    if (columns.type < 0) return 'Activity Type';
    if (columns.displayDistance < 0) return 'Distance';
    return columns;
  }
  if (isTranslatedStrava(header)) {
    const entries = Object.entries(POSITIONS).map(([key, index]) => [key, index < header.length ? index : -1]);
    return Object.fromEntries(entries) as StravaColumns;
  }
  return null;
}

/** The languages whose exports this version reads: their run types and dates. */
export const KNOWN_LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Italian', 'Dutch', 'Portuguese'] as const;

/**
 * What a translated header's words or script give away of its language, first match wins. English
 * is not among them: translated exports leave some columns in English.
 */
const LANGUAGE_MARKS: ReadonlyArray<[string, RegExp]> = [
  ['German', /aktivität|verstrichene|dateiname/],
  ['French', /activité|temps écoulé|nom du fichier/],
  ['Spanish', /actividad|tiempo transcurrido|nombre del archivo/],
  ['Italian', /attività|tempo trascorso/],
  ['Dutch', /activiteit|verstreken tijd/],
  ['Portuguese', /atividade|tempo decorrido|distância/],
  ['Polish', /aktywno|dystans|czas/],
  ['Czech', /aktivit[ay]|vzdálenost|čas/],
  ['Swedish', /aktivitet.*sträcka|sträcka|förfluten/],
  ['Norwegian', /aktivitet.*distanse|distanse|medgått/],
  ['Danish', /aktivitet/],
  ['Turkish', /aktivite|mesafe|süre/],
  ['Indonesian', /aktivitas|jarak|waktu/],
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean', /\p{Script=Hangul}/u],
  ['Chinese', /\p{Script=Han}/u],
  ['Russian', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** The language a translated Strava header looks like, by its words or its script; null when it gives nothing away. */
export function headerLanguage(header: readonly string[]): string | null {
  const text = header.join(' ').toLowerCase();
  return LANGUAGE_MARKS.find(([, mark]) => mark.test(text))?.[0] ?? null;
}

/**
 * Why a translated export cannot be read, or null: in a language this version does not know, and
 * with no row of a run type it knows, it would import no run at all without a word. A stop naming
 * the file, the header and the language it looks like instead of a silent zero.
 */
export function unknownLanguageProblem(header: readonly string[], records: readonly CsvRecord[], path: string): Problem | null {
  if (isEnglishStrava(header) || !isTranslatedStrava(header)) return null;
  const language = headerLanguage(header);
  if (language !== null && (KNOWN_LANGUAGES as readonly string[]).includes(language)) return null;
  if (records.some((record) => isStravaRun(cell(record, POSITIONS.type)))) return null;
  const looks = language === null ? 'a language it cannot tell' : language;
  const names = header.slice(0, 4).join(', ');
  return problem(
    'error',
    { path, line: 1 },
    'header',
    header.join(','),
    `a Strava export in ${KNOWN_LANGUAGES.slice(0, -1).join(', ')} or ${KNOWN_LANGUAGES.at(-1)}: this header ("${names}, …") looks like ${looks}, whose run types this version does not know, so not one run could be told from the other activities; nothing was imported from this file (set Strava's language to English under Settings › Display preferences, and export again)`,
  );
}

/** Epoch ms of a UTC date and time; unlike Date.UTC, years 0–99 stay themselves (not 1900–1999). */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * Month names as Strava's languages write them (`Dec`, `déc.`, `dic`, `Dez`, `mrt.`...), from
 * date-fns's locales: lower case, without the dot, to their month (0-11).
 */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const names = new Map<string, number>();
  for (const locale of [enGB, de, fr, es, it, nl, pt]) {
    for (let month = 0; month < 12; month++) {
      for (const width of ['abbreviated', 'wide'] as const) {
        names.set(monthKey(locale.localize.month(month as Month, { width })), month);
      }
    }
  }
  return names;
})();

function monthKey(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** `Sept` and other English spellings longer than the abbreviation are known by their first three letters. */
function monthOf(name: string): number | null {
  const key = monthKey(name);
  return MONTHS.get(key) ?? MONTHS.get(key.slice(0, 3)) ?? null;
}

function clockHour(hours: string, meridiemCell: string | undefined): number {
  let hour = Number(hours);
  const meridiem = meridiemCell?.toLowerCase();
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  return hour;
}

const CLOCK = String.raw`,? (\d{1,2}):(\d{2}):(\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?$`;
/** American: `Dec 24, 2020, 8:13:59 AM`. */
const MONTH_FIRST = new RegExp(String.raw`^(\p{L}+)\.? (\d{1,2}), (\d{4})` + CLOCK, 'u');
/** British and most other languages: `24 Dec 2020, 08:13:59`, `9 déc. 2022, 15:24:49`, `9 de dez. de 2022, ...`. */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\.? (?:de )?(\p{L}+\.?)(?: de)? (\d{4})` + CLOCK, 'u');
/** German and others with numeric dates: `09.12.2022, 15:24:49`. */
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})` + CLOCK);

/**
 * Strava's `Activity Date` (UTC) in the account's language: `Feb 17, 2022, 12:18:26 PM`,
 * `17 Feb 2022, 12:18:26`, `17.02.2022, 12:18:26`, `17 févr. 2022, 12:18:26`, or ISO.
 */
export function parseStravaDate(cell: string): number | null {
  const value = cell.trim().replace(/\s+/gu, ' ');
  const monthFirst = MONTH_FIRST.exec(value);
  const dayFirst = DAY_FIRST.exec(value);
  const named = monthFirst
    ? { month: monthFirst[1]!, day: monthFirst[2]!, rest: monthFirst.slice(3) }
    : dayFirst
      ? { month: dayFirst[2]!, day: dayFirst[1]!, rest: dayFirst.slice(3) }
      : null;
  if (named) {
    const month = monthOf(named.month);
    if (month === null) return null;
    const [year, hours, minutes, seconds, meridiem] = named.rest;
    return utcMs(Number(year), month, Number(named.day), clockHour(hours!, meridiem), Number(minutes), Number(seconds));
  }
  const dotted = DOTTED.exec(value);
  if (dotted) {
    const [, day, month, year, hours, minutes, seconds, meridiem] = dotted;
    if (Number(month) < 1 || Number(month) > 12) return null;
    return utcMs(Number(year), Number(month) - 1, Number(day), clockHour(hours!, meridiem), Number(minutes), Number(seconds));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})Z?$/.exec(value);
  if (iso) return utcMs(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6]));
  return null;
}

export interface StravaRow {
  record: CsvRecord;
  /** The GPS file this row points to (relative to the export folder), or null (manual entry). */
  filename: string | null;
}

export type StravaRowResult =
  | { kind: 'run'; draft: RunDraft; warnings: Problem[] }
  | { kind: 'skipped'; sport: string }
  | { kind: 'problem'; problem: Problem };

function cell(record: CsvRecord, index: number): string {
  return index >= 0 ? (record.cells[index] ?? '').trim() : '';
}

export function stravaFilename(record: CsvRecord, columns: StravaColumns): string | null {
  return cell(record, columns.filename) || null;
}

export function stravaSport(record: CsvRecord, columns: StravaColumns): string {
  return cell(record, columns.type);
}

export function isStravaRun(sport: string): boolean {
  return RUN_TYPES.has(sport);
}

/**
 * One activities.csv row as a run. `gps` is the summary of the GPS file the row points to, when it
 * was read: it supplies the local offset, efforts and track, and fills values the row lacks.
 * `fileMissing` is true when the row names a file the export does not hold. The warnings are the
 * build's and `import`'s alike: both read a row here, so both say the same of it.
 */
export function stravaRowToDraft(
  record: CsvRecord,
  columns: StravaColumns,
  path: string,
  profile: Profile,
  gps: ActivitySummary | null,
  fileMissing = false,
): StravaRowResult {
  const rowError = (field: string, value: string, message: string): StravaRowResult => ({
    kind: 'problem',
    problem: { severity: 'error', path, line: record.line, field, value, message },
  });
  const sport = stravaSport(record, columns);
  if (!isStravaRun(sport)) return { kind: 'skipped', sport: sport || 'Unknown' };

  const dateCell = cell(record, columns.date);
  const start = parseStravaDate(dateCell);
  if (start === null) return rowError('Activity Date', dateCell, `got "${dateCell}", expected a date like "Feb 17, 2022, 12:18:26 PM" or "17 Feb 2022, 12:18:26"`);

  const si = parseLocaleNumber(cell(record, columns.distance));
  const display = parseLocaleNumber(cell(record, columns.displayDistance));
  const distance =
    si !== null && si > 0 ? si : display !== null && display > 0 ? display * metresPerUnit(profile.units) : gps?.distance ?? null;
  if (distance === null || distance <= 0) {
    const raw = cell(record, columns.distance) || cell(record, columns.displayDistance);
    return rowError('Distance', raw, `got "${raw}", expected a distance greater than 0`);
  }
  const time =
    parseDuration(cell(record, columns.moving)) ??
    parseDuration(cell(record, columns.elapsed)) ??
    parseDuration(cell(record, columns.displayElapsed)) ??
    gps?.time ??
    null;
  const { date, startTime } = localDateTime(start, gps?.utcOffset ?? null, profile.timezone);
  const virtual = VIRTUAL_TYPES.has(sport) || (gps?.virtual ?? false);
  const elevation = parseLocaleNumber(cell(record, columns.elevationGain)) ?? gps?.elevation ?? null;
  const temperature = parseLocaleNumber(cell(record, columns.temperature)) ?? gps?.temperature ?? null;
  // The row's distance is the run's; a file that disagrees with it lends the run no efforts.
  const trackDisagrees = gps?.distance != null && Math.abs(gps.distance - distance) > TRACK_DISTANCE_TOLERANCE * distance;
  const efforts = virtual || !gps || trackDisagrees ? [] : plausibleEfforts(gps.efforts, distance);
  const at = { path, line: record.line };
  const warnings: Problem[] = [];
  if (trackDisagrees) {
    warnings.push(
      problem(
        'warning',
        at,
        'Filename',
        cell(record, columns.filename),
        `a track within 10% of the row's ${formatDistance(distance, profile.units)} (the file holds ${formatDistance(gps!.distance!, profile.units)}: its efforts are not used)`,
      ),
    );
  }
  if (fileMissing) {
    warnings.push(problem('warning', at, 'Filename', cell(record, columns.filename), 'a file the export holds (there is none by that name: the run is imported without its route and efforts)'));
  }
  // `Activity Private Note` is deliberately never read: private notes are never published.
  return {
    kind: 'run',
    warnings,
    draft: {
      ...emptyRunDraft({ date, distance: Math.round(distance * 10) / 10, source: { path, line: record.line, kind: 'strava' } }),
      startTime,
      time: time === null || time <= 0 ? null : Math.round(time),
      title: cell(record, columns.name) || null,
      type: sport,
      elevation: elevation === null ? null : Math.round(elevation),
      temperature,
      notes: cell(record, columns.description) || null,
      virtual,
      efforts,
      track: virtual ? null : gps?.track ?? null,
    },
  };
}

