import { describe, expect, it } from 'vitest';
import { parseGoal, goalSlug } from '../../src/lib/journal/goals.ts';
import { defaultProfile, parseProfile } from '../../src/lib/journal/profile.ts';
import { located } from './helpers.ts';

describe('parseProfile', () => {
  it('no file gives the defaults', () => {
    expect(parseProfile(null, 'data/profile.md')).toEqual({ profile: defaultProfile(), problems: [], fontLines: [] });
  });

  it('checks each field and names the line', () => {
    const text = [
      '---',
      'site: not a url',
      'timezone: Mars/Olympus',
      'locale: "not a locale!"',
      'privacy_trim: lots',
      'week-start: sunday',
      'fonts: fonts/One.ttf',
      'units: mi',
      '---',
      'About me.',
    ].join('\n');
    const { profile, problems } = parseProfile(text, 'p.md');
    expect(problems.map((p) => [p.severity, p.line, p.field, p.value])).toEqual([
      ['error', 2, 'site', 'not a url'],
      ['error', 3, 'timezone', 'Mars/Olympus'],
      ['error', 4, 'locale', 'not a locale!'],
      ['error', 5, 'privacy_trim', 'lots'],
      ['warning', 6, 'week-start', null],
    ]);
    expect(profile).toMatchObject({ units: 'mi', fonts: ['fonts/One.ttf'], about: 'About me.', timezone: 'UTC', privacyTrim: 500, site: null });
  });

  it('takes canonical time zones and their aliases', () => {
    for (const zone of ['Europe/Stockholm', 'America/Argentina/Buenos_Aires', 'UTC', 'US/Pacific', 'Etc/GMT+1']) {
      const { profile, problems } = parseProfile(`---\ntimezone: ${zone}\n---\n`, 'p.md');
      expect([zone, problems]).toEqual([zone, []]);
      expect(profile.timezone).toBe(zone);
    }
  });

  it('privacy_trim is metres, or a distance with a unit', () => {
    expect(parseProfile('---\nprivacy_trim: 0\n---\n', 'p.md').profile.privacyTrim).toBe(0);
    expect(parseProfile('---\nprivacy_trim: 0.5 km\n---\n', 'p.md').profile.privacyTrim).toBe(500);
  });

  it('eddington is yes or no, on unless it says no', () => {
    expect(defaultProfile().eddington).toBeUndefined();
    expect(parseProfile('---\neddington: no\n---\n', 'p.md').profile.eddington).toBe(false);
    expect(parseProfile('---\neddington: yes\n---\n', 'p.md').profile.eddington).toBe(true);
    const { profile, problems } = parseProfile('---\nname: Jo\neddington: sometimes\n---\n', 'p.md');
    expect(profile.eddington).toBeUndefined();
    expect(problems.map((p) => [p.severity, p.line, p.field, p.value, p.message])).toEqual([
      ['error', 3, 'eddington', 'sometimes', 'expected yes or no (no: no Eddington number wins)'],
    ]);
  });
});

describe('parseGoal', () => {
  const km = defaultProfile();

  it('slugs come from the file name', () => {
    expect(goalSlug('data/goals/My First 50K.md')).toBe('my-first-50k');
  });

  it('reads a goal in the profile units', () => {
    const { goal, problems } = parseGoal('---\ntitle: Half\ndate: 2025-04-06\ndistance: 13.1\n---\nWhy.\n', 'goals/half.md', { ...km, units: 'mi' });
    expect(problems).toEqual([]);
    expect(goal).toMatchObject({ slug: 'half', title: 'Half', date: '2025-04-06', start: null, elevation: null, body: 'Why.' });
    expect(goal?.distance).toBeCloseTo(13.1 * 1609.344, 6);
  });

  it('reports missing and bad fields with their lines', () => {
    const { goal, problems } = parseGoal('---\ntitle: Ultra\ndate: 2025-10-12\nstart: 2025-11-01\nelevation: lots\n---\n', 'goals/u.md', km);
    expect(goal).toBeNull();
    expect(located(problems)).toEqual([
      [1, 'distance', ''],
      [5, 'elevation', 'lots'],
      [4, 'start', '2025-11-01'],
    ]);
  });
});
