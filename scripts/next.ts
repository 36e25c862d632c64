// `npm run next -- [--data DIR] [--json]`: what is within reach, the next rung of each ladder.
import { readJournal } from '../src/lib/journal/read-journal.ts';
import { describeMilestone, nextMilestones } from '../src/lib/wins/next-milestones.ts';
import { findWins } from '../src/lib/wins/find-wins.ts';
import { describeNextReward, matchRewards, nearestReward } from '../src/lib/wins/rewards.ts';
import { parseCommandLine, printProblems, runCli, todayFromEnv } from './cli.ts';

const USAGE = `usage: npm run next -- [--data DIR] [--json]
  Prints what is within reach: the next rung of each ladder (distance, streaks, goals), and the
  nearest reward still ahead (rewards.md).`;

await runCli(async () => {
  const { values, dataDir } = parseCommandLine(process.argv.slice(2), { json: { type: 'boolean' } }, USAGE);
  const journal = await readJournal(dataDir, { today: todayFromEnv() });
  if (journal.errors.length > 0) {
    printProblems([...journal.errors, ...journal.warnings]);
    const n = journal.errors.length;
    process.stderr.write(`${dataDir}: ${n} error${n === 1 ? '' : 's'}\n`);
    return 1;
  }
  const units = journal.profile.units;
  const milestones = nextMilestones(journal.runs, journal.goals, journal.profile, journal.today);
  const rewards = journal.rewards ?? [];
  const standing = rewards.length === 0 ? null : matchRewards(rewards, findWins(journal.runs, journal.goals, journal.profile), journal.runs, journal.goals, journal.profile, journal.today);
  const reward = standing === null ? null : nearestReward(standing.ahead, (item) => item.progress?.done ?? null);
  if (values.json) {
    const withText = milestones.map((m) => ({ ...m, text: describeMilestone(m, units) }));
    process.stdout.write(`${JSON.stringify(withText, null, 2)}\n`);
    return 0;
  }
  for (const milestone of milestones) process.stdout.write(`${describeMilestone(milestone, units)}\n`);
  if (reward !== null) process.stdout.write(`${describeNextReward(reward, units)}\n`);
  return 0;
});
