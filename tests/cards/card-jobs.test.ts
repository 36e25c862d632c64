import { describe, expect, it } from 'vitest';
import { cardJobsForJournal } from '../../src/lib/cards/card-jobs.ts';
import { profileFontPaths } from '../../src/lib/journal/font-files.ts';
import type { Goal, Journal, Run } from '../../src/lib/types.ts';
import { loadProfile, loadWins } from './helpers.ts';

const profile = loadProfile();
const goal: Goal = {
  slug: 'lisbon-marathon', title: 'Lisbon Marathon', date: '2025-10-12', distance: 42195, elevation: null, start: null, body: '',
  source: { path: 'data/goals/lisbon-marathon.md', line: null, kind: 'markdown' },
};
const run = { distance: 5000 } as Run;
const journal: Journal = {
  runs: [run, run], stories: [], goals: [goal], profile, errors: [], warnings: [], skipped: {}, merged: 0, today: '2025-06-01',
  reflections: [],
};

describe('cardJobsForJournal', () => {
  const wins = loadWins();
  const jobs = cardJobsForJournal(journal, wins);

  it('puts three formats beside every win page', () => {
    const first = wins[0]!.slug;
    expect(jobs.filter((job) => job.path.startsWith(`wins/${first}/`)).map((job) => job.path)).toEqual([
      `wins/${first}/card-1200x630.png`,
      `wins/${first}/card-1080x1350.png`,
      `wins/${first}/card-1080x1920.png`,
    ]);
    expect(jobs).toHaveLength(wins.length * 3 + 2);
  });

  it('adds each goal with its countdown as of the journal today, and the site card', () => {
    const goalJob = jobs.find((job) => job.path === 'goals/lisbon-marathon/card-1200x630.png');
    expect(goalJob?.input.figure).toBe('19 weeks to go');
    const siteJob = jobs.find((job) => job.path === 'card-1200x630.png');
    expect(siteJob?.input.figure).toBe('10 km');
    expect(siteJob?.input.detail).toBe(`2 runs logged, ${wins.length} celebrated`);
  });
});

it('resolves profile fonts against the journal folder', () => {
  expect(profileFontPaths(['fonts/a.ttf', '/abs/b.otf'], '/journal')).toEqual(['/journal/fonts/a.ttf', '/abs/b.otf']);
});
