// What a runner did before the journal began (the profile's `running_since` and `bests`): the
// records the engine starts from, so a runner who starts the journal mid-career is not told of
// firsts and bests they passed years ago.
import type { Profile } from '../types.ts';

/** The names a best may go by in `profile.md`, and the standard distance each one is. */
export const KNOWN_BEST_NAMES: Readonly<Record<string, string>> = {
  mile: '1-mile',
  '1-mile': '1-mile',
  '5k': '5k',
  '10k': '10k',
  '15k': '15k',
  '10-miles': '10-miles',
  '10 miles': '10-miles',
  half: 'half-marathon',
  'half-marathon': 'half-marathon',
  'half marathon': 'half-marathon',
  '30k': '30k',
  marathon: 'marathon',
  '50k': '50k',
};

/** The longest run before the journal, metres (0 when not known). */
export function knownLongest(profile: Profile): number {
  return profile.bests?.longest ?? 0;
}

/** The best time before the journal at a standard distance, seconds; null when not known. */
export function knownBestTime(profile: Pick<Profile, 'bests'>, distanceName: string): number | null {
  return profile.bests?.times[distanceName] ?? null;
}

/** True when the runner ran before the journal's first run (on `date`). */
export function ranBefore(profile: Profile, firstRunDate: string): boolean {
  return (profile.runningSince != null && profile.runningSince < firstRunDate) || knownLongest(profile) > 0;
}
