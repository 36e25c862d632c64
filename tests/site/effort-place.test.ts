import { describe, expect, test } from 'vitest';
import { effortLength, effortPlace } from '../../src/lib/site/effort-place.ts';
import type { Effort } from '../../src/lib/types.ts';

describe('effortPlace', () => {
  test('says where the stretch lies, in km with one decimal', () => {
    expect(effortPlace(3209, 5000, 16200, 'km')).toBe('between km 3.2 and 8.2 of a 16.2 km run');
  });

  test('uses miles for a runner who counts in miles', () => {
    expect(effortPlace(3218.688, 5000, 16093.44, 'mi')).toBe('between mile 2 and 5.1 of a 10 mi run');
  });

  test('the locale sets the decimal separator', () => {
    expect(effortPlace(3209, 5000, 16200, 'km', 'de')).toBe('between km 3,2 and 8,2 of a 16,2 km run');
  });

  test('an effort at the very start reads from km 0', () => {
    expect(effortPlace(0, 1000, 5400, 'km')).toBe('between km 0 and 1 of a 5.4 km run');
  });

  test('the end never reads past the run itself', () => {
    expect(effortPlace(11300, 5000, 16200, 'km')).toBe('between km 11.3 and 16.2 of a 16.2 km run');
  });
});

describe('effortLength', () => {
  const efforts: Effort[] = [
    { distance: 400, time: 90, startOffset: 3857.5 },
    { distance: 1000, time: 240, startOffset: 3857.5 },
    { distance: 5000, time: 1500, startOffset: 5753 },
  ];

  test("a stream win's rung gives the stretch's length", () => {
    expect(effortLength('5k', efforts, 5753)).toBe(5000);
    expect(effortLength('10-miles', [], 0)).toBeCloseTo(16093.44, 2);
  });

  test('without a known rung, the longest effort starting at the offset', () => {
    expect(effortLength(null, efforts, 3857.5)).toBe(1000);
    expect(effortLength('no-such-rung', efforts, 5753)).toBe(5000);
  });

  test('null when nothing starts there', () => {
    expect(effortLength(null, efforts, 100)).toBeNull();
  });
});
