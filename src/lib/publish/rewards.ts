// The rewards as pages and cards may show them: a private reward's words never leave the engine.
import { matchRewards, publishRewards, type PublishedReward } from '../wins/rewards.ts';
import type { Journal, Win } from '../types.ts';

/** The journal's rewards as the site may show them (pages and cards both take them from here). */
export function publishedRewards(journal: Journal, wins: readonly Win[]): PublishedReward[] {
  const rewards = journal.rewards ?? [];
  if (rewards.length === 0) return [];
  const standing = matchRewards(rewards, wins, journal.runs, journal.goals, journal.profile, journal.today);
  return publishRewards(standing, journal.profile.units);
}
