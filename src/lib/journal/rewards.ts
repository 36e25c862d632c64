// `rewards.md`: the rewards a runner promises themselves, one list item each, tied to a win by
// what the win is (a rung, a kind and value, a goal step, a streak, or their own win in quotes):
//
//   - New trail shoes at 1,000 km lifetime
//   - A cinnamon bun after my first 30 km
//   - A massage after Winter Trail 50K
//     private: yes
//
// (`  - private: yes` as a sub-bullet, and `private： yes` with a full-width colon, are the same flag.)
//
// The target is read into the engine's own keys (kind, rung, goal), checked against the ladders,
// the goals and the runner's own wins, so a reward that can never be earned is a located error.
// Pure: the text, the profile, the goals and the runs in; rewards and problems out.
import type { DistanceUnit, Goal, Problem, Profile, Reward, RewardTarget, Run } from '../types.ts';
import { slugify } from '../format/slug.ts';
import { formatCount, formatDuration, metresPerUnit } from '../format/units.ts';
import {
  BARRIERS,
  CLIMB_LADDER,
  DAILY_STREAK_LADDER,
  distanceLadder,
  EDDINGTON_RUNGS,
  GOAL_PERCENTS,
  LIFETIME_LADDER,
  nextRungAbove,
  nonstopLadder,
  ordinal,
  RUN_COUNT_LADDER,
  STANDARD_DISTANCES,
  WEEKLY_STREAK_LADDER,
  type Barrier,
  type DistanceRung,
  type OpenLadder,
} from '../model/rungs.ts';
import { compareRunIds } from '../model/run-order.ts';
import { benchmarkEffort, nextBarrier, type EffortRun } from '../wins/speed.ts';
import { parseBoolean, parseDistance } from './fields.ts';
import { isNearPrivate, mentionsPrivate, PRIVATE_SPELLING_EXPECTED } from './private-spelling.ts';
import { problem } from './problems.ts';

export const REWARDS_FILE = 'rewards.md';

/** The words that join a reward to its win: `shoes at 500 km lifetime`, `a bun after my first 30 km`. */
const JOINERS = ['at', 'after', 'for', 'on', 'when I reach', 'when I run', 'when I get'];

/** What a reward line looks like, for the malformed-line error. */
export const REWARD_LINE_EXPECTED =
  '"- <reward> at <win>", where <win> is like "1,000 km lifetime", "first half marathon", "100th run", ' +
  '"8-week streak", "sub-25 5K", "50% of <goal>", "<goal>" (achieved) or a win of your own in quotes';

const REWARD_FIELDS = ['private'];

/** What the reader needs to know to check a target: the ladders' unit, the goals, the runner's own wins. */
export interface RewardContext {
  profile: Pick<Profile, 'units' | 'bests' | 'eddington'>;
  goals: readonly Pick<Goal, 'slug' | 'title'>[];
  /** The runs: their own wins' names, and their efforts (a barrier already broken is never a win). */
  runs: readonly (EffortRun & Pick<Run, 'win'>)[];
}

/** A target read, or the reason it can never be earned (`expected ...`), or not a target at all (null). */
type Read = { target: RewardTarget } | { never: string; value: string } | null;

const target = (kind: RewardTarget['kind'], label: string, fields: Partial<RewardTarget> = {}): Read => ({
  target: { kind, value: null, rung: null, goal: null, words: null, label, ...fields },
});

/** `1,000` → 1000; `2.5` stays. */
function numberOf(text: string): number {
  return Number(text.replace(/(\d),(?=\d{3}\b)/g, '$1'));
}

function isOnLadder(ladder: OpenLadder, value: number): boolean {
  return Number.isInteger(value) && value > 0 && nextRungAbove(ladder, value - 1) === value;
}

/** `10, 25, 50 ... and every 250 after` */
function ladderWords(ladder: OpenLadder, unit = ''): string {
  const last = ladder.rungs[ladder.rungs.length - 1] ?? 0;
  return `${ladder.rungs.map((r) => formatCount(r)).join(', ')}${unit} and every ${formatCount(ladder.step)} after ${formatCount(last)}`;
}

/** A rung of an open ladder: `100th run`, `8-week streak`. */
function ladderTarget(kind: RewardTarget['kind'], ladder: OpenLadder, value: number, label: string, written: string, what: string): Read {
  return isOnLadder(ladder, value) ? target(kind, label, { value }) : { never: `${what}: ${ladderWords(ladder)}`, value: written };
}

/** `half marathon`, `30 km`, `10 miles`, `5K` → the rung of the distance ladder (in the profile's unit). */
function distanceRung(text: string, units: DistanceUnit) {
  const ladder = distanceLadder(units);
  const slug = slugify(text);
  const byName = ladder.find((rung) => rung.name === slug || slugify(rung.label) === slug);
  if (byName) return byName;
  const metres = parseDistance(text.replace(/(\d),(?=\d{3}\b)/g, '$1'), units);
  if (!metres.ok) return undefined;
  return ladder.find((rung) => Math.abs(rung.metres - metres.value) <= 0.01 * rung.metres) ?? null;
}

function goalOf(text: string, goals: RewardContext['goals']) {
  const slug = slugify(text.replace(/^(the|my)\s+/i, ''));
  return slug === '' ? undefined : goals.find((goal) => goal.slug === slug || slugify(goal.title) === slug);
}

/** The words of a quoted win: `"Ran every hill"`, `“Ran every hill”`. */
const QUOTED = /^["“”'‘’](.+)["“”'‘’]$/;

/**
 * What `when` (the part after the joining word) names, in the engine's keys. Null when it is not
 * the name of any win; `never` when it names one that does not exist (no such rung or goal).
 */
export function readRewardTarget(when: string, context: RewardContext): Read {
  const units = context.profile.units;
  const text = when.trim().replace(/[.!]+$/, '').trim();
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const words = quoted[1]!.trim();
    return target('custom', `“${words}”`, { words });
  }
  // Articles and "my" read naturally but say nothing: `after my first marathon`.
  const plain = text.replace(/^(my|the|a|an|your)\s+/i, '');
  const lower = plain.toLowerCase();
  const goal = goalOf(plain, context.goals);
  if (goal) return target('goal-achieved', goal.title, { goal: goal.slug });

  const achieved = /^(?:finishing|finish(?:ing)? of|achieving)\s+(.+)$|^(.+?)\s+(?:achieved|finished|finish|done)$/i.exec(plain);
  if (achieved) {
    const named = goalOf((achieved[1] ?? achieved[2])!, context.goals);
    return named ? target('goal-achieved', named.title, { goal: named.slug }) : { never: `a goal in goals/ (${goalNames(context)})`, value: (achieved[1] ?? achieved[2])! };
  }
  const step = /^(\d+)\s*%\s+of\s+(.+)$|^(halfway)\s+(?:to|of)\s+(.+)$/i.exec(plain);
  if (step) {
    const percent = step[1] !== undefined ? Number(step[1]) : 50;
    const goalText = (step[2] ?? step[4])!;
    const named = goalOf(goalText, context.goals);
    if (!named) return { never: `a goal in goals/ (${goalNames(context)})`, value: goalText };
    if (!GOAL_PERCENTS.includes(percent)) return { never: `a goal step: ${GOAL_PERCENTS.map((p) => `${p}%`).join(', ')}`, value: `${percent}%` };
    return target('goal-progress', `${percent}% of ${named.title}`, { value: percent, goal: named.slug });
  }

  if (lower === 'first run') return target('first-run', 'first run');
  const first = /^first\s+(.+?)(\s+(?:without stopping|non-?stop))?$/i.exec(plain);
  if (first && !/climb/i.test(first[1]!)) {
    const nonstop = first[2] !== undefined;
    const rung = distanceRung(first[1]!, units);
    if (rung === undefined) return null;
    if (rung === null) return { never: `a rung of the distance ladder: ${distanceLadder(units).map((r) => r.label).join(', ')}`, value: first[1]! };
    const nonstopRungs = nonstopLadder(units);
    if (nonstop && !nonstopRungs.includes(rung)) {
      return { never: `a rung without stopping, up to ${nonstopRungs[nonstopRungs.length - 1]!.label} (past it, a first is one with or without walk breaks: "first ${rung.label}")`, value: first[0]! };
    }
    return target(nonstop ? 'nonstop-first' : 'distance-first', `first ${rung.label}${nonstop ? ' without stopping' : ''}`, { value: rung.metres, rung: rung.name });
  }

  const lifetime = /^([\d,.]+)\s*(km|kilometres|kilometers|mi|miles?)\s+(?:lifetime|in total|total)$/i.exec(plain);
  if (lifetime) {
    const inUnit = numberOf(lifetime[1]!);
    const writtenUnit: DistanceUnit = /^k/i.test(lifetime[2]!) ? 'km' : 'mi';
    const value = writtenUnit === units ? inUnit : (inUnit * metresPerUnit(writtenUnit)) / metresPerUnit(units);
    const ladder = LIFETIME_LADDER;
    return isOnLadder(ladder, Math.round(value * 1e6) / 1e6)
      ? target('total-distance', `${formatCount(value)} ${units === 'mi' ? 'miles' : 'km'} lifetime`, { value: value * metresPerUnit(units) })
      : { never: `a lifetime rung in ${units === 'mi' ? 'miles' : 'km'} (your profile's unit): ${ladderWords(ladder)}`, value: lifetime[0]! };
  }

  const count = /^([\d,]+)(?:st|nd|rd|th)?\s+runs?$/i.exec(plain);
  if (count) {
    const value = numberOf(count[1]!);
    // The ladder's rung below 10 is the first run, which is its own win.
    if (value === 1) return target('first-run', 'first run');
    return ladderTarget('run-count', RUN_COUNT_LADDER, value, `${ordinal(value)} run`, count[0]!, 'a run count');
  }
  const streak = /^([\d,]+)[-\s](day|week)s?\s+streak$/i.exec(plain);
  if (streak) {
    const value = numberOf(streak[1]!);
    const daily = streak[2]!.toLowerCase() === 'day';
    const ladder = daily ? DAILY_STREAK_LADDER : WEEKLY_STREAK_LADDER;
    const kind = daily ? 'daily-streak' : 'weekly-streak';
    return ladderTarget(kind, ladder, value, `${formatCount(value)}-${daily ? 'day' : 'week'} streak`, streak[0]!, `a ${daily ? 'daily' : 'weekly'} streak`);
  }
  const climb = /^(?:first\s+)?([\d,]+)\s*m\s+(?:of\s+)?climb(?:ing)?(?:\s+in one run)?$/i.exec(plain);
  if (climb) {
    const value = numberOf(climb[1]!);
    return CLIMB_LADDER.includes(value)
      ? target('climb-first', `first ${formatCount(value)} m of climbing`, { value })
      : { never: `a climbing rung: ${CLIMB_LADDER.map((r) => formatCount(r)).join(', ')} m`, value: climb[0]! };
  }
  const eddington = /^eddington(?:\s+number)?\s+(\d+)$/i.exec(plain);
  if (eddington) {
    const value = Number(eddington[1]);
    if (context.profile.eddington === false) return { never: 'a win this journal gives (profile.md says eddington: no)', value: eddington[0]! };
    return EDDINGTON_RUNGS.includes(value)
      ? target('eddington', `Eddington number ${value}`, { value })
      : { never: `an Eddington rung: ${EDDINGTON_RUNGS.join(', ')}`, value: eddington[1]! };
  }
  const years = /^(\d+)\s+years?\s+of\s+running$/i.exec(plain);
  if (years) {
    const value = Number(years[1]);
    return value >= 1 ? target('anniversary', `${value} year${value === 1 ? '' : 's'} of running`, { value }) : { never: 'one year of running or more', value: years[1]! };
  }
  const barrier = /^(sub[-\s]?[\d:]+)\s+(.+)$/i.exec(plain);
  if (barrier) {
    const distance = STANDARD_DISTANCES.find((d) => d.name === slugify(barrier[2]!) || slugify(d.label) === slugify(barrier[2]!));
    const barriers = distance ? BARRIERS[distance.name] : undefined;
    if (!distance || !barriers) return { never: `a distance with barriers: ${Object.keys(BARRIERS).join(', ')}`, value: barrier[2]! };
    const name = slugify(barrier[1]!.replace(/:/g, '-'));
    const found = barriers.find((b) => b.name === name);
    if (!found) return { never: `a ${distance.label} barrier: ${barriers.map((b) => b.label).join(', ')}`, value: barrier[1]! };
    const broken = brokenWithoutWin(found, distance, context);
    if (broken !== null) return { never: broken, value: barrier[1]! };
    return target('barrier', `${found.label.toLowerCase()} ${distance.label}`, { value: found.seconds, rung: distance.name });
  }
  return null;
}

/**
 * Why a barrier can never be a win when the distance's benchmark (the profile's best from before
 * the journal, or the first effort in it) is already under it; null when it can still be one.
 */
function brokenWithoutWin(barrier: Barrier, distance: DistanceRung, context: RewardContext): string | null {
  const ordered = [...context.runs].sort((a, b) => compareRunIds(a.id, b.id));
  const benchmark = benchmarkEffort(ordered, context.profile, distance.name);
  if (benchmark === null || benchmark.time >= barrier.seconds) return null;
  const by =
    benchmark.run === null
      ? `your ${distance.label} best from before the journal (${formatDuration(benchmark.time)}, in profile.md)`
      : `your first ${distance.label} (${formatDuration(benchmark.time)} on ${benchmark.run.date})`;
  const next = nextBarrier(distance.name, benchmark.time);
  const instead = next === null ? '' : `; the next one is ${next.label.toLowerCase()} ${distance.label}`;
  return `a barrier still ahead: ${by} was already under it, and it is the benchmark later runs are measured from, not a win${instead}`;
}

function goalNames(context: RewardContext): string {
  return context.goals.length === 0 ? 'there are none' : context.goals.map((goal) => `"${goal.title}"`).join(', ');
}

/** How many joining words of a line are tried, leftmost first. */
const MAX_SPLITS = 12;

/** Every way the line may be split at a joining word, leftmost first: the reward may say "at" too. */
function splits(text: string): Array<{ reward: string; when: string }> {
  const out: Array<{ index: number; reward: string; when: string }> = [];
  for (const joiner of JOINERS) {
    const pattern = new RegExp(`\\s${joiner.replace(/ /g, '\\s+')}\\s+`, 'gi');
    let found = 0;
    for (const match of text.matchAll(pattern)) {
      if (++found > MAX_SPLITS) break;
      out.push({ index: match.index, reward: text.slice(0, match.index).trim(), when: text.slice(match.index + match[0].length) });
    }
  }
  // A reward is a few words: past the first few joining words a line is not one (and a 1 MB line
  // of "at at at" must not try every split).
  return out.sort((a, b) => a.index - b.index).filter((s) => s.reward !== '').slice(0, MAX_SPLITS);
}

const LIST_ITEM = /^[-*+]\s+(.*)$/;
/** `name: value`, with the colon as a phone or an IME may type it (`：`, `﹕`). */
const FIELD = /^([\p{L}_][\p{L}\d_?-]*)\s*[:：﹕]\s*(.*)$/u;
/** A Markdown bullet in front of a field: `  - private: yes` is the same flag as `  private: yes`. */
const BULLET = /^[-*+]\s+/;

export interface ParsedRewards {
  rewards: Reward[];
  problems: Problem[];
}

/** A line's field, bullet and indentation aside: `  - private： yes` → private, yes. */
function fieldOf(raw: string): { name: string; value: string } | null {
  const field = FIELD.exec(raw.trim().replace(BULLET, ''));
  return field === null ? null : { name: field[1]!, value: field[2]! };
}

/**
 * The rewards of `rewards.md`: each top-level list item is one (`- <reward> at <win>`), and a
 * `private: yes` under it (indented or not, as a sub-bullet or not) keeps its words off the site.
 * Headings and other text are the runner's own notes and are left alone.
 */
export function parseRewards(text: string, path: string, context: RewardContext): ParsedRewards {
  const rewards: Reward[] = [];
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  let current: Reward | null = null;
  let inFence = false;
  let inFrontMatter = lines[0]?.trim() === '---';
  lines.forEach((raw, index) => {
    const line = index + 1;
    const at = { path, line };
    if (inFrontMatter) {
      if (index > 0 && raw.trim() === '---') inFrontMatter = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    if (inFence) return;
    const indented = /^\s+/.test(raw);
    const field = fieldOf(raw);
    const name = field?.name.toLowerCase() ?? null;
    // `private:` belongs to the reward above it however it is written (not indented, or as a
    // bullet of its own): a privacy flag must never be dropped for want of two spaces.
    if (field !== null && name === 'private') {
      if (current === null) {
        problems.push(problem('error', at, 'private', null, 'a "private:" line right under the reward it keeps private'));
        return;
      }
      const flag = parseBoolean(field.value);
      if (flag.ok) (current as Reward).private = flag.value;
      else problems.push(problem('error', at, 'private', field.value, flag.expected));
      return;
    }
    if (field !== null && isNearPrivate(field.name)) {
      problems.push(problem('warning', at, field.name, field.value, PRIVATE_SPELLING_EXPECTED));
      return;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      current = null;
      const body = item[1]!.trim();
      if (body === '') return;
      const read = readRewardLine(body, context);
      if ('problem' in read) {
        problems.push(problem('error', at, 'reward', read.value, read.problem));
        return;
      }
      current = { text: read.text, target: read.target, private: false, source: { path, line, kind: 'markdown' } };
      rewards.push(current);
      if (read.target.kind === 'custom' && !hasOwnWin(read.target.words!, context.runs)) {
        // A win of one's own may still be ahead: the runner names it when they log the run.
        problems.push(
          problem('warning', at, 'reward', read.target.words, `a win of your own that a run names (its "win" field); none does yet, so this reward waits for one`),
        );
      }
      return;
    }
    if (field !== null && indented && current !== null) {
      problems.push(problem('warning', at, field.name, null, `a reward field: ${REWARD_FIELDS.join(', ')}`));
      return;
    }
    // Under a reward (indented, or the next line of its item), a line that speaks of privacy but
    // is not the flag (`private yes`, `(private)`) is not read: say so rather than publish it.
    const continues = indented || (index > 0 && lines[index - 1]!.trim() !== '');
    if (current !== null && continues && mentionsPrivate(raw)) {
      problems.push(problem('warning', at, 'private', raw.trim(), 'a "private: yes" line under the reward; this line is not read, so the reward is public'));
      return;
    }
    // A line that is not indented ends the item: fields below it belong to no reward.
    if (raw.trim() !== '' && !indented) current = null;
  });
  return { rewards, problems };
}

/** One list item's words: the reward and its target, or what is wrong with it. */
function readRewardLine(body: string, context: RewardContext): { text: string; target: RewardTarget } | { problem: string; value: string } {
  let never: { never: string; value: string } | null = null;
  for (const { reward, when } of splits(body)) {
    const read = readRewardTarget(when, context);
    if (read === null) continue;
    if ('target' in read) return { text: reward, target: read.target };
    never ??= read;
  }
  if (never !== null) return { problem: `${never.never} (this reward can never be earned)`, value: never.value };
  return { problem: REWARD_LINE_EXPECTED, value: body };
}

function hasOwnWin(words: string, runs: RewardContext['runs']): boolean {
  const slug = slugify(words);
  return runs.some((run) => run.win !== null && slugify(run.win) === slug);
}
