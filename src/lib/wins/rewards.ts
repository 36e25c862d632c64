// Rewards meet wins: which win earned each reward (by the engine's own keys, never by its title),
// and for the rest how far away they are. Pure: rewards, wins and runs in.
import type { DistanceUnit, Goal, IsoDate, Profile, Reward, RewardTarget, Run, Win, WinKind, WinUnit } from '../types.ts';
import { slugify } from '../format/slug.ts';
import { formatCount, formatDistance, formatDuration, formatElevation } from '../format/units.ts';
import { currentDailyStreak, currentWeeklyStreak } from './consistency.ts';
import { compareRunIds } from '../model/run-order.ts';
import { goalStanding } from './goal.ts';
import { bestEffortStandings } from './speed.ts';

export interface EarnedReward {
  reward: Reward;
  win: Win;
}

/** How far a reward still ahead is: `current` of `target`, in `unit`. */
export interface RewardProgress {
  current: number;
  target: number;
  unit: WinUnit;
  /** What is left, in `unit` (seconds off the best for a barrier, days to race day for a goal). */
  remaining: number;
  /** Share done, 0–1: what "nearest" compares across units. */
  done: number;
}

export interface RewardAhead {
  reward: Reward;
  /** Null when there is nothing to measure (a win of one's own, a calendar win). */
  progress: RewardProgress | null;
}

export interface RewardStanding {
  /** In the order they were earned (the wins' order), then file order. */
  earned: EarnedReward[];
  /** In file order. */
  ahead: RewardAhead[];
}

/** Ladder values compare with a little slack: a rung in miles is a fraction of metres. */
const atOrPast = (value: number, rung: number): boolean => value >= rung - 1e-6 * Math.max(1, Math.abs(rung));

/** Whether `win` is the kind of win `target` names, at or past its rung. */
export function winMeets(target: RewardTarget, win: Win, runWords: (runId: string) => string | null): boolean {
  if (win.kind !== target.kind) return false;
  switch (target.kind) {
    case 'first-run':
      return true;
    case 'goal-achieved':
      return win.goal === target.goal;
    case 'goal-progress':
      return win.goal === target.goal && atOrPast(win.value, target.value!);
    case 'barrier':
      // The value is a time: a faster barrier at the same distance breaks this one too.
      return win.rung === target.rung && win.value < target.value!;
    case 'custom': {
      const words = runWords(win.runs[0] ?? '');
      return words !== null && slugify(words) === slugify(target.words!);
    }
    default:
      return target.value !== null && atOrPast(win.value, target.value);
  }
}

/**
 * Each reward with the first win that meets it (wins in the engine's order), or how far away it is.
 * `today` is the journal's today: progress counts the runs up to it.
 */
export function matchRewards(
  rewards: readonly Reward[],
  wins: readonly Win[],
  runs: readonly Run[],
  goals: readonly Goal[],
  profile: Pick<Profile, 'weekStart'>,
  today: IsoDate | null,
): RewardStanding {
  const words = new Map(runs.map((run) => [run.id, run.win]));
  const runWords = (id: string) => words.get(id) ?? null;
  const earned: Array<EarnedReward & { order: number; line: number }> = [];
  const ahead: RewardAhead[] = [];
  const winOrder = new Map(wins.map((win, index) => [win.slug, index]));
  let ordered: Run[] | null = null;
  for (const [line, reward] of rewards.entries()) {
    const win = wins.find((w) => winMeets(reward.target, w, runWords));
    if (win) {
      earned.push({ reward, win, order: winOrder.get(win.slug)!, line });
      continue;
    }
    ordered ??= [...runs].filter((run) => today === null || run.date <= today).sort((a, b) => compareRunIds(a.id, b.id));
    ahead.push({ reward, progress: rewardProgress(reward.target, ordered, goals, profile, today) });
  }
  earned.sort((a, b) => a.order - b.order || a.line - b.line);
  return { earned: earned.map(({ reward, win }) => ({ reward, win })), ahead };
}

function progress(current: number, target: number, unit: WinUnit): RewardProgress {
  return { current, target, unit, remaining: Math.max(0, target - current), done: target > 0 ? Math.min(1, Math.max(0, current / target)) : 0 };
}

/** Where the runner stands toward a target not reached yet, by the same measures the engine uses. */
export function rewardProgress(
  target: RewardTarget,
  ordered: readonly Run[],
  goals: readonly Goal[],
  profile: Pick<Profile, 'weekStart'>,
  today: IsoDate | null,
): RewardProgress | null {
  const value = target.value;
  switch (target.kind) {
    case 'total-distance':
      return progress(ordered.reduce((sum, run) => sum + run.distance, 0), value!, 'm');
    case 'distance-first':
    case 'nonstop-first': {
      const counted = target.kind === 'nonstop-first' ? ordered.filter((run) => run.nonstop === true) : ordered;
      return progress(counted.reduce((best, run) => Math.max(best, run.distance), 0), value!, 'm');
    }
    case 'climb-first':
      return progress(ordered.reduce((best, run) => Math.max(best, run.elevation ?? 0), 0), value!, 'm-climb');
    case 'run-count':
      return progress(ordered.length, value!, 'runs');
    case 'daily-streak':
    case 'weekly-streak': {
      if (today === null) return progress(0, value!, target.kind === 'daily-streak' ? 'days' : 'weeks');
      const dates = ordered.map((run) => run.date);
      const streak = target.kind === 'daily-streak' ? currentDailyStreak(dates, today) : currentWeeklyStreak(dates, today, profile.weekStart);
      return progress(streak.length, value!, target.kind === 'daily-streak' ? 'days' : 'weeks');
    }
    case 'goal-progress': {
      const goal = goals.find((g) => g.slug === target.goal);
      if (!goal || today === null) return null;
      const longest = goalStanding(goal, ordered, today).steps.at(-1)?.value ?? 0;
      return progress(longest, (value! / 100) * goal.distance, 'm');
    }
    case 'goal-achieved': {
      const goal = goals.find((g) => g.slug === target.goal);
      if (!goal || today === null) return null;
      const standing = goalStanding(goal, ordered, today);
      if (standing.daysToGo === null) return null;
      // Race day comes by waiting: "done" is how much of the distance the build-up covers.
      return { current: 0, target: 0, unit: 'days', remaining: standing.daysToGo, done: standing.reached };
    }
    case 'barrier': {
      const best = bestEffortStandings(ordered).find((b) => b.rung.name === target.rung);
      if (!best) return null;
      return { current: best.time, target: value!, unit: 's', remaining: Math.max(0, best.time - value!), done: Math.min(1, value! / best.time) };
    }
    default:
      return null;
  }
}

/** How far a reward still ahead is, in words: `212 km to go`, `3 of 5 weeks`, `27 days to race day`. */
export function describeRewardProgress(p: RewardProgress, units: DistanceUnit): string {
  switch (p.unit) {
    case 'm':
      return `${formatDistance(p.remaining, units)} to go`;
    case 'm-climb':
      return `${formatElevation(p.remaining, units)} more in one run`;
    case 's':
      return `${formatDuration(Math.max(1, Math.ceil(p.remaining)))} off your best`;
    case 'days':
      if (p.target === 0) return p.remaining === 0 ? 'race day is today' : `${formatCount(p.remaining)} ${p.remaining === 1 ? 'day' : 'days'} to race day`;
      return `${formatCount(p.current)} of ${formatCount(p.target)} days`;
    case 'weeks':
      return `${formatCount(p.current)} of ${formatCount(p.target)} weeks`;
    case 'runs':
      return `${formatCount(p.remaining)} ${p.remaining === 1 ? 'run' : 'runs'} to go`;
    default:
      return `${formatCount(p.current)} of ${formatCount(p.target)}`;
  }
}

/** The reward still ahead that is nearest: the largest share done; the first one when none is measured. */
export function nearestReward<T>(ahead: readonly T[], done: (item: T) => number | null): T | null {
  let best: T | null = null;
  let bestDone = -1;
  for (const item of ahead) {
    const share = done(item);
    if (share !== null && share > bestDone) [best, bestDone] = [item, share];
  }
  return best ?? ahead[0] ?? null;
}

/** What a reward still ahead waits for, in words: `212 km to go to 3,000 km lifetime`, `waits for “Ran the ridge”`. */
export function describeRewardAhead(item: RewardAhead, units: DistanceUnit): string {
  const { label } = item.reward.target;
  return item.progress === null ? `waits for ${label}` : `${describeRewardProgress(item.progress, units)} (${label})`;
}

/** `next`'s reward line, for the runner's own terminal (a private reward's words too). */
export function describeNextReward(item: RewardAhead, units: DistanceUnit): string {
  return `Next reward: ${item.reward.text}, ${describeRewardAhead(item, units)}`;
}

/**
 * A reward as the site and the cards may show it. A private reward's words never leave the
 * runner's machine, nor do the words of a win of their own it waits for: both read "private".
 */
export interface PublishedReward {
  /** The reward's words; null for a private reward. */
  text: string | null;
  kind: WinKind;
  /** What earned it (the win's title) or what it waits for (`1,000 km lifetime`). */
  label: string;
  /** The slug of the win that earned it; null while it is ahead. */
  win: string | null;
  date: IsoDate | null;
  /** How far away, in words (`157 km to go`); null once earned, or when there is nothing to measure. */
  progress: string | null;
  /** Share done, 0–1, while ahead; null when earned or not measured. */
  done: number | null;
}

/** The rewards as they may be published: earned in the order they were earned, then the ones ahead in file order. */
export function publishRewards(standing: RewardStanding, units: DistanceUnit): PublishedReward[] {
  const text = (reward: Reward) => (reward.private ? null : reward.text);
  const earned = standing.earned.map(({ reward, win }): PublishedReward => ({
    text: text(reward),
    kind: reward.target.kind,
    label: win.title,
    win: win.slug,
    date: win.date,
    progress: null,
    done: null,
  }));
  const ahead = standing.ahead.map(({ reward, progress: p }): PublishedReward => ({
    text: text(reward),
    kind: reward.target.kind,
    label: reward.target.kind === 'custom' && reward.private ? 'a win of your own' : reward.target.label,
    win: null,
    date: null,
    progress: p === null ? null : describeRewardProgress(p, units),
    done: p === null ? null : p.done,
  }));
  return [...earned, ...ahead];
}

/** A published reward's name: its words, or "A private reward". */
export function rewardName(reward: Pick<PublishedReward, 'text'>): string {
  return reward.text ?? 'A private reward';
}

/**
 * The line a win's card and feed item carry: `Reward: new trail shoes`; null without a reward. Only
 * private ones: `Reward earned`, which tells a stranger a promise was kept without its words.
 */
export function rewardLine(rewards: readonly Pick<PublishedReward, 'text'>[]): string | null {
  if (rewards.length === 0) return null;
  const words = rewards.filter((r) => r.text !== null).map((r) => r.text!);
  const hidden = rewards.length - words.length;
  if (words.length === 0) return hidden === 1 ? 'Reward earned' : `${formatCount(hidden)} rewards earned`;
  const shown = hidden > 0 ? [...words, hidden === 1 ? 'a private one' : `${formatCount(hidden)} private ones`] : words;
  return `${shown.length === 1 ? 'Reward' : 'Rewards'}: ${shown.join(' · ')}`;
}
