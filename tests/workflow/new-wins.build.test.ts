// The job summary's "new wins of the push": a pure formatter, and the script on a real git repository
// whose second commit logs a run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffWins } from '../../src/lib/log/diff-wins.ts';
import { formatNewWinsSummary, SUMMARY_LIMIT } from '../../src/lib/log/new-wins-summary.ts';
import type { Win } from '../../src/lib/types.ts';

const repoRoot = join(import.meta.dirname, '../..');

function win(slug: string, title: string, date = slug.slice(0, 10)): Win {
  return {
    slug,
    kind: 'custom',
    family: 'personal',
    date,
    title,
    value: 1000,
    unit: 'm',
    previous: null,
    headline: false,
    runs: [date],
    rung: null,
    goal: null,
    daysSincePrevious: null,
    progression: null,
    effortOffset: null,
  };
}

describe('diffWins', () => {
  it('sees added, removed and retitled wins', () => {
    const a = win('2026-11-01-first-5k', 'First 5K');
    const b = win('2026-11-02-custom', 'Rain');
    const b2 = win('2026-11-02-custom', 'Rain!');
    const c = win('2026-11-03-10th-run', '10th run');
    expect(diffWins([a, b], [a, b2, c])).toEqual({ added: [b2, c], removed: [b] });
  });
});

describe('formatNewWinsSummary', () => {
  it('lists the new wins newest first with links under the site base', () => {
    const text = formatNewWinsSummary(
      { added: [win('2026-11-01-first-5k', 'First 5K'), win('2026-11-20-first-10k', 'First 10K')], removed: [] },
      { site: 'https://ana.github.io/small-wins/', hadPrevious: true },
    );
    expect(text).toBe(
      '## New wins\n\n' +
        '- November 20, 2026: [**First 10K**](https://ana.github.io/small-wins/wins/2026-11-20-first-10k/)\n' +
        '- November 1, 2026: [**First 5K**](https://ana.github.io/small-wins/wins/2026-11-01-first-5k/)\n',
    );
  });

  it('escapes what the runner wrote, so a title cannot inject Markdown or HTML', () => {
    const text = formatNewWinsSummary({ added: [win('2026-11-01-custom', '<img src=x> [x](javascript:1) *bold*')], removed: [] }, { site: null, hadPrevious: true });
    expect(text).toContain('**\\<img src=x\\> \\[x\\]\\(javascript:1\\) \\*bold\\***');
  });

  it('says so when a push adds nothing, and caps a first deployment', () => {
    expect(formatNewWinsSummary({ added: [], removed: [] }, { site: null, hadPrevious: true })).toContain('No new win in this push.');
    const many = Array.from({ length: SUMMARY_LIMIT + 5 }, (_, i) => win(`2026-01-${String((i % 28) + 1).padStart(2, '0')}-w${i}`, `Win ${i}`));
    const text = formatNewWinsSummary({ added: many, removed: [] }, { site: null, hadPrevious: false });
    expect(text).toContain(`First deployment: ${SUMMARY_LIMIT + 5} wins so far.`);
    expect(text.split('\n').filter((l) => l.startsWith('- ')).length).toBe(SUMMARY_LIMIT + 1);
    expect(text).toContain('- …and 5 more on the site.');
  });
});

describe('scripts/new-wins.ts on a real repository', () => {
  let repo: string;
  let first: string;
  const env = {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'scripts', script), ...args], { cwd: repo, env, encoding: 'utf8' });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'new-wins-'));
    cpSync(join(import.meta.dirname, '../fixtures/log/journal'), join(repo, 'data'), { recursive: true });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'journal');
    first = git('rev-parse', 'HEAD');
    const logged = run('log.ts', ['2026-11-20', '10.2km', '52:10', 'Easy river loop', '--nonstop']);
    expect(logged.status, logged.stderr).toBe(0);
    git('commit', '-q', '-am', 'Easy river loop');
  }, 120_000);

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists exactly the wins the pushed commits added, read from the previous commit with git', () => {
    const result = run('new-wins.ts', ['--before', first, '--site', 'https://ana.github.io/small-wins/']);
    expect(result.status, result.stderr).toBe(0);
    const wins = JSON.parse(run('wins.ts', ['--json', '--since', '2026-11-20']).stdout) as Array<{ slug: string; title: string }>;
    expect(wins.length).toBeGreaterThan(0);
    const listed = result.stdout.split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toHaveLength(wins.length);
    for (const w of wins) expect(result.stdout).toContain(`](https://ana.github.io/small-wins/wins/${w.slug}/)`);
    // The working tree and index are untouched: the previous journal came from `git archive`.
    expect(git('status', '--porcelain')).toBe('');
  });

  it('treats a first push (all zeros) as a first deployment', () => {
    const result = run('new-wins.ts', ['--before', '0000000000000000000000000000000000000000']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^First deployment: \d+ wins so far\.$/m);
  });
});
