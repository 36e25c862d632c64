// What a page prints keeps a number with its unit, a rating and a date on one line.
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/format/dates.ts';
import { formatDistance, formatTemperature } from '../../src/lib/format/units.ts';
import { keepTogether } from '../../src/lib/site/keep-together.ts';

const plain = (text: string) => text.replace(/\u00A0/g, '_');

describe('keepTogether', () => {
  it('holds a number to its unit and a rating to its scale', () => {
    expect(plain(keepTogether(`It happened after ${formatDistance(16_200, 'km')}.`))).toBe('It happened after 16.2_km.');
    expect(plain(keepTogether('3 weeks and 6 days, as of Jun 2, 2025'))).toBe('3_weeks and 6_days, as of Jun_2,_2025');
    expect(plain(keepTogether('−1 °C · sleet · feeling 2 of 5'))).toBe('−1_°C · sleet · feeling 2_of_5');
    expect(plain(keepTogether('1,000 km in 120 runs'))).toBe('1,000_km in 120_runs');
  });

  it('holds the words of a formatted date together, in English and day-first locales', () => {
    expect(plain(keepTogether(formatDate('2024-02-10', 'en', 'medium')))).toBe('Feb_10,_2024');
    expect(plain(keepTogether(formatDate('2025-12-13', 'en')))).toBe('December_13,_2025');
    expect(plain(keepTogether(formatDate('2025-12-13', 'en-GB')))).toBe('13_December_2025');
    expect(plain(keepTogether(formatDate('2025-12-13', 'de')))).toBe('13._Dezember_2025');
  });

  it('writes a negative figure with a minus sign, and leaves other words and hyphens alone', () => {
    expect(keepTogether(formatTemperature(-9))).toBe('\u22129\u00A0°C');
    expect(keepTogether('A well-earned run in the rain')).toBe('A well-earned run in the rain');
    expect(keepTogether('2025-W33 in 10 or more')).toBe('2025-W33 in 10 or more');
  });
});
