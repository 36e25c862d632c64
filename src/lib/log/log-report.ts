// What `log` tells the runner: the run it wrote, the wins it earned (or what is within reach),
// and, for a run dated before the last one, the earlier wins it changed.
import { formatDistance, formatDuration } from '../format/units.ts';
import { formatProblem } from '../journal/problems.ts';
import type { DistanceUnit, IsoDate, PreviousRecord, Problem, Run, Win, WinKind, WinUnit } from '../types.ts';

/** A win as `log --json` prints it: the fields `wins --json` shares, plus its page. */
export interface WinSummary {
  slug: string;
  kind: WinKind;
  date: IsoDate;
  title: string;
  value: number;
  unit: WinUnit;
  previous: PreviousRecord | null;
  runs: string[];
  /** The win's page, relative to the site's base. */
  url: string;
}

export interface RewardSummary {
  text: string;
  /** The slug of the win that earned it. */
  win: string;
  /** The win's title. */
  for: string;
  private: boolean;
}

export interface LoggedRun {
  id: string;
  date: IsoDate;
  distance: number;
  time: number | null;
  title: string | null;
}

export interface LogReport {
  file: string;
  /** The line of the new record, as `check` would name it. */
  line: number;
  /** True when the file did not exist and was created with a header. */
  created: boolean;
  run: LoggedRun | null;
  story: string | null;
  /** The wins this run earned. */
  wins: WinSummary[];
  /** For a run dated before the journal's last run: the other wins it changed. */
  changed: { lastRun: IsoDate; added: WinSummary[]; removed: WinSummary[] } | null;
  /** The rewards this run earned: the runner's own words (their terminal; private ones too). */
  rewards: RewardSummary[];
  /** When it earned nothing: the nearest milestones, as sentences. */
  next: string[];
  warnings: Problem[];
}

export function winPath(slug: string): string {
  return `/wins/${slug}/`;
}

export function summarizeWin(win: Win): WinSummary {
  const { slug, kind, date, title, value, unit, previous, runs } = win;
  return { slug, kind, date, title, value, unit, previous, runs, url: winPath(slug) };
}

/** How a command announces a win it brought. */
export function formatNewWinLine(win: WinSummary): string {
  return `New win: ${win.title}!  ${win.url}`;
}

/** How `log` announces a reward the moment it is earned. */
export function formatRewardLine(reward: RewardSummary): string {
  return `Reward earned: ${reward.text} (for ${reward.for})${reward.private ? ' [private: not on the site]' : ''}`;
}

export function loggedRun(run: Run): LoggedRun {
  return { id: run.id, date: run.date, distance: run.distance, time: run.time, title: run.title };
}

function describeRun(report: LogReport, unit: DistanceUnit): string {
  const run = report.run;
  if (run === null) return `Logged a run in ${report.file} (line ${report.line}).`;
  const time = run.time === null ? '' : ` in ${formatDuration(run.time)}`;
  const title = run.title === null ? '' : ` "${run.title}"`;
  return `Logged ${formatDistance(run.distance, unit)}${time} on ${run.date}${title} in ${report.file} (line ${report.line}).`;
}

export function formatLogReport(report: LogReport, unit: DistanceUnit): { stdout: string; stderr: string } {
  const out: string[] = [];
  out.push(describeRun(report, unit));
  if (report.created) out.push(`(${report.file} was new: it starts with a header row.)`);
  if (report.story !== null) out.push(`Story: ${report.story} (write it there; it is attached to this run)`);
  for (const win of report.wins) out.push(formatNewWinLine(win));
  for (const reward of report.rewards) out.push(formatRewardLine(reward));
  if (report.wins.length === 0) {
    out.push(report.next.length > 0 ? `No new win this time. Within reach: ${report.next.join('; ')}` : 'No new win this time.');
  }
  const err: string[] = report.warnings.map((p) => `warning: ${formatProblem(p)}`);
  if (report.changed !== null) {
    const { lastRun, added, removed } = report.changed;
    const changes = [...removed.map((w) => `  - no longer: ${w.title} (${w.date})`), ...added.map((w) => `  + now: ${w.title} (${w.date})  ${w.url}`)];
    err.push(
      changes.length === 0
        ? `warning: this run is dated before your last run (${lastRun}); it changes no other win.`
        : `warning: this run is dated before your last run (${lastRun}); it changes these wins:\n${changes.join('\n')}`,
    );
  }
  return { stdout: `${out.join('\n')}\n`, stderr: err.length === 0 ? '' : `${err.join('\n')}\n` };
}
