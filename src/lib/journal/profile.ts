// `profile.md`: who runs, how the site is named, which units and week they think in.
import type { Problem, Profile } from '../types.ts';
import { parseDistance } from './fields.ts';
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

const PROFILE_FIELDS = ['name', 'title', 'site', 'units', 'week_start', 'timezone', 'locale', 'fonts', 'privacy_trim'];

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
  const fm = parseFrontMatter(text, path);
  const problems = [...fm.problems];
  profile.about = fm.body.trim();
  if (!fm.readable) return { profile, problems, fontLines };

  const bad = (field: FrontMatterField, key: string, expected: string): void => {
    problems.push(problem('error', { path, line: field.line }, key, field.text, expected));
  };
  for (const [key, field] of fm.fields) {
    const value = field.text.trim();
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
      default:
        problems.push(problem('warning', { path, line: field.line }, field.name, null, `a profile field: ${PROFILE_FIELDS.join(', ')}`));
    }
  }
  return { profile, problems, fontLines };
}
