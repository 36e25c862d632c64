// The `wins` and `next` commands on real journal folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { cardInputForWin } from '../../src/lib/cards/card-input.ts';

const SMALL = 'tests/fixtures/wins/small';
const BROKEN = 'tests/fixtures/wins/broken';

function run(script: 'wins' | 'next', args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SMALL_WINS_TODAY: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run wins', () => {
  it('prints a table in date order: date, kind, title, figure', () => {
    const { code, stdout, stderr } = run('wins', ['--data', SMALL]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^date\s+kind\s+title\s+figure$/);
    // The rung is in the title; the figure is what the run did (4.1 km in runs.csv).
    expect(lines).toContainEqual(expect.stringMatching(/^2024-03-06\s+nonstop-first\s+First 4 km without stopping\s+4\.1 km$/));
    expect(lines).toContainEqual(expect.stringMatching(/^2024-03-30\s+barrier\s+Sub-30 5K\s+29:50$/));
  });

  it('prints JSON that matches the engine, with --kind (repeatable) and --since filters', async () => {
    const all = JSON.parse(run('wins', ['--data', SMALL, '--json']).stdout) as Array<Record<string, unknown>>;
    const journal = await readJournal(SMALL);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    expect(all.map((w) => w.slug)).toEqual(wins.map((w) => w.slug));
    expect(all[0]).toMatchObject({ slug: wins[0]!.slug, kind: wins[0]!.kind, date: wins[0]!.date, value: wins[0]!.value, previous: null });
    const filtered = JSON.parse(
      run('wins', ['--data', SMALL, '--json', '--kind', 'race', '--kind', 'comeback', '--since', '2024-03-09']).stdout,
    ) as Array<{ slug: string; headline: boolean }>;
    // The parkrun of 2024-03-30 is a barrier, and a repeat of a short race: no race win.
    expect(filtered.map((w) => [w.slug, w.headline])).toEqual([
      ['2024-03-09-lakeside-parkrun', true],
      ['2024-03-30-comeback', true],
    ]);
  });

  it('says what an Eddington number means in its figure, as the card does in its words', async () => {
    const data = mkdtempSync(join(tmpdir(), 'eddington-'));
    try {
      const rows = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},10.2,1:00:00`);
      writeFileSync(join(data, 'runs.csv'), `date,distance,time\n${rows.join('\n')}\n`);
      const { code, stdout } = run('wins', ['--data', data, '--kind', 'eddington']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^2024-01-10\s+eddington\s+Eddington number 10\s+10 days of 10\+ km$/m);
      const journal = await readJournal(data);
      const win = findWins(journal.runs, journal.goals, journal.profile).find((w) => w.kind === 'eddington')!;
      const card = cardInputForWin(win, journal.profile);
      expect([card.headline, card.figure, card.detail]).toEqual(['Eddington number', '10 days of 10+ km', null]);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('a journal with errors: problems on stderr, nothing on stdout, exit 1', () => {
    const { code, stdout, stderr } = run('wins', ['--data', BROKEN, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${BROKEN}/runs.csv:3: date: got "2024-13-45"`);
  });

  it('refuses an unknown kind or date', () => {
    const kind = run('wins', ['--data', SMALL, '--kind', 'fastest']);
    expect(kind.code).toBe(2);
    expect(kind.stdout).toBe('');
    expect(kind.stderr).toContain('--kind: got "fastest"');
    expect(run('wins', ['--data', SMALL, '--since', 'yesterday']).code).toBe(2);
  });
});

describe('npm run next', () => {
  it('prints plain text, and the same as JSON: { milestones, reward }', () => {
    const text = run('next', ['--data', SMALL], { SMALL_WINS_TODAY: '2024-03-31' });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('80.9 km to 100 km lifetime\n');
    const json = JSON.parse(run('next', ['--data', SMALL, '--json'], { SMALL_WINS_TODAY: '2024-03-31' }).stdout) as {
      milestones: Array<{ kind: string; text: string }>;
      reward: unknown;
    };
    expect(Object.keys(json)).toEqual(['milestones', 'reward']);
    expect(json.reward).toBeNull();
    expect(json.milestones.map((m) => `${m.text}\n`).join('')).toBe(text.stdout);
    expect(json.milestones.find((m) => m.kind === 'total-distance')).toMatchObject({ remaining: 80_900, target: 100_000, unit: 'm' });
  });

  it("JSON: each item's unit describes its target and remaining, metres and seconds are whole", () => {
    const json = JSON.parse(run('next', ['--data', 'data', '--json'], { SMALL_WINS_TODAY: '2025-10-26' }).stdout) as {
      milestones: Array<{ kind: string; remaining: number; target: number; unit: string; date: string | null; label: string }>;
      reward: { text: string; label: string; line: string; progress: { remaining: number; unit: string } | null } | null;
    };
    // Race day and anniversaries count days down to 0 on the day they name.
    expect(json.milestones.find((m) => m.kind === 'goal-achieved')).toMatchObject({ remaining: 48, unit: 'days', target: 0, date: '2025-12-13' });
    expect(json.milestones.find((m) => m.kind === 'anniversary')).toMatchObject({ label: '2 years of running', remaining: 72, unit: 'days', target: 0 });
    for (const m of json.milestones.filter((m) => m.unit === 'm' || m.unit === 'm-climb' || m.unit === 's')) {
      expect(Number.isInteger(m.remaining) && Number.isInteger(m.target), `${m.kind} ${m.remaining} ${m.target}`).toBe(true);
    }
    expect(json.milestones.some((m) => m.unit === 's')).toBe(true);
    expect(json.reward).toMatchObject({
      text: 'A massage',
      label: 'Winter Trail 50K',
      progress: { remaining: 48, unit: 'days' },
      line: 'Next reward: A massage, 48 days to race day (Winter Trail 50K)',
    });
  });
});

describe('npm run next and rewards', () => {
  it("ends with the sample's nearest reward still ahead, and the ones earned never show", () => {
    const { code, stdout, stderr } = run('next', ['--data', 'data']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Next reward: A massage, 27 days to race day (Winter Trail 50K)');
    expect(lines.filter((line) => line.startsWith('Next reward:'))).toHaveLength(1);
  });

  it('a week after an injury: rest, and the reward line at most', () => {
    const { code, stdout } = run('next', ['--data', 'data'], { SMALL_WINS_TODAY: '2024-08-10' });
    expect(code).toBe(0);
    expect(stdout).toBe('Rest and heal: the comeback will be a win of its own\nNext reward: A massage, 490 days to race day (Winter Trail 50K)\n');
  });

  it('prints no reward line for a journal without rewards.md', () => {
    expect(run('next', ['--data', SMALL]).stdout).not.toContain('reward');
  });
});
