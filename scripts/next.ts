// `npm run next -- [--data DIR] [--json]`: what is within reach, the next rung of each ladder.
import { readJournal } from '../src/lib/journal/read-journal.ts';
import type { WinUnit } from '../src/lib/types.ts';
import { describeMilestone, nextMilestones } from '../src/lib/wins/next-milestones.ts';
import { findWins } from '../src/lib/wins/find-wins.ts';
import { describeNextReward, matchRewards, nearestReward } from '../src/lib/wins/rewards.ts';
import { parseCommandLine, printProblems, runCli, todayFromEnv } from './cli.ts';

const USAGE = `usage: npm run next -- [--data DIR] [--json]
  Prints what is within reach: the next rung of each ladder (distance, streaks, goals), as a coach
  would for where you are (building, taper, recovery, comeback, injured), and the nearest reward
  still ahead (rewards.md). --json prints { "milestones": [...], "reward": {...} | null }.`;

/** Whole metres and whole seconds: a float's last digits are no distance a runner can run. */
function rounded(value: number, unit: WinUnit): number {
  return unit === 'm' || unit === 'm-climb' || unit === 's' ? Math.round(value) : value;
}

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
    const out = {
      milestones: milestones.map((m) => ({
        kind: m.kind,
        label: m.label,
        text: describeMilestone(m, units),
        remaining: rounded(m.remaining, m.unit),
        target: rounded(m.target, m.unit),
        unit: m.unit,
        date: m.date,
        goal: m.goal,
        phase: m.phase,
        pace: m.pace,
        time: m.time,
      })),
      reward:
        reward === null
          ? null
          : {
              text: reward.reward.text,
              kind: reward.reward.target.kind,
              label: reward.reward.target.label,
              progress:
                reward.progress === null
                  ? null
                  : {
                      ...reward.progress,
                      current: rounded(reward.progress.current, reward.progress.unit),
                      target: rounded(reward.progress.target, reward.progress.unit),
                      remaining: rounded(reward.progress.remaining, reward.progress.unit),
                    },
              line: describeNextReward(reward, units),
            },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  for (const milestone of milestones) process.stdout.write(`${describeMilestone(milestone, units)}\n`);
  if (reward !== null) process.stdout.write(`${describeNextReward(reward, units)}\n`);
  return 0;
});
