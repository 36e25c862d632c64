import { describe, expect, it } from 'vitest';
import { buildJournal, type JournalSources } from '../../src/lib/journal/build-journal.ts';
import { parseProfile } from '../../src/lib/journal/profile.ts';
import { FIXTURES, fixture } from './helpers.ts';

function sources(order: 'as-listed' | 'reversed'): JournalSources {
  const file = (path: string) => ({ path: `${FIXTURES}/${path}`, text: fixture(path) });
  const entry = (path: string, storyId: string) => ({ ...file(path), storyId });
  const csv = [file('good/more-runs.csv'), file('good/runs.csv'), file('stories/runs.csv')];
  const entries = [
    entry('good/journal/2024-01-13-parkrun.md', 'journal/2024-01-13-parkrun'),
    entry('good/journal/2024-01-20-first-4k.md', 'journal/2024-01-20-first-4k'),
    entry('good/journal/2024/2024-02-10-trail.mdx', 'journal/2024/2024-02-10-trail'),
    entry('stories/journal/2024-05-03-a.md', 'journal/2024-05-03-a'),
    entry('stories/journal/2024-05-03-b.md', 'journal/2024-05-03-b'),
  ];
  const flip = <T>(list: T[]) => (order === 'reversed' ? [...list].reverse() : list);
  const { profile, problems } = parseProfile(fixture('good/profile.md'), `${FIXTURES}/good/profile.md`);
  return {
    profile,
    profileProblems: problems,
    csv: flip(csv),
    entries: flip(entries),
    goals: [file('good/goals/first-50k.md')],
    imported: { runs: [], problems: [], skipped: { Ride: 2 } },
  };
}

describe('buildJournal', () => {
  it('does not depend on the order files are listed in', () => {
    const listed = buildJournal(sources('as-listed'));
    expect(buildJournal(sources('reversed'))).toEqual(listed);
    // The first story of a run (by path) keeps it, whichever file came first.
    expect(listed.stories.find((s) => s.runId === '2024-05-03')?.id).toBe('journal/2024-05-03-a');
    expect(listed.errors.map((p) => p.path)).toEqual([`${FIXTURES}/stories/journal/2024-05-03-b.md`]);
  });

  it('two goal files with one slug: the second is an error', () => {
    const goal = { path: 'goals/first-50k.mdx', text: fixture('good/goals/first-50k.md') };
    const journal = buildJournal({ ...sources('as-listed'), goals: [goal, { ...goal, path: 'goals/first-50k.md' }] });
    expect(journal.goals.map((g) => g.source.path)).toEqual(['goals/first-50k.md']);
    expect(journal.errors.map((p) => [p.path, p.line, p.message])).toContainEqual([
      'goals/first-50k.mdx',
      null,
      'expected one goal file per name (goals/first-50k.md is also "first-50k")',
    ]);
  });

  it('passes the importers’ skipped activities through', () => {
    expect(buildJournal(sources('as-listed')).skipped).toEqual({ Ride: 2 });
  });
});

describe('buildJournal on a very large CSV', () => {
  it('reports every problem of a file with more rows than a spread call can take', () => {
    const rows = 200_000;
    const text = `date,distance\n${'2024-01-01,far\n'.repeat(rows)}`;
    const journal = buildJournal({
      profile: parseProfile(null, 'profile.md').profile,
      profileProblems: [],
      csv: [{ path: 'data/runs.csv', text }],
      entries: [],
      goals: [],
      imported: { runs: [], problems: [], skipped: {} },
    });
    expect(journal.runs).toEqual([]);
    expect(journal.errors).toHaveLength(rows);
    expect(journal.errors.at(-1)).toMatchObject({ line: rows + 1, field: 'distance', value: 'far' });
  });
});
