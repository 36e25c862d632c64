// What `check` reports: the JSON object for tools, and the one line for people.
import type { IsoDate, Journal, Problem } from '../types.ts';
import { formatCount, formatDistance } from '../format/units.ts';
import { TOO_SHORT } from './imports/activity.ts';

export interface ProblemSummary {
  path: string;
  line: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

export interface CheckSummary {
  runs: number;
  /** Metres, rounded to the metre. */
  distance: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  journalEntries: number;
  goals: number;
  /** Rewards in `rewards.md`. */
  rewards: number;
  skipped: Record<string, number>;
  merged: number;
  errors: ProblemSummary[];
  warnings: ProblemSummary[];
}

function summarizeProblem(p: Problem): ProblemSummary {
  return { path: p.path, line: p.line, field: p.field, value: p.value, message: p.message };
}

export function summarizeJournal(j: Journal): CheckSummary {
  const distance = j.runs.reduce((sum, run) => sum + run.distance, 0);
  return {
    runs: j.runs.length,
    distance: Math.round(distance),
    firstDate: j.runs[0]?.date ?? null,
    lastDate: j.runs.at(-1)?.date ?? null,
    journalEntries: j.stories.length,
    goals: j.goals.length,
    rewards: j.rewards?.length ?? 0,
    skipped: j.skipped,
    merged: j.merged,
    errors: j.errors.map(summarizeProblem),
    warnings: j.warnings.map(summarizeProblem),
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** `312 runs from 2024-01-06 to 2025-12-28, 2,841.5 km, 11 journal entries, 1 goal`. */
export function formatSummaryLine(summary: CheckSummary, unit: Journal['profile']['units']): string {
  if (summary.runs === 0) {
    return `No runs yet: ${plural(summary.journalEntries, 'journal entry', 'journal entries')}, ${plural(summary.goals, 'goal')}. Add a CSV or a journal entry with a date and a distance to start.`;
  }
  const range = summary.firstDate === summary.lastDate ? `on ${summary.firstDate}` : `from ${summary.firstDate} to ${summary.lastDate}`;
  const parts = [
    `${plural(summary.runs, 'run')} ${range}`,
    formatDistance(summary.distance, unit, { decimals: 1 }),
    plural(summary.journalEntries, 'journal entry', 'journal entries'),
    plural(summary.goals, 'goal'),
  ];
  if (summary.rewards > 0) parts.push(plural(summary.rewards, 'reward'));
  if (summary.merged > 0) parts.push(`${formatCount(summary.merged)} imported merged`);
  const short = summary.skipped[TOO_SHORT] ?? 0;
  const skipped = Object.entries(summary.skipped).reduce((sum, [sport, n]) => (sport === TOO_SHORT ? sum : sum + n), 0);
  if (skipped > 0) parts.push(`${formatCount(skipped)} other activities skipped`);
  if (short > 0) parts.push(`${plural(short, 'recording')} too short to be ${short === 1 ? 'a run' : 'runs'}`);
  if (summary.warnings.length > 0) parts.push(plural(summary.warnings.length, 'warning'));
  return parts.join(', ');
}
