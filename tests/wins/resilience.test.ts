import { describe, expect, it } from 'vitest';
import { ofKind, titles, winsOf } from './helpers.ts';
import { dailyRuns, GPS } from './make-run.ts';

describe('comeback', () => {
  it('13 days is no break; 14 days is', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5 },
      { date: '2024-01-14', km: 5 },
      { date: '2024-01-28', km: 5 },
    ]);
    expect(ofKind(wins, 'comeback').map((w) => [w.slug, w.title, w.value, w.runs])).toEqual([
      ['2024-01-28-comeback', 'Back after 14 days', 14, ['2024-01-28', '2024-01-14']],
    ]);
  });
});

describe('back-to-form', () => {
  it('matches the longest run of the 28 days up to the break, not on the comeback run', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 20 },
      { date: '2024-01-10', km: 12 },
      { date: '2024-01-29', km: 10 },
      { date: '2024-03-01', km: 13 },
      { date: '2024-03-03', km: 11.8 },
      { date: '2024-03-05', km: 11.88, source: GPS },
      { date: '2024-03-07', km: 15 },
    ]);
    const [form] = ofKind(wins, 'back-to-form');
    // 2024-01-01 lies 28 days before the last run before the break: outside the window.
    expect(form).toMatchObject({ slug: '2024-03-05-back-to-form', value: 11_880, runs: ['2024-03-05', '2024-03-01'] });
    expect(form!.previous).toEqual({ value: 12_000, date: '2024-01-10', slug: null, run: '2024-01-10' });
    expect(form!.daysSincePrevious).toBe(4);
    expect(ofKind(wins, 'back-to-form')).toHaveLength(1);
  });
});

describe('showed-up', () => {
  it('is a run with feeling 1 or 2: the 1st, 3rd, 5th, 10th, 25th, 50th, 100th and every 50th after', () => {
    const bad = dailyRuns('2024-01-01', 200, 5, { feeling: 2 });
    const wins = winsOf([...bad, { date: '2024-07-20', km: 5, feeling: 3 }]);
    const showed = ofKind(wins, 'showed-up');
    expect(showed.map((w) => w.rung)).toEqual(['1', '3', '5', '10', '25', '50', '100', '150', '200']);
    expect(showed.slice(0, 3).map((w) => [w.slug, w.title, w.value])).toEqual([
      ['2024-01-01-showed-up-anyway', 'Showed up anyway', 5000],
      ['2024-01-03-3rd-bad-day', 'Showed up anyway, for the 3rd time', 5000],
      ['2024-01-05-5th-bad-day', 'Showed up anyway, for the 5th time', 5000],
    ]);
    // The title counts the courage, in the runner's own voice: never her bad days, never "your".
    for (const win of showed) expect(win.title).not.toMatch(/bad day|\byour\b/i);
    expect(showed.at(-1)!.title).toBe('Showed up anyway, for the 200th time');
  });

  it('never on a run tagged injury, injured, ill, sick or pain, in any case; those are not counted', () => {
    const wins = winsOf([
      { date: '2024-01-01', km: 5, feeling: 1, tags: ['Injury'] },
      { date: '2024-01-02', km: 5, feeling: 2, tags: ['rain', 'SICK'] },
      { date: '2024-01-03', km: 5, feeling: 2, tags: ['pain'] },
      { date: '2024-01-04', km: 5, feeling: 1, tags: ['ill'] },
      { date: '2024-01-05', km: 5, feeling: 1, tags: ['injured'] },
      { date: '2024-01-06', km: 3, feeling: 2, tags: ['rain'] },
    ]);
    expect(titles(wins, 'showed-up')).toEqual(['2024-01-06 Showed up anyway']);
  });

  it('keeps slugs unique when another win of the day has its name', () => {
    const wins = winsOf([{ date: '2024-01-03', km: 5, feeling: 1, win: 'Showed up anyway' }]);
    expect(wins.map((w) => [w.kind, w.slug])).toContainEqual(['showed-up', '2024-01-03-showed-up-anyway']);
    expect(wins.map((w) => [w.kind, w.slug])).toContainEqual(['custom', '2024-01-03-showed-up-anyway-2']);
  });
});

describe('heat', () => {
  it('only the hottest run yet, at 30 °C or hotter; temperature compares as written', () => {
    const wins = winsOf([
      { date: '2024-06-01', km: 5, temperature: 24.9 },
      { date: '2024-06-02', km: 5, temperature: 29.9 },
      { date: '2024-06-03', km: 5, temperature: 30 },
      { date: '2024-06-04', km: 5, temperature: 30 },
      { date: '2024-06-05', km: 5, temperature: 33 },
      { date: '2024-06-06', km: 5, temperature: 31 },
    ]);
    // 29.9 °C is a warm day, not heat; 30 °C again is no hotter; 31 °C after 33 °C is no record.
    expect(ofKind(wins, 'heat').map((w) => [w.slug, w.title, w.value, w.previous?.value])).toEqual([
      ['2024-06-03-hottest-run-yet', 'Hottest run yet: 30 °C', 30, 29.9],
      ['2024-06-05-hottest-run-yet', 'Hottest run yet: 33 °C', 33, 30],
    ]);
  });
});
