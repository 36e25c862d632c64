import { describe, expect, it } from 'vitest';
import { cardInputForGoal, cardInputForSite, cardInputForWin, countdown, routeOf, siteAddress, SPARK_POINTS, withoutLoneWord } from '../../src/lib/cards/card-input.ts';
import type { Goal, Run, Win } from '../../src/lib/types.ts';
import { loadProfile, winBySlug } from './helpers.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { dailyRuns, makeProfile, makeRuns } from '../wins/make-run.ts';

const profile = loadProfile();

describe('cardInputForWin', () => {
  it('puts the figure big and keeps it out of the headline', () => {
    const input = cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile);
    expect(input.headline).toBe('Sub-25 5K');
    expect(input.figure).toBe('24:48');
    // The kicker is the family, as on its filter chip: the headline already says what kind of win.
    expect(input.kicker).toBe('Speed');
    expect(input.theme).toBe('speed');
    expect(input.date).toBe('December 14, 2024');
  });

  it('says how much better than the record it beat, and when that was set', () => {
    const input = cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile);
    expect(input.detail).toBe('43 s faster than 25:31, set Nov 2, 2024');
    // A streak beat nothing: its context is when it ran.
    expect(cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile).detail).toBe('Jun 1, 2024 to Jun 30, 2024');
  });

  it('formats figures in the profile units', () => {
    const win = winBySlug('2025-01-05-1000-km');
    expect(cardInputForWin(win, profile).figure).toBe('1,000 km');
    expect(cardInputForWin(win, { ...profile, units: 'mi' }).figure).toBe('621 mi');
    expect(cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile).figure).toBe('30 days');
  });

  it('leaves the headline alone when the figure is part of its sentence', () => {
    const win = winBySlug('2024-12-14-sub-25-5k');
    expect(cardInputForWin({ ...win, title: '24:48' }, profile).headline).toBe('24:48');
    expect(cardInputForWin({ ...win, title: 'Ran 24:48' }, profile).headline).toBe('Ran 24:48');
    expect(cardInputForWin({ ...win, title: 'Parkrun: 24:48' }, profile).headline).toBe('Parkrun');
    expect(cardInputForWin({ ...win, title: 'Parkrun - 24:48' }, profile).headline).toBe('Parkrun');
    expect(cardInputForWin({ ...win, title: 'First 4 km' }, profile).headline).toBe('First 4\u00A0km');
  });

  it('draws the progression up to the win, the win highlighted last', () => {
    const input = cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile);
    expect(input.spark?.values).toEqual([1905, 1862, 1820, 1790, 1771, 1702, 1655, 1630, 1588, 1560, 1531, 1488]);
    expect(input.spark?.highlight).toBe(11);
    expect(input.spark?.lowerIsBetter).toBe(true);
  });

  it('stops the sparkline at the win, not at the end of the series', () => {
    const base = winBySlug('2025-01-05-1000-km');
    const win: Win = { ...base, progression: { series: base.progression!.series, upTo: 3 } };
    const spark = cardInputForWin(win, profile).spark!;
    expect(spark.values).toEqual([42000, 95000, 160000, 230000]);
    expect(spark.highlight).toBe(3);
  });

  it('keeps at most the last points of a long series', () => {
    const base = winBySlug('2025-01-05-1000-km');
    const points = Array.from({ length: 100 }, (_, i) => ({ date: '2024-01-01', value: i, runId: null }));
    const win: Win = { ...base, progression: { series: { ...base.progression!.series, points }, upTo: 89 } };
    const spark = cardInputForWin(win, profile).spark!;
    expect(spark.values).toHaveLength(SPARK_POINTS);
    expect(spark.values.at(-1)).toBe(89);
  });

  it('has no sparkline without a progression of three points', () => {
    expect(cardInputForWin(winBySlug('2024-08-19-comeback'), profile).spark).toBeNull();
    const base = winBySlug('2025-01-05-1000-km');
    expect(cardInputForWin({ ...base, progression: { series: base.progression!.series, upTo: 0 } }, profile).spark).toBeNull();
    expect(cardInputForWin({ ...base, progression: { series: base.progression!.series, upTo: 1 } }, profile).spark).toBeNull();
    expect(cardInputForWin({ ...base, progression: { series: base.progression!.series, upTo: 2 } }, profile).spark?.values).toHaveLength(3);
  });
});

describe('goal and site cards', () => {
  const goal: Goal = {
    slug: 'lisbon-marathon', title: 'Lisbon Marathon', date: '2025-10-12', distance: 42195, elevation: null, start: null, body: '',
    source: { path: 'data/goals/lisbon-marathon.md', line: null, kind: 'markdown' },
  };

  it('counts down from the journal today', () => {
    expect(countdown('2025-10-12', '2025-06-01')).toBe('19 weeks to go');
    expect(countdown('2025-10-12', '2025-10-02')).toBe('10 days to go');
    expect(countdown('2025-10-12', '2025-10-11')).toBe('1 day to go');
    expect(countdown('2025-10-12', '2025-10-12')).toBe('Race day');
    expect(countdown('2025-10-12', '2025-10-13')).toBeNull();
    expect(countdown('2025-10-12', null)).toBeNull();
  });

  it('shows the countdown as the goal card figure, and the distance after race day', () => {
    const before = cardInputForGoal(goal, '2025-06-01', profile);
    expect(before.figure).toBe('19 weeks to go');
    expect(before.detail).toBe('October 12, 2025');
    expect(before.kicker).toBe('Goals');
    expect(cardInputForGoal(goal, '2025-11-01', profile).figure).toBe('42.2 km');
  });

  it('gives a goal step the run that reached it and the step before, not its percentage again', () => {
    const start = { ...goal, start: '2025-03-01' };
    const runs = makeRuns([
      { date: '2025-03-08', km: 12, time: 4300 },
      { date: '2025-04-05', km: 21.3, time: 7900 },
      { date: '2025-05-10', km: 32.1, time: 12000 },
    ]);
    const wins = findWins(runs, [start], profile).filter((win) => win.kind === 'goal-progress');
    const byId = new Map(runs.map((run) => [run.id, run]));
    const cards = wins.map((win) => cardInputForWin(win, profile, { runs: byId }));
    expect(cards.map((card) => [card.headline, card.figure, card.detail])).toEqual([
      ['A quarter of the way to Lisbon\u00A0Marathon', '12 km', 'Longest run of the build-up'],
      ['Halfway to Lisbon\u00A0Marathon', '21.3 km', 'Up from 12 km on Mar 8, 2025'],
      ['Three quarters of the way to Lisbon\u00A0Marathon', '32.1 km', 'Up from 21.3 km on Apr 5, 2025'],
    ]);
    expect(cards.map((card) => card.share)).toEqual([0.25, 0.5, 0.75]);
  });

  it('sums the journal on the site card', () => {
    const input = cardInputForSite(profile, { runs: 312, distance: 2_456_000, wins: 87 });
    expect(input.headline).toBe("Ana's small\u00A0wins");
    expect(input.figure).toBe('2,456 km');
    expect(input.detail).toBe('312 runs logged, 87 celebrated');
  });

  it('writes the site address without scheme or trailing slash', () => {
    expect(siteAddress('https://ana.github.io/runs/')).toBe('ana.github.io/runs');
    expect(siteAddress(null)).toBeNull();
  });
});

describe('each thing said once', () => {
  const run = {
    id: '2024-08-27', date: '2024-08-27', distance: 4200, time: 1500, private: false, race: null,
    track: { points: [[59.3, 18.0], [59.31, 18.02], [59.32, 18.0]] },
  } as unknown as Run;
  const runs = new Map([[run.id, run]]);
  const comeback: Win = {
    ...winBySlug('2024-06-30-30-day-streak'), kind: 'comeback', family: 'resilience', title: 'Back after 24 days', value: 24, unit: 'days',
    runs: [run.id], progression: null,
  };

  it('puts the run in the figure of a comeback and the days off in its context', () => {
    const input = cardInputForWin(comeback, profile, { runs });
    expect([input.kicker, input.headline, input.figure, input.detail]).toEqual(['Resilience', 'Back running', '4.2 km', 'after 24 days off']);
  });

  it('says an Eddington number once', () => {
    const input = cardInputForWin({ ...comeback, kind: 'eddington', family: 'consistency', title: 'Eddington number 17', value: 17, unit: 'E' }, profile);
    expect(input.headline).toBe('Eddington number');
    expect(input.figure).toBe('17 days of 17+ km');
    expect(input.detail).toBeNull();
  });

  it('draws the run\'s route in a unit box, and never a private run\'s', () => {
    const route = routeOf(run)!;
    expect(route.lines).toHaveLength(1);
    const flat = route.lines.flat(2);
    expect(Math.min(...flat)).toBe(0);
    expect(Math.max(...flat)).toBe(1);
    expect(cardInputForWin(comeback, profile, { runs }).route).toEqual(route);
    expect(routeOf({ ...run, private: true })).toBeNull();
    expect(cardInputForWin(comeback, profile, { runs: new Map([[run.id, { ...run, private: true }]]) }).route).toBeNull();
    expect(routeOf({ ...run, track: null })).toBeNull();
  });

  it('leaves out of the sparkline caption what the title says', () => {
    const win = winBySlug('2025-01-05-1000-km');
    const series = { ...win.progression!.series, label: 'Lifetime distance by month' };
    const at = (title: string, label: string): string | undefined =>
      cardInputForWin({ ...win, title, kind: 'barrier', progression: { series: { ...series, label }, upTo: 5 } }, profile).spark?.label;
    expect(at('Lifetime distance', 'Lifetime distance by month')).toBe('By month');
    expect(at('Lifetime distance passed', 'Lifetime distance by month')).toBe('By month');
    expect(at('Longest run yet', 'Longest run so far')).toBe('Longest run so far');
    expect(at('Hottest run yet', 'Hottest run')).toBe('');
    expect(at('Sub-25 5K', '5K best over time')).toBe('5K best over time');
  });

  it('holds the last two words of a title together', () => {
    expect(withoutLoneWord('Ran every hill of the Ridge loop')).toBe('Ran every hill of the Ridge\u00A0loop');
    expect(withoutLoneWord('Sub-25 5K')).toBe('Sub-25 5K');
  });

  it('prints the build\'s address when it has one, the profile\'s otherwise', () => {
    expect(cardInputForWin(comeback, { ...profile, site: 'https://example.github.io/small-wins' }, { site: 'https://you.github.io/repo/' }).site).toBe('you.github.io/repo');
    expect(cardInputForWin(comeback, { ...profile, site: 'https://example.github.io/small-wins' }).site).toBe('example.github.io/small-wins');
  });

  it("draws a streak as its days on a calendar, not as a line that rises by one", () => {
    const daily = cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile).spark!;
    // June 1, 2024 was a Saturday: the sixth day of a week that starts on Monday.
    expect(daily.streak).toEqual({ unit: 'day', count: 30, offset: profile.weekStart === 'monday' ? 5 : 6 });
    expect(daily.label).toBe('One square a day');
    const win = winBySlug('2024-06-30-30-day-streak');
    const weekly = cardInputForWin({ ...win, kind: 'weekly-streak', value: 12, unit: 'weeks' }, profile).spark!;
    expect(weekly.streak).toEqual({ unit: 'week', count: 12, offset: 0 });
  });

  it('spaces a count that only rises by one by date, and says since when', () => {
    const base = winBySlug('2025-01-05-1000-km');
    const series = {
      id: 'eddington', label: 'Eddington number', unit: 'E' as const, lowerIsBetter: false, period: null,
      points: [['2024-01-01', 1], ['2024-01-02', 2], ['2024-03-01', 3], ['2024-09-27', 4]].map(([date, value]) => ({ date: date as string, value: value as number, runId: null })),
    };
    const spark = cardInputForWin({ ...base, kind: 'eddington', family: 'consistency', value: 4, unit: 'E', progression: { series, upTo: 3 } }, profile).spark!;
    expect(spark.days).toEqual([0, 1, 60, 270]);
    expect(spark.label).toBe('By date since Jan 1, 2024');
    // Measures that do not rise by one stay evenly spaced.
    expect(cardInputForWin(base, profile).spark!.days ?? null).toBeNull();
  });
});

describe('the engine\'s own wins, as the cards say them', () => {
  const profile = makeProfile();
  // A hot, hilly January, a first race and a first half marathon race, run on a hard day.
  const runs = makeRuns([
    { date: '2025-01-04', km: 5, time: 1700, temperature: 20, elevation: 40 },
    { date: '2025-01-11', km: 5, time: 1580, temperature: 26, elevation: 880, race: 'Lakeside parkrun', isRace: true, type: 'race' },
    { date: '2025-01-18', km: 5, time: 1492, temperature: 32, elevation: 1020 },
    { date: '2025-01-25', km: 21.1, time: 7788, race: 'Coastline Half Marathon', isRace: true, type: 'race', feeling: 2, tags: ['dark', 'snow', 'long'], temperature: -9 },
    { date: '2025-02-01', km: 6, temperature: 25, elevation: 1000 },
    ...dailyRuns('2025-02-02', 11, 12),
  ]);
  const byId = new Map(runs.map((run) => [run.id, run]));
  const wins = findWins(runs, [], profile);
  const card = (slug: string, journal: ReadonlyMap<string, Run> = byId): [string, string | null, string | null] => {
    const win = wins.find((candidate) => candidate.slug === slug);
    if (!win) throw new Error(`no win ${slug} in ${wins.map((w) => w.slug).join(', ')}`);
    const input = cardInputForWin(win, profile, { runs: journal });
    return [input.headline, input.figure, input.detail];
  };

  it('shows what the run did under the rung it reached, never the rung as her figure', () => {
    expect(card('2025-01-18-hottest-run-yet')).toEqual(['Hottest run\u00A0yet', '32 °C', '6 °C hotter than 26 °C, set Jan 11, 2025']);
    expect(card('2025-01-18-first-1000-m-climb')).toEqual(['First 1,000 m of\u00A0climbing', '1,020 m', '140 m more than 880 m, set Jan 11, 2025']);
    expect(card('2025-01-25-first-half-marathon')).toEqual(['First half\u00A0marathon', '21.1 km', '16.1 km more than 5 km, set Jan 4, 2025']);
    // Exactly at the rung, the figure is hers and the rung's both: a plain "most" headline over it.
    const exact = makeRuns([{ date: '2025-06-01', km: 5, temperature: 20 }, { date: '2025-06-08', km: 5, temperature: 30, elevation: 500 }]);
    const exactCards = findWins(exact, [], profile).map((win) => cardInputForWin(win, profile, { runs: new Map(exact.map((run) => [run.id, run])) }));
    expect(exactCards.filter((c) => c.theme !== 'distance' || c.headline !== 'First run').map((c) => [c.headline, c.figure])).toEqual([
      ['Most climbing in one\u00A0run', '500 m'],
      ['Hottest run\u00A0yet', '30 °C'],
    ]);
    // The figure is the win's own (what the run did): the card needs no run to say it.
    expect(card('2025-01-18-first-1000-m-climb', new Map())).toEqual(['First 1,000 m of\u00A0climbing', '1,020 m', '140 m more than 880 m, set Jan 11, 2025']);
  });

  it('says a lifetime figure is a milestone passed, not the lifetime to the metre', () => {
    expect(card('2025-02-06-100-km-lifetime')[0]).toBe('Lifetime distance\u00A0passed');
  });

  it('brags how much better than the record, and when that was set', () => {
    expect(card('2025-01-18-sub-25-5k')).toEqual(['Sub-25 5K', '24:52', '1:28 faster than 26:20, set Jan 11, 2025']);
    expect(card('2025-01-11-sub-27-30-5k')[2]).toBe('2:00 faster than 28:20, set Jan 4, 2025');
  });

  it('puts what a race was to her beside its name: a debut, a first at the distance', () => {
    expect(card('2025-01-11-lakeside-parkrun')).toEqual(['Lakeside parkrun', '26:20', 'Debut\u00A0· 5:16 /km']);
    expect(card('2025-01-25-coastline-half-marathon')).toEqual(['Coastline Half\u00A0Marathon', '2:09:48', 'Debut at the distance\u00A0· 6:09 /km']);
  });

  it('gives showing up anyway its conditions, and a private run\'s tags never', () => {
    expect(card('2025-01-25-showed-up-anyway')).toEqual(['Showed up\u00A0anyway', '21.1 km', '\u22129 °C\u00A0· dark\u00A0· snow\u00A0· feeling 2 of 5']);
    const hidden = new Map([...byId].map(([id, run]) => [id, { ...run, private: true }]));
    expect(card('2025-01-25-showed-up-anyway', hidden)[2]).toBe('\u22129 °C\u00A0· feeling 2 of 5');
  });

  it('says an Eddington number as the engine does, and the step up from the last rung as its context', () => {
    expect(card('2025-02-10-eddington-10')).toEqual(['Eddington number', '10 days of 10+ km', null]);
    const daily = makeRuns(dailyRuns('2025-03-01', 25, 25));
    const win = findWins(daily, [], profile).find((candidate) => candidate.slug === '2025-03-25-eddington-25')!;
    const input = cardInputForWin(win, profile, { runs: new Map(daily.map((run) => [run.id, run])) });
    expect([input.headline, input.figure, input.detail]).toEqual(['Eddington number', '25 days of 25+ km', 'Up from 10 on Mar 10, 2025']);
  });
});
