import { expect, test } from 'vitest';
import { formatAxisValue, formatValue, formatWinFigure } from '../../src/lib/site/figures.ts';
import { shareLinks } from '../../src/lib/site/share-links.ts';

test.each([
  [1488, 's', 'km', '24:48'],
  [1_000_000, 'm', 'km', '1,000 km'],
  [1_609_344, 'm', 'mi', '1,000 mi'],
  [4000, 'm', 'km', '4 km'],
  [30, 'days', 'km', '30 days'],
  [1, 'weeks', 'km', '1 week'],
  [100, 'runs', 'km', '100 runs'],
  [2, 'years', 'km', '2 years'],
  [31.6, 'C', 'km', '32 °C'],
  [25, 'E', 'km', '25 days of 25+ km'],
  [12, 'E', 'mi', '12 days of 12+ mi'],
  [75, 'percent', 'km', '75%'],
] as const)('%d %s (%s) reads %s', (value, unit, units, expected) => {
  expect(formatValue(value, unit, units)).toBe(expected);
});

test('a climb reads as elevation, never as kilometres', () => {
  expect(formatWinFigure({ value: 1000, unit: 'm-climb' }, 'km')).toBe('1,000 m');
  expect(formatWinFigure({ value: 1000, unit: 'm-climb' }, 'mi')).toBe('3,281 ft');
  expect(formatWinFigure({ value: 1000, unit: 'm' }, 'km')).toBe('1 km');
  expect(formatAxisValue(250, 'm-climb', 'km')).toBe('250 m');
  expect(formatAxisValue(2500, 'm', 'km')).toBe('2.5 km');
});

test('share links carry the page URL and the text, encoded, for each network', () => {
  const links = shareLinks('https://ana.github.io/wins/a/?x=1', 'Sub-25 5K & more');
  expect(links.map((l) => l.network)).toEqual(['X', 'Bluesky', 'Mastodon', 'Facebook', 'LinkedIn', 'WhatsApp']);
  for (const link of links) {
    expect(new URL(link.href).protocol).toBe('https:');
    expect(link.href).toContain(encodeURIComponent('https://ana.github.io/wins/a/?x=1'));
    expect(link.href).not.toContain('&more');
  }
});
