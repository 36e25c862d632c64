// Rewards from a real journal folder written by each test: rewards.md read into the engine's keys,
// its problems located, each reward matched to the win that earns it, the ones ahead measured, and
// what the site, the cards, `log` and `next` say about them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/format/dates.ts';
import { formatProblem } from '../../src/lib/journal/problems.ts';
import { parseRewards } from '../../src/lib/journal/rewards.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { formatSummaryLine, summarizeJournal } from '../../src/lib/journal/summary.ts';
import { logRun } from '../../src/lib/log/log-run.ts';
import { publishedRewards } from '../../src/lib/publish/rewards.ts';
import { cardJobsForJournal } from '../../src/lib/cards/card-jobs.ts';
import type { Journal } from '../../src/lib/types.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { describeNextReward, matchRewards, nearestReward, rewardLine } from '../../src/lib/wins/rewards.ts';
import { makeRun } from './make-run.ts';

let scratch: string;
let data: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rewards-'));
  data = join(scratch, 'data');
  mkdirSync(join(data, 'goals'), { recursive: true });
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Twelve 10 km runs, one every Monday from 2025-01-06; the third names a win of its own. */
function writeJournal(rewards: string, runs = 12): void {
  const rows = Array.from({ length: runs }, (_, i) => `${addDays('2025-01-06', 7 * i)},10,1:00:00,Run ${i + 1},${i === 2 ? 'Ran to the lake' : ''}`);
  writeFileSync(join(data, 'runs.csv'), `date,distance,time,title,win\n${rows.join('\n')}\n`);
  writeFileSync(join(data, 'goals', 'spring-half.md'), '---\ntitle: Spring Half\ndate: 2025-06-01\ndistance: half\nstart: 2025-01-01\n---\n');
  writeFileSync(join(data, 'rewards.md'), rewards);
}

const GOOD = `# My rewards

Things I promised myself. Prose between the items is mine and stays as it is.

- New socks at 100 km lifetime
- A massage after my first half marathon
- Cake at 25% of Spring Half
- Ice cream for "Ran to the lake"
- A book about the Tour de France at an 8-week streak
  private: yes
- Tickets at 500 km lifetime
- A day off at a 26-week streak
`;

async function read(): Promise<Journal> {
  return readJournal(data);
}

describe('rewards.md', () => {
  it('reads each list item into the engine keys of the win it names, prose and headings left alone', async () => {
    writeJournal(GOOD);
    const journal = await read();
    expect(journal.errors.map(formatProblem)).toEqual([]);
    expect(journal.warnings).toEqual([]);
    expect(formatSummaryLine(summarizeJournal(journal), 'km')).toMatch(/, 1 goal, 7 rewards$/);
    const rewards = journal.rewards ?? [];
    expect(rewards.map((r) => [r.text, r.target.kind, r.target.value, r.target.goal ?? r.target.rung ?? r.target.words, r.private, r.source.line])).toEqual([
      ['New socks', 'total-distance', 100_000, null, false, 5],
      ['A massage', 'distance-first', 21_097.5, 'half-marathon', false, 6],
      ['Cake', 'goal-progress', 25, 'spring-half', false, 7],
      ['Ice cream', 'custom', null, 'Ran to the lake', false, 8],
      ['A book about the Tour de France', 'weekly-streak', 8, null, true, 9],
      ['Tickets', 'total-distance', 500_000, null, false, 11],
      ['A day off', 'weekly-streak', 26, null, false, 12],
    ]);
  });

  it('matches each reward to the first win that meets it, and measures the rest from the runs', async () => {
    writeJournal(GOOD);
    const journal = await read();
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const standing = matchRewards(journal.rewards!, wins, journal.runs, journal.goals, journal.profile, journal.today);
    expect(standing.earned.map(({ reward, win }) => [reward.text, win.slug])).toEqual([
      ['Cake', '2025-01-06-spring-half-25-percent'],
      ['Ice cream', '2025-01-20-ran-to-the-lake'],
      ['A book about the Tour de France', '2025-02-24-8-week-streak'],
      ['New socks', '2025-03-10-100-km-lifetime'],
    ]);
    const ahead = standing.ahead.map(({ reward, progress }) => [reward.text, progress && [progress.current, progress.target, progress.remaining]]);
    expect(ahead).toEqual([
      ['A massage', [10_000, 21_097.5, 11_097.5]],
      ['Tickets', [120_000, 500_000, 380_000]],
      ['A day off', [12, 26, 14]],
    ]);
    // The nearest is the largest share done: 10 of 21.1 km (47%) before 12 of 26 weeks and 120 of 500 km.
    const nearest = nearestReward(standing.ahead, (item) => item.progress?.done ?? null)!;
    expect(nearest.reward.text).toBe('A massage');
    expect(describeNextReward(standing.ahead[1]!, 'km')).toBe('Next reward: Tickets, 380 km to go (500 km lifetime)');
    expect(describeNextReward(standing.ahead[0]!, 'km')).toBe('Next reward: A massage, 11.1 km to go (first half marathon)');
    expect(describeNextReward(standing.ahead[2]!, 'km')).toBe('Next reward: A day off, 12 of 26 weeks (26-week streak)');
  });

  it('earns a lower rung a single run jumped over: the engine names only the highest', async () => {
    writeJournal('- Socks at 100 km lifetime\n- A first-run cake at first run\n', 0);
    writeFileSync(join(data, 'runs.csv'), 'date,distance\n2025-01-06,30\n2025-01-07,80\n');
    const journal = await read();
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    // 30 → 110 km crosses 100: the win is 100 km; from 0 to 30 nothing was crossed.
    const standing = matchRewards(journal.rewards!, wins, journal.runs, journal.goals, journal.profile, journal.today);
    expect(standing.earned.map(({ reward, win }) => [reward.text, win.date, win.kind])).toEqual([
      ['A first-run cake', '2025-01-06', 'first-run'],
      ['Socks', '2025-01-07', 'total-distance'],
    ]);
  });

  it('reports a reward that can never be earned, and a malformed line, at path:line with what was expected', async () => {
    writeJournal(`# Rewards
- A new watch at a 5-week streak
- Coffee after my first 7 km
- Shoes at 50% of Autumn Marathon
- Cake at 60% of Spring Half
- Socks at 300 km lifetime
- just something nice
- Dinner at Luigi's after "A win I have not had yet"
  colour: blue
  private: maybe
`);
    const journal = await read();
    const at = join(data, 'rewards.md').replace(`${process.cwd()}/`, '');
    expect(journal.errors.map(formatProblem)).toEqual([
      `${at}:2: reward: got "5-week streak", expected a weekly streak: 4, 8, 12, 26, 52, 78, 104 and every 52 after 104 (this reward can never be earned)`,
      expect.stringMatching(new RegExp(`^${at}:3: reward: got "7 km", expected a rung of the distance ladder: 1 km, 2 km, .*, 100 miles \\(this reward can never be earned\\)$`)),
      `${at}:4: reward: got "Autumn Marathon", expected a goal in goals/ ("Spring Half") (this reward can never be earned)`,
      `${at}:5: reward: got "60%", expected a goal step: 25%, 50%, 75%, 100% (this reward can never be earned)`,
      `${at}:6: reward: got "300 km lifetime", expected a lifetime rung in km (your profile's unit): 100, 500, 1,000 and every 1,000 after 1,000 (this reward can never be earned)`,
      expect.stringMatching(new RegExp(`^${at}:7: reward: got "just something nice", expected "- <reward> at <win>", where <win> is like`)),
      `${at}:10: private: got "maybe", expected yes or no`,
    ]);
    expect(journal.warnings.map(formatProblem)).toEqual([
      `${at}:8: reward: got "A win I have not had yet", expected a win of your own that a run names (its "win" field); none does yet, so this reward waits for one`,
      `${at}:9: colour: expected a reward field: private`,
    ]);
    // "Luigi's" keeps its "at": the line splits where the rest names a win.
    expect(journal.rewards!.map((r) => r.text)).toEqual(["Dinner at Luigi's"]);
  });

  it('reads run counts and Eddington numbers only at their rungs, and says which rungs exist', async () => {
    writeJournal(`# Rewards
- Shoes at my 150th run
- Socks at 25th run
- Cake at my 1st run
- Tea at my 50th run
- A map at Eddington 20
- A flag at Eddington 25
`);
    const journal = await read();
    const at = join(data, 'rewards.md').replace(`${process.cwd()}/`, '');
    expect(journal.errors.map(formatProblem)).toEqual([
      `${at}:2: reward: got "150th run", expected a run count: 10, 50, 100, 250, 500, 1,000 and every 500 after 1,000 (this reward can never be earned)`,
      `${at}:3: reward: got "25th run", expected a run count: 10, 50, 100, 250, 500, 1,000 and every 500 after 1,000 (this reward can never be earned)`,
      `${at}:6: reward: got "20", expected an Eddington rung: 10, 25, 50, 75, 100 (this reward can never be earned)`,
    ]);
    // The 1st run is the first-run win, not a count.
    expect(journal.rewards!.map((r) => [r.text, r.target.kind, r.target.value])).toEqual([
      ['Cake', 'first-run', null],
      ['Tea', 'run-count', 50],
      ['A flag', 'eddington', 25],
    ]);
  });

  it('reports a reward at an Eddington number when the profile turns Eddington off', async () => {
    writeJournal('- A flag at Eddington 25\n');
    writeFileSync(join(data, 'profile.md'), '---\neddington: no\n---\n');
    const journal = await read();
    const at = join(data, 'rewards.md').replace(`${process.cwd()}/`, '');
    expect(journal.profile.eddington).toBe(false);
    expect(journal.errors.map(formatProblem)).toEqual([
      `${at}:1: reward: got "Eddington 25", expected a win this journal gives (profile.md says eddington: no) (this reward can never be earned)`,
    ]);
  });

  it('reports a first without stopping past 10K as never earned, and names the win that is', async () => {
    writeJournal(`# Rewards
- A medal hook after my first 10K without stopping
- New socks after my first 12 km without stopping
`);
    const journal = await read();
    const at = join(data, 'rewards.md').replace(`${process.cwd()}/`, '');
    expect(journal.errors.map(formatProblem)).toEqual([
      `${at}:3: reward: got "first 12 km without stopping", expected a rung without stopping, up to 10K (past it, a first is one with or without walk breaks: "first 12 km") (this reward can never be earned)`,
    ]);
    expect(journal.rewards!.map((r) => r.target.kind)).toEqual(['nonstop-first']);
  });
});

describe('private: yes', () => {
  it('keeps the reward above it private even unindented, and a private line under no reward is an error', async () => {
    writeJournal('- Socks at 100 km lifetime\nprivate: yes\n\nSome notes.\n\nprivate: yes\n- Tea at 500 km lifetime\n  PRIVATE: true\n');
    const journal = await read();
    expect(journal.rewards!.map((r) => [r.text, r.private])).toEqual([
      ['Socks', true],
      ['Tea', true],
    ]);
    expect(journal.errors.map((p) => [p.line, p.field, p.message])).toEqual([[6, 'private', 'expected a "private:" line right under the reward it keeps private']]);
  });
});

describe('private: yes as people write it', () => {
  const FORMS = [
    '- Socks at 100 km lifetime',
    '  - private: yes',
    '- Tea at 2,000 km lifetime',
    '  private： yes',
    '- Cake at 25% of Spring Half',
    '- private: yes',
    '- A massage after my first half marathon',
    '  * Private ﹕ true',
    '- New shoes at 500 km lifetime',
    '',
  ].join('\n');

  it('reads a sub-bullet, a full-width colon and a bullet of its own as the flag of the reward above', async () => {
    writeJournal(FORMS);
    const journal = await read();
    expect(journal.errors.map(formatProblem)).toEqual([]);
    expect(journal.warnings.map(formatProblem)).toEqual([]);
    expect(journal.rewards!.map((r) => [r.text, r.private, r.source.line])).toEqual([
      ['Socks', true, 1],
      ['Tea', true, 3],
      ['Cake', true, 5],
      ['A massage', true, 7],
      ['New shoes', false, 9],
    ]);
  });

  it('warns at path:line for a near-miss spelling or a privacy line it does not read', async () => {
    writeJournal(
      [
        '- Socks at 100 km lifetime',
        '  privat: yes',
        '- Tea at 2,000 km lifetime',
        '  is_private: yes',
        '- Cake at 25% of Spring Half',
        '  - private?: yes',
        '- A massage after my first half marathon',
        '  private yes',
        '- New shoes at 500 km lifetime',
        '(private)',
        '',
        'Rewards I keep private stay off the site: a note of mine, not a flag.',
        '',
      ].join('\n'),
    );
    const journal = await read();
    expect(journal.rewards!.map((r) => r.private)).toEqual([false, false, false, false, false]);
    const where = (p: { path: string; line: number | null; field: string | null }) => [p.path.slice(p.path.indexOf('data/')), p.line, p.field];
    expect(journal.warnings.map(where)).toEqual([
      ['data/rewards.md', 2, 'privat'],
      ['data/rewards.md', 4, 'is_private'],
      ['data/rewards.md', 6, 'private?'],
      ['data/rewards.md', 8, 'private'],
      ['data/rewards.md', 10, 'private'],
    ]);
    expect(journal.warnings.slice(0, 3).every((p) => p.message.includes('"private"') && p.message.includes('public'))).toBe(true);
    expect(journal.warnings.slice(3).every((p) => p.message.includes('not read'))).toBe(true);
    expect(journal.errors).toEqual([]);
  });

  it('keeps a sub-bullet private reward\'s words out of what is published', async () => {
    writeJournal('- A book about the Tour de France at an 8-week streak\n  - private: yes\n- Tickets at 500 km lifetime\n');
    const journal = await read();
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const published = publishedRewards(journal, wins);
    expect(published.map((r) => [r.text, r.label])).toEqual([
      [null, '8-week streak'],
      ['Tickets', '500 km lifetime'],
    ]);
    expect(JSON.stringify(published)).not.toContain('Tour de France');
    expect(JSON.stringify(cardJobsForJournal(journal, wins))).not.toContain('Tour de France');
  });
});

describe('what is published', () => {
  it('keeps a private reward counted but without its words, on the site and on the cards', async () => {
    writeJournal(GOOD);
    const journal = await read();
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const published = publishedRewards(journal, wins);
    expect(published).toHaveLength(7);
    expect(JSON.stringify(published)).not.toContain('Tour de France');
    expect(published.find((r) => r.win === '2025-02-24-8-week-streak')).toMatchObject({ text: null, label: '8-week streak', date: '2025-02-24' });
    expect(published.filter((r) => r.win === null).map((r) => r.progress)).toEqual(['11.1 km to go', '380 km to go', '12 of 26 weeks']);
    const jobs = cardJobsForJournal(journal, wins);
    const reward = (slug: string) => jobs.find((job) => job.path === `wins/${slug}/card-1200x630.png`)?.input.reward;
    expect(reward('2025-03-10-100-km-lifetime')).toBe('Reward: New socks');
    // To a stranger a private reward is a reward earned: no words of it, and no odd "private" either.
    expect(reward('2025-02-24-8-week-streak')).toBe('Reward earned');
    expect(rewardLine([{ text: null }, { text: null }])).toBe('2 rewards earned');
    expect(reward('2025-01-13-first-10k')).toBeUndefined();
    expect(JSON.stringify(jobs)).not.toContain('Tour de France');
    expect(rewardLine([{ text: 'Cake' }, { text: null }, { text: 'Tea' }])).toBe('Rewards: Cake · Tea · a private one');
  });
});

describe('log', () => {
  it('announces a reward the moment the run that earns it is logged, a private one on the terminal too', async () => {
    writeJournal(GOOD, 11);
    const env = { defaultData: data, journalToday: null, now: new Date('2025-03-24T12:00:00Z') };
    const before = await logRun(['--data', data, '2025-03-17', '9'], env);
    expect(before.stdout).not.toContain('Reward earned');
    // 119 km: 500 km lifetime is far; the 12th week is a 12-week streak (no reward on it).
    writeFileSync(join(data, 'rewards.md'), `${GOOD}- A sauna at a 12-week streak\n  private: yes\n`);
    const outcome = await logRun(['--data', data, '2025-03-24', '8', '--json'], env);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout).rewards).toEqual([{ text: 'A sauna', win: '2025-03-24-12-week-streak', for: '12-week streak', private: true }]);
    const text = await logRun(['--data', data, '2025-03-31', '380'], env);
    expect(text.stdout).toContain('Reward earned: Tickets (for 500 km lifetime)\n');
  });
});

describe('a barrier already broken without a win', () => {
  /** A first timed 5K in 24:50, then slower ones: sub-25 is her benchmark, never a win. */
  function writeFastFirst(rewards: string, profile = ''): void {
    writeFileSync(join(data, 'runs.csv'), 'date,distance,time\n2025-03-01,5,24:50\n2025-03-08,5,26:10\n2025-03-15,5,25:40\n');
    writeFileSync(join(data, 'rewards.md'), rewards);
    if (profile !== '') writeFileSync(join(data, 'profile.md'), profile);
  }

  it('is an error at the reward\'s line naming the first effort and the next barrier', async () => {
    writeFastFirst('- A new watch at sub-25 5K\n- A new cap at sub-22:30 5K\n');
    const journal = await read();
    expect(journal.errors.map(formatProblem)).toEqual([
      `${journal.errors[0]!.path}:1: reward: got "sub-25", expected a barrier still ahead: your first 5K (24:50 on 2025-03-01) was already under it, and it is the benchmark later runs are measured from, not a win; the next one is sub-22:30 5K (this reward can never be earned)`,
    ]);
    expect((journal.rewards ?? []).map((r) => r.text)).toEqual(['A new cap']);
  });

  it('names the profile\'s best from before the journal when that is the benchmark', async () => {
    writeFastFirst('- A new watch at sub-25 5K\n', '---\nbests:\n  5k: 23:40\n---\n');
    const journal = await read();
    expect(journal.errors.map((p) => p.message)).toEqual([
      'expected a barrier still ahead: your 5K best from before the journal (23:40, in profile.md) was already under it, and it is the benchmark later runs are measured from, not a win; the next one is sub-22:30 5K (this reward can never be earned)',
    ]);
  });

  it('is earned by the run that breaks it when the first effort was slower', async () => {
    writeFileSync(join(data, 'runs.csv'), 'date,distance,time\n2025-03-01,5,26:10\n2025-03-08,5,24:50\n');
    writeFileSync(join(data, 'rewards.md'), '- A new watch at sub-25 5K\n');
    const journal = await read();
    expect(journal.errors).toEqual([]);
    const standing = matchRewards(journal.rewards ?? [], findWins(journal.runs, journal.goals, journal.profile), journal.runs, journal.goals, journal.profile, null);
    expect(standing.earned.map((e) => [e.reward.text, e.win.date, e.win.kind])).toEqual([['A new watch', '2025-03-08', 'barrier']]);
  });
});

describe('any text', () => {
  const lakeRun = makeRun({ date: '2025-01-20', km: 10, time: 3600, win: 'Ran to the lake' });
  const context = { profile: { units: 'km' as const }, goals: [{ slug: 'spring-half', title: 'Spring Half' }], runs: [lakeRun] };
  const piece = fc.constantFrom('- ', '* ', '  ', 'private: ', 'yes', ' at ', ' after ', ' for ', '100', 'km', ' lifetime', 'first ', 'half marathon', '% of ', 'Spring Half', 'sub-60 10K', 'sub-25 5K', '"', '\n', '```', '---', 'é', '\u202e');
  it('never throws, and every problem names its line inside the file', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const { rewards, problems } = parseRewards(text, 'data/rewards.md', context);
        const lines = text.split(/\r?\n/).length;
        for (const p of problems) expect(p.line! >= 1 && p.line! <= lines).toBe(true);
        for (const r of rewards) expect(r.text.trim()).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  // Trying every split of a line of joining words would never end: the test's timeout is the guard
  // (how long it takes is the benchmark's business, not a test's).
  it('reads a 1 MB line as one malformed reward', () => {
    const { problems } = parseRewards(`- ${'at '.repeat(350_000)}\n`, 'data/rewards.md', context);
    expect(problems).toHaveLength(1);
  });
});
