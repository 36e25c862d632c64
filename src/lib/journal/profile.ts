// `profile.md`: who runs, how the site is named, which units and week they think in.
import type { Problem, Profile } from '../types.ts';
import { parseBoolean, parseDate, parseDistance, parseDuration } from './fields.ts';
import { KNOWN_BEST_NAMES } from '../model/known-bests.ts';
import { parseFrontMatter, type FrontMatterField } from './front-matter.ts';
import { problem } from './problems.ts';

export const DEFAULT_PRIVACY_TRIM = 500;

export function defaultProfile(): Profile {
  return {
    name: 'A runner',
    title: 'Small Wins',
    site: null,
    units: 'km',
    weekStart: 'monday',
    timezone: 'UTC',
    locale: 'en',
    about: '',
    fonts: [],
    privacyTrim: DEFAULT_PRIVACY_TRIM,
  };
}

const PROFILE_FIELDS = ['name', 'title', 'site', 'units', 'week_start', 'timezone', 'locale', 'fonts', 'privacy_trim', 'running_since', 'bests', 'eddington'];

/** `running_since`: a year (`2015`, read as 1 January) or a date. */
function parseRunningSince(value: string): { ok: true; value: string } | { ok: false } {
  if (/^\d{4}$/.test(value)) return { ok: true, value: `${value}-01-01` };
  const date = parseDate(value);
  return date.ok ? date : { ok: false };
}

const BEST_KEYS = `longest, ${Object.keys(KNOWN_BEST_NAMES).join(', ')}`;

/** `bests:` entries: `longest` is a distance (a bare number in the profile's unit), the others times. */
function readBests(field: FrontMatterField, profile: Profile, path: string, problems: Problem[]): void {
  if (!field.entries) {
    if (field.text.trim() === '') return;
    problems.push(problem('error', { path, line: field.line }, 'bests', field.text, 'one best per line below it, like "5k: 24:30" or "longest: 21.1"'));
    return;
  }
  const bests: NonNullable<Profile['bests']> = { longest: null, times: {} };
  for (const entry of field.entries) {
    const key = entry.key.trim().toLowerCase();
    const where = { path, line: entry.line };
    if (key === 'longest') {
      const parsed = parseDistance(entry.text, profile.units);
      if (parsed.ok) bests.longest = parsed.value;
      else problems.push(problem('error', where, 'bests.longest', entry.text, `your longest run, like 42.2 (a bare number is ${profile.units})`));
      continue;
    }
    const name = KNOWN_BEST_NAMES[key];
    if (name === undefined) {
      problems.push(problem('error', where, `bests.${entry.key}`, null, `a best named one of: ${BEST_KEYS}`));
      continue;
    }
    const parsed = parseDuration(entry.text);
    if (parsed.ok) bests.times[name] = parsed.value;
    else problems.push(problem('error', where, `bests.${entry.key}`, entry.text, parsed.expected));
  }
  profile.bests = bests;
}

/** The canonical zone names: looking one up is much cheaper than the first formatter a process builds. */
let canonicalZones: ReadonlySet<string> | null = null;

function isTimeZone(zone: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  // Aliases (`UTC`, `US/Pacific`) are valid too, and only a formatter knows them.
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export interface ParsedProfile {
  profile: Profile;
  problems: Problem[];
  /** The line each of `profile.fonts` is written on, so the reader can say which one it cannot use. */
  fontLines: number[];
}

/** The profile from `profile.md`'s text; null text (no file) gives the defaults. */
export function parseProfile(text: string | null, path: string): ParsedProfile {
  const profile = defaultProfile();
  const fontLines: number[] = [];
  if (text === null) return { profile, problems: [], fontLines };
  const fm = parseFrontMatter(text, path, { maps: true });
  const problems = [...fm.problems];
  profile.about = fm.body.trim();
  if (!fm.readable) return { profile, problems, fontLines };

  const bad = (field: FrontMatterField, key: string, expected: string): void => {
    problems.push(problem('error', { path, line: field.line }, key, field.text, expected));
  };
  // `bests` reads a bare distance in the profile's unit, wherever `units` stands.
  let bestsField: FrontMatterField | null = null;
  for (const [key, field] of fm.fields) {
    const value = field.text.trim();
    if (key === 'bests') {
      bestsField = field;
      continue;
    }
    if (value === '' && key !== 'fonts') continue;
    switch (key) {
      case 'name':
        profile.name = value;
        break;
      case 'title':
        profile.title = value;
        break;
      case 'site':
        if (isUrl(value)) profile.site = value.replace(/\/+$/, '');
        else bad(field, key, 'the site\'s public URL, like https://ana.github.io/runs');
        break;
      case 'units':
        if (value === 'km' || value === 'mi') profile.units = value;
        else bad(field, key, 'km or mi');
        break;
      case 'week_start':
        if (value === 'monday' || value === 'sunday') profile.weekStart = value;
        else bad(field, key, 'monday or sunday');
        break;
      case 'timezone':
        if (isTimeZone(value)) profile.timezone = value;
        else bad(field, key, 'an IANA time zone, like Europe/Lisbon');
        break;
      case 'locale':
        if (isLocale(value)) profile.locale = value;
        else bad(field, key, 'a language tag, like en or pt-PT');
        break;
      case 'fonts':
        profile.fonts = field.list ?? (value === '' ? [] : [value]);
        fontLines.push(...(field.listLines ?? profile.fonts.map(() => field.line ?? 1)));
        break;
      case 'privacy_trim': {
        // A bare number is metres here (it is about cutting a few hundred metres, not km).
        const parsed = /^\d+(\.\d+)?$/.test(value) ? { ok: true as const, value: Number(value) } : parseDistance(value);
        if (parsed.ok) profile.privacyTrim = parsed.value;
        else bad(field, key, 'metres to hide at each end of a track, like 500 (0 = off)');
        break;
      }
      case 'running_since': {
        const since = parseRunningSince(value);
        if (since.ok) profile.runningSince = since.value;
        else bad(field, key, 'the year you started running, like 2015, or a date like 2015-04-12');
        break;
      }
      case 'eddington': {
        const on = parseBoolean(value);
        if (on.ok) profile.eddington = on.value;
        else bad(field, key, 'yes or no (no: no Eddington number wins)');
        break;
      }
      default:
        problems.push(problem('warning', { path, line: field.line }, field.name, null, `a profile field: ${PROFILE_FIELDS.join(', ')}`));
    }
  }
  if (bestsField) readBests(bestsField, profile, path, problems);
  return { profile, problems, fontLines };
}
