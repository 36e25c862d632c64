// The journal's privacy secret and named privacy zones: a file in the journal folder that is never
// published (`.privacy-secret`, in .gitignore; hidden files are never read as journal files), or
// the secret alone from SMALL_WINS_PRIVACY_SECRET. The secret shifts every hidden zone by an
// offset no published page shows (privacy.ts); the zones are places the runner names.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../types.ts';
import { problem } from '../problems.ts';
import { DEFAULT_PRIVACY_TRIM_M, type PrivacySettings, type PrivacyZone } from './privacy.ts';

export const PRIVACY_SECRET_FILE = '.privacy-secret';
export const PRIVACY_SECRET_ENV = 'SMALL_WINS_PRIVACY_SECRET';
/** Shorter than this, a secret could be guessed by trying them all. */
const MIN_SECRET_LENGTH = 32;

/** What a new journal's file holds: a fresh secret, and how to name zones. */
export function newPrivacyFile(secret = randomBytes(32).toString('hex')): string {
  return [
    '# Small Wins privacy secret: never commit, publish or share this file (it is in .gitignore).',
    '# It shifts the hidden zone around your start and finish by an amount only it gives, so no',
    '# number of published maps points to your door. Keep it with your journal (a backup, not git);',
    '# a new secret changes where every map is cut.',
    `secret: ${secret}`,
    '',
    '# Places no map shows wherever a run passes (work, family), as latitude, longitude and an',
    '# optional radius in metres (else your privacy_trim). Remove the # of the lines you use:',
    '# privacy_zones:',
    '#   - 59.91234, 10.75210',
    '#   - 59.93000, 10.70000, 800',
    '',
  ].join('\n');
}

export interface PrivacyFile {
  secret: string;
  zones: PrivacyZone[];
  problems: Problem[];
}

/** Reads the file's `secret:` and `privacy_zones:`; a zone's radius defaults to `trim`. */
export function parsePrivacyFile(text: string, path: string, trim: number): PrivacyFile {
  const out: PrivacyFile = { secret: '', zones: [], problems: [] };
  const defaultRadius = trim > 0 ? trim : DEFAULT_PRIVACY_TRIM_M;
  let inZones = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (content.trim() === '') return;
    const at = { path, line };
    const item = /^\s*-\s*(.*)$/.exec(content);
    if (item && inZones) {
      const zone = parseZone(item[1]!, defaultRadius);
      if (typeof zone === 'string') out.problems.push(problem('error', at, 'privacy_zones', item[1]!, zone));
      else out.zones.push(zone);
      return;
    }
    const field = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(content.trim());
    inZones = false;
    if (field?.[1] === 'secret') {
      const value = field[2]!.trim();
      if (value.length < MIN_SECRET_LENGTH) out.problems.push(problem('error', at, 'secret', null, `a secret of at least ${MIN_SECRET_LENGTH} characters`));
      else out.secret = value;
    } else if (field?.[1] === 'privacy_zones' && field[2]!.trim() === '') {
      inZones = true;
    } else {
      out.problems.push(problem('error', at, field?.[1] ?? null, content.trim(), '`secret: …`, or `privacy_zones:` followed by lines `- latitude, longitude[, radius in metres]`'));
    }
  });
  return out;
}

function parseZone(text: string, defaultRadius: number): PrivacyZone | string {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
    return 'latitude, longitude[, radius in metres], e.g. 59.91234, 10.75210, 800';
  }
  const [lat, lon, radius = defaultRadius] = numbers as [number, number, number?];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'a latitude from -90 to 90 and a longitude from -180 to 180';
  if (radius < defaultRadius) return `a radius of at least ${defaultRadius} m (your privacy_trim)`;
  return { lat, lon, radius };
}

export interface LoadedPrivacy {
  settings: PrivacySettings;
  problems: Problem[];
}

/**
 * The privacy settings of the journal in `dir` (`displayDir` names it in problems): the secret from
 * SMALL_WINS_PRIVACY_SECRET, else from the file, which `create` writes when it is missing (the
 * import does, and a build that trims GPS files itself). Without a secret the zones sit on the
 * fixes themselves, which a few published maps give away: a warning says so.
 */
export async function loadPrivacy(
  dir: string,
  displayDir: string,
  trim: number,
  options: { env?: NodeJS.ProcessEnv; create?: boolean } = {},
): Promise<LoadedPrivacy> {
  const env = options.env ?? process.env;
  const path = join(dir, PRIVACY_SECRET_FILE);
  const shown = `${displayDir}/${PRIVACY_SECRET_FILE}`;
  let text: string | null = await readFile(path, 'utf8').catch(() => null);
  const problems: Problem[] = [];
  if (text === null && options.create && !env[PRIVACY_SECRET_ENV]) {
    const fresh = newPrivacyFile();
    // `wx`: two imports at once keep the first one's secret.
    const written = await writeFile(path, fresh, { flag: 'wx', mode: 0o600 }).then(
      () => true,
      () => false,
    );
    text = written ? fresh : await readFile(path, 'utf8').catch(() => null);
  }
  const file = text === null ? { secret: '', zones: [], problems: [] } : parsePrivacyFile(text, shown, trim);
  problems.push(...file.problems);
  let secret = file.secret;
  const fromEnv = env[PRIVACY_SECRET_ENV];
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      problems.push(problem('error', { path: PRIVACY_SECRET_ENV, line: null }, PRIVACY_SECRET_ENV, null, `a secret of at least ${MIN_SECRET_LENGTH} characters`));
    } else secret = fromEnv;
  }
  if (secret === '' && trim > 0 && options.create) {
    problems.push({
      severity: 'warning',
      path: shown,
      line: null,
      field: null,
      value: null,
      message: `no privacy secret (this file could not be written, and ${PRIVACY_SECRET_ENV} is not set): maps are cut around the start and finish themselves, which a few published maps give away`,
    });
  }
  return { settings: { trim, secret, zones: file.zones }, problems };
}
