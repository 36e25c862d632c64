// The runner's reflections on a week (`weeks/2025-W44.md`): Markdown named by its ISO week, front
// matter optional (`title`, `private`). A reflection leads its week's post; a week without runs
// has no post, so a reflection for one is kept out (with a warning saying it would never show).
import { addDays } from '../format/dates.ts';
import { ISO_WEEK, isoWeeksInYear, mondayOfIsoWeek, type IsoWeek } from '../format/iso-weeks.ts';
import type { IsoDate, Problem, Reflection, Run } from '../types.ts';
import { parseBoolean } from './fields.ts';
import { parseFrontMatter } from './front-matter.ts';
import { problem } from './problems.ts';

/** The folder inside the journal that holds the reflections. */
export const REFLECTIONS_DIR = 'weeks';

/** The files the reader lists in it; `.mdx` is listed only to say it is not read. */
export const REFLECTION_FILE = /\.mdx?$/i;

const FIELDS = new Set(['title', 'private']);

/** Why `name` (without `.md`) is not a week's name, or null when it is one. */
function weekNameProblem(name: string): string | null {
  const loose = /^(\d{4})-?[wW](\d{1,2})$/.exec(name);
  if (loose === null) return 'a file named by its ISO week, like 2025-W44.md';
  const year = Number(loose[1]);
  const number = Number(loose[2]);
  const last = isoWeeksInYear(year);
  if (number < 1 || number > last) return `a week that ${year} has (${year}-W01 to ${year}-W${last}), like 2025-W44.md`;
  if (!ISO_WEEK.test(name) || mondayOfIsoWeek(name) === null) {
    return `the week written ${year}-W${String(number).padStart(2, '0')}.md (four-digit year, capital W, two-digit week)`;
  }
  return null;
}

/** A reflection file's text, as `path` names it; `file` is its name inside the weeks folder. */
export function parseReflection(text: string, path: string, file: string): { reflection: Reflection | null; problems: Problem[] } {
  const at = { path, line: 1 };
  if (/\.mdx$/i.test(file)) {
    return { reflection: null, problems: [problem('warning', { path, line: null }, null, null, 'a .md file (a reflection is Markdown; this file is not read)')] };
  }
  const week = file.replace(REFLECTION_FILE, '');
  const wrongName = weekNameProblem(week);
  if (wrongName !== null) return { reflection: null, problems: [problem('error', at, 'file name', file, wrongName)] };

  // Front matter is optional: a file of words alone is a reflection too.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!/^---[ \t]*\r?\n/.test(source)) {
    return { reflection: { week, title: null, body: source, private: false, source: { path, line: 1, kind: 'markdown' } }, problems: [] };
  }
  const fm = parseFrontMatter(source, path);
  const problems = [...fm.problems];
  if (!fm.readable) return { reflection: null, problems };
  let isPrivate = false;
  let valid = problems.every((p) => p.severity !== 'error');
  for (const [key, field] of fm.fields) {
    if (!FIELDS.has(key)) problems.push(problem('warning', { path, line: field.line }, field.name, null, 'title or private (a reflection has no other fields; this one is not used)'));
  }
  const privateField = fm.fields.get('private');
  if (privateField !== undefined && privateField.text.trim() !== '') {
    const parsed = parseBoolean(privateField.text);
    if (parsed.ok) isPrivate = parsed.value;
    else {
      problems.push(problem('error', { path, line: privateField.line }, privateField.name, privateField.text, parsed.expected));
      valid = false;
    }
  }
  if (!valid) return { reflection: null, problems };
  const title = fm.fields.get('title')?.text.trim() || null;
  return { reflection: { week, title, body: fm.body, private: isPrivate, source: { path, line: 1, kind: 'markdown' } }, problems };
}

/**
 * The reflections whose week has runs, sorted by week; a warning for each of the others (it would
 * never be shown) and an error for two files of one week.
 */
export function keepShownReflections(reflections: readonly Reflection[], runs: readonly Pick<Run, 'date'>[]): { reflections: Reflection[]; problems: Problem[] } {
  const weeksWithRuns = weeksWithRunsAmong(reflections.map((r) => r.week), runs);
  const problems: Problem[] = [];
  const byWeek = new Map<string, Reflection>();
  for (const reflection of [...reflections].sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0))) {
    const at = { path: reflection.source.path, line: 1 };
    const twin = byWeek.get(reflection.week);
    if (twin !== undefined) {
      problems.push(problem('error', at, 'file name', reflection.week, `one reflection per week (${twin.source.path} is also ${reflection.week})`));
    } else if (!weeksWithRuns.has(reflection.week)) {
      problems.push(
        problem('warning', at, 'file name', reflection.week, `a week with runs (${reflection.week} has none, so it gets no post and this reflection would never be shown)`),
      );
    } else byWeek.set(reflection.week, reflection);
  }
  return { reflections: [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0)), problems };
}

/**
 * Which of `weeks` hold at least one run. Only the reflections' weeks are looked at (their seven
 * days each), so a journal without reflections costs nothing per run.
 */
function weeksWithRunsAmong(weeks: readonly IsoWeek[], runs: readonly Pick<Run, 'date'>[]): Set<IsoWeek> {
  const weekOfDay = new Map<IsoDate, IsoWeek>();
  for (const week of weeks) {
    const monday = mondayOfIsoWeek(week);
    if (monday === null) continue;
    for (let day = 0; day < 7; day++) weekOfDay.set(addDays(monday, day), week);
  }
  const found = new Set<IsoWeek>();
  if (weekOfDay.size === 0) return found;
  for (const run of runs) {
    const week = weekOfDay.get(run.date);
    if (week !== undefined) found.add(week);
  }
  return found;
}
