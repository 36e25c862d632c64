// Which cards a site has, and where each lands: three formats beside every win's page, the
// default card at the root, and a countdown card beside every goal's page. Pure: no I/O.
import type { Journal, Win } from '../types.ts';
import { cardInputForGoal, cardInputForSite, cardInputForWin, type CardContext } from './card-input.ts';
import { CARD_FORMATS, cardFileName } from './formats.ts';
import type { CardJob } from './render-all.ts';
import { publishedRewards } from '../publish/rewards.ts';
import { rewardLine } from '../wins/rewards.ts';

/** Each rewarded win's line, by slug: the same published rewards the site shows. */
function rewardLines(journal: Journal, wins: readonly Win[]): Map<string, string> {
  const byWin = Map.groupBy(publishedRewards(journal, wins).filter((r) => r.win !== null), (r) => r.win!);
  return new Map([...byWin].map(([slug, rewards]) => [slug, rewardLine(rewards)!]));
}

/** `site`: the build's public URL with its base path, when it was given one (see `CardContext`). */
export function cardJobsForJournal(journal: Journal, wins: readonly Win[], options: { site?: string | null } = {}): CardJob[] {
  const { profile } = journal;
  const context: CardContext = {
    runs: new Map(journal.runs.map((run) => [run.id, run])),
    site: options.site ?? null,
    rewards: rewardLines(journal, wins),
  };
  const jobs: CardJob[] = [];
  for (const win of wins) {
    const input = cardInputForWin(win, profile, context);
    for (const format of CARD_FORMATS) jobs.push({ input, format, path: `wins/${win.slug}/${cardFileName(format)}` });
  }
  for (const goal of journal.goals) {
    jobs.push({ input: cardInputForGoal(goal, journal.today, profile, context), format: '1200x630', path: `goals/${goal.slug}/${cardFileName('1200x630')}` });
  }
  const totals = {
    runs: journal.runs.length,
    distance: journal.runs.reduce((sum, run) => sum + run.distance, 0),
    wins: wins.length,
  };
  jobs.push({ input: cardInputForSite(profile, totals, context), format: '1200x630', path: cardFileName('1200x630') });
  return jobs;
}
