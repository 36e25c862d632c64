// One moment, one line: the wins one run earned are one moment (one entry in lists and the feed,
// one page, one set of cards), led by the runner's own `win` words when she wrote them, else by
// the day's order (headline first, then KIND_RANK: docs/wins.md). Pure. What must hold: the lead,
// and so the moment's slug, depends only on the wins of its own run, so it never changes when
// later runs are added; an anniversary is a moment of its own day, not of a run.
import type { Win } from '../types.ts';
import { KIND_RANK_ORDER } from '../model/kinds.ts';

export type MomentWin = Pick<Win, 'slug' | 'kind' | 'runs' | 'headline'>;

export interface Moment<T extends MomentWin> {
  /** The lead win's slug: the moment's address. */
  slug: string;
  lead: T;
  /** The run's other wins, in the day's order. */
  facets: T[];
}

/** The day's order within one run: the runner's own words, then headlines, then the kind's rank. */
function leadOrder(a: MomentWin, b: MomentWin): number {
  const own = Number(b.kind === 'custom') - Number(a.kind === 'custom');
  if (own !== 0) return own;
  if (a.headline !== b.headline) return a.headline ? -1 : 1;
  return (KIND_RANK_ORDER.get(a.kind) ?? 0) - (KIND_RANK_ORDER.get(b.kind) ?? 0);
}

/** The wins as moments, in the order of each moment's first win in `wins`. */
export function groupMoments<T extends MomentWin>(wins: readonly T[]): Moment<T>[] {
  const byRun = new Map<string, T[]>();
  for (const win of wins) {
    const key = win.kind === 'anniversary' || win.runs[0] === undefined ? `win:${win.slug}` : `run:${win.runs[0]}`;
    const group = byRun.get(key);
    if (group) group.push(win);
    else byRun.set(key, [win]);
  }
  return [...byRun.values()].map((group) => {
    const [lead, ...facets] = [...group].sort(leadOrder);
    return { slug: lead!.slug, lead: lead!, facets };
  });
}

/** For every win, the slug of the moment it appears under (its own for a lead). */
export function momentOf(moments: readonly Moment<MomentWin>[]): Map<string, string> {
  const of = new Map<string, string>();
  for (const moment of moments) for (const win of [moment.lead, ...moment.facets]) of.set(win.slug, moment.slug);
  return of;
}
