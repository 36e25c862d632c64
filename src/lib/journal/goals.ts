// `goals/*.md`: a big goal (the race it builds up to); the file name is its slug.
import { createHash } from 'node:crypto';
import type { Goal, Problem, Profile } from '../types.ts';
import { slugify } from '../format/slug.ts';
import { parseDate, parseDistance, parseDuration, parseElevation, type Parsed } from './fields.ts';
import { parseFrontMatter } from './front-matter.ts';
import { problem } from './problems.ts';

const GOAL_FIELDS = ['title', 'date', 'distance', 'time', 'elevation', 'start'];

/** Race distances a goal may name instead of a number, in metres. */
const NAMED_DISTANCES: Readonly<Record<string, number>> = {
  marathon: 42_195,
  half: 21_097.5,
  'half marathon': 21_097.5,
  'half-marathon': 21_097.5,
  '50k': 50_000,
  '10k': 10_000,
  '5k': 5000,
};

/** A goal distance: a race name (`marathon`, `half`, `10k`, `5k`, `50k`) or any distance. */
function parseGoalDistance(text: string, profile: Profile): Parsed<number> {
  const named = NAMED_DISTANCES[text.trim().toLowerCase()];
  if (named !== undefined) return { ok: true, value: named };
  const parsed = parseDistance(text, profile.units);
  return parsed.ok ? parsed : { ok: false, expected: `${parsed.expected}, or marathon, half, 50k, 10k or 5k` };
}

/**
 * `goals/ultra-50k.md` → `ultra-50k`. A name with nothing to slug (`東京マラソン.md`, `🏃.md`) takes
 * its slug from the title, else from a short hash of the name (composed first: macOS stores names
 * decomposed), so every goal file has an address and it stays the same from build to build.
 */
export function goalSlug(path: string, title: string | null = null): string {
  const name = (path.split('/').pop() ?? path).replace(/\.mdx?$/i, '');
  const fromName = slugify(name);
  if (fromName !== '') return fromName;
  const fromTitle = title === null ? '' : slugify(title);
  if (fromTitle !== '') return fromTitle;
  return `goal-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

export function parseGoal(text: string, path: string, profile: Profile): { goal: Goal | null; problems: Problem[] } {
  const fm = parseFrontMatter(text, path);
  const problems = [...fm.problems];
  if (!fm.readable) return { goal: null, problems };

  const value = <T>(name: string, parse: ((t: string) => Parsed<T>) | null, expected: string, isRequired: boolean): T | null => {
    const field = fm.fields.get(name);
    const t = field?.text.trim() ?? '';
    if (t === '') {
      if (isRequired) problems.push(problem('error', { path, line: field?.line ?? 1 }, name, '', expected));
      return null;
    }
    if (parse === null) return t as T;
    const parsed = parse(t);
    if (parsed.ok) return parsed.value;
    problems.push(problem('error', { path, line: field?.line ?? 1 }, name, t, parsed.expected));
    return null;
  };

  const title = value<string>('title', null, 'the goal\'s name, like "My first 50K"', true);
  const date = value('date', parseDate, 'the race day, like 2025-10-12', true);
  const distance = value('distance', (t) => parseGoalDistance(t, profile), 'the race distance, like 50k or marathon', true);
  const time = value('time', parseDuration, '', false);
  const elevation = value('elevation', parseElevation, '', false);
  const start = value('start', parseDate, '', false);
  if (start !== null && date !== null && start > date) {
    const line = fm.fields.get('start')?.line ?? 1;
    problems.push(problem('error', { path, line }, 'start', start, `a start on or before the race day (${date})`));
  }
  for (const [name, field] of fm.fields) {
    if (!GOAL_FIELDS.includes(name)) {
      problems.push(problem('warning', { path, line: field.line }, field.name, null, `a goal field: ${GOAL_FIELDS.join(', ')}`));
    }
  }
  if (title === null || date === null || distance === null) return { goal: null, problems };
  const slug = goalSlug(path, title);
  return {
    goal: { slug, title, date, distance, time, elevation, start, body: fm.body.trim(), source: { path, line: 1, kind: 'markdown' } },
    problems,
  };
}
