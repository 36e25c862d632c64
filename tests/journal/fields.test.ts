import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDistance,
  parseDuration,
  parseElevation,
  parseFeeling,
  parseTags,
  parseTemperature,
} from '../../src/lib/journal/fields.ts';

const MILE = 1609.344;

describe('parseDistance', () => {
  it.each([
    ['5', 'km', 5000],
    ['5', 'mi', 5 * MILE],
    ['5k', 'km', 5000],
    ['5 km', 'mi', 5000],
    ['5 KM', 'km', 5000],
    ['3.1 mi', 'km', 3.1 * MILE],
    ['800 m', 'km', 800],
    ['10mi', 'km', 10 * MILE],
    ['26.2 miles', 'km', 26.2 * MILE],
    ['.5', 'km', 500],
    ['21.0975 kilometres', 'km', 21097.5],
  ] as const)('%s (%s profile) is %f m', (text, unit, metres) => {
    const parsed = parseDistance(text, unit);
    expect(parsed.ok && parsed.value).toBeCloseTo(metres, 6);
  });

  it.each([
    ['10,5', 'a decimal point, not a comma (like "10.5")'],
    ['10,5 km', 'a decimal point, not a comma (like "10.5 km")'],
    ['0', 'a distance greater than 0'],
    ['-3', 'a distance greater than 0'],
    ['5 furlongs', 'a distance unit: km, k, m, mi or miles'],
    ['far', 'a distance like 5, 5k, 3.1 mi or 800 m (a bare number is km)'],
    ['', 'a distance like 5, 5k, 3.1 mi or 800 m (a bare number is km)'],
  ])('rejects %j', (text, expected) => {
    expect(parseDistance(text, 'km')).toEqual({ ok: false, expected });
  });
});

describe('parseDuration', () => {
  it.each([
    ['25:30', 1530],
    ['5:07', 307],
    ['1:02:03', 3723],
    ['0:40:12', 2412],
    ['75:00', 4500],
    ['12:03:04', 43384],
    ['25:30.5', 1530.5],
  ])('%s is %d s', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it.each(['25', '25 min', '1:60:00', '25:61', '0:00', 'a:bc', '1:2:3:4'])('rejects %j', (text) => {
    expect(parseDuration(text).ok).toBe(false);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2024-03-10', '2024-03-10', null],
    ['2024-02-29', '2024-02-29', null],
    ['2024-03-10T07:30', '2024-03-10', '07:30:00'],
    ['2024-03-10T07:30:15', '2024-03-10', '07:30:15'],
    // The written clock time is the runner's: an offset never moves the run to another day.
    ['2024-03-10T23:30:00-05:00', '2024-03-10', '23:30:00'],
    ['2024-03-10T00:10Z', '2024-03-10', '00:10:00'],
    ['2024-03-10 06:05', '2024-03-10', '06:05:00'],
  ])('%s is %s at %s', (text, date, startTime) => {
    expect(parseDateTime(text)).toEqual({ ok: true, value: { date, startTime } });
  });

  it.each([
    ['2025-02-30', 'a real calendar date (February 2025 has 28 days)'],
    ['2023-02-29', 'a real calendar date (February 2023 has 28 days)'],
    ['2024-04-31', 'a real calendar date (April 2024 has 30 days)'],
    ['2024-13-01', 'a real calendar date (months run 01–12)'],
    ['2024-03-10T25:00', 'a real clock time (00:00–23:59)'],
    ['10/03/2024', 'a date like 2025-03-14 or 2025-03-14T07:30'],
    ['yesterday', 'a date like 2025-03-14 or 2025-03-14T07:30'],
    ['', 'a date like 2025-03-14'],
  ])('rejects %j', (text, expected) => {
    expect(parseDateTime(text)).toEqual({ ok: false, expected });
  });

  it('parseDate refuses a time', () => {
    expect(parseDate('2025-10-12')).toEqual({ ok: true, value: '2025-10-12' });
    expect(parseDate('2025-10-12T08:00').ok).toBe(false);
  });
});

describe('small fields', () => {
  it.each([
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
  ])('boolean %s', (text, value) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value });
  });
  it('boolean rejects other words', () => {
    expect(parseBoolean('maybe')).toEqual({ ok: false, expected: 'yes or no' });
  });

  it('feeling is a whole number from 1 to 5', () => {
    expect([1, 2, 3, 4, 5].map((n) => parseFeeling(String(n)))).toEqual([1, 2, 3, 4, 5].map((value) => ({ ok: true, value })));
    for (const text of ['0', '6', '3.5', 'good']) expect(parseFeeling(text).ok).toBe(false);
  });

  it.each([
    ['18', 18],
    ['18 C', 18],
    ['18°C', 18],
    ['-4', -4],
    ['212 F', 100],
    ['32°F', 0],
    ['14f', -10],
  ])('temperature %s is %f °C', (text, celsius) => {
    const parsed = parseTemperature(text);
    expect(parsed.ok && parsed.value).toBeCloseTo(celsius, 9);
  });
  it('temperature rejects unknown units and commas', () => {
    expect(parseTemperature('20 K')).toEqual({ ok: false, expected: 'a temperature unit: C or F' });
    expect(parseTemperature('20,5').ok).toBe(false);
  });

  it.each([
    ['120', 120],
    ['120 m', 120],
    ['1000 ft', 304.8],
    ['0', 0],
  ])('elevation %s is %f m', (text, metres) => {
    const parsed = parseElevation(text);
    expect(parsed.ok && parsed.value).toBeCloseTo(metres, 9);
  });
  it('elevation rejects negatives and unknown units', () => {
    expect(parseElevation('-5')).toEqual({ ok: false, expected: 'a climb of 0 or more' });
    expect(parseElevation('5 yd')).toEqual({ ok: false, expected: 'an elevation unit: m or ft' });
  });

  it('tags split on semicolons', () => {
    expect(parseTags(' hills; trail ;;heat ')).toEqual(['hills', 'trail', 'heat']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('properties over generated cells', () => {
  const valueOf = (parsed: { ok: boolean; value?: number }) => (parsed.ok ? parsed.value : null);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  it('reads every clock time written as m:ss, mm:ss or h:mm:ss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.boolean(), (h, m, s, withHours) => {
        const text = withHours ? `${h}:${pad(m, 2)}:${pad(s, 2)}` : `${m}:${pad(s, 2)}`;
        const seconds = withHours ? h * 3600 + m * 60 + s : m * 60 + s;
        expect(valueOf(parseDuration(text))).toBe(seconds > 0 ? seconds : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses clock digits of 60 or more after the leading figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 60, max: 99 }), fc.integer({ min: 0, max: 59 }), (h, big, small) => {
        expect(parseDuration(`${h}:${big}:${pad(small, 2)}`).ok).toBe(false);
        expect(parseDuration(`${h}:${pad(small, 2)}:${big}`).ok).toBe(false);
        expect(parseDuration(`${small}:${big}`).ok).toBe(false);
      }),
    );
  });

  it('reads every real date and clock time, and refuses the days a month does not have', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31, 23, 59, 59)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('', 'T', ' '), fc.boolean(), (when, separator, seconds) => {
        const date = when.toISOString().slice(0, 10);
        const time = when.toISOString().slice(11, seconds ? 19 : 16);
        const text = separator === '' ? date : `${date}${separator}${time}`;
        const startTime = separator === '' ? null : seconds ? time : `${time}:00`;
        expect(parseDateTime(text)).toEqual({ ok: true, value: { date, startTime } });
        // The day after the month's last is not a date.
        const next = new Date(Date.UTC(when.getUTCFullYear(), when.getUTCMonth() + 1, 0)).getUTCDate() + 1;
        if (next <= 99) expect(parseDateTime(`${date.slice(0, 8)}${pad(next, 2)}`).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses hours past 23 and minutes or seconds past 59', () => {
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 99 }), fc.integer({ min: 60, max: 99 }), (hour, minute) => {
        expect(parseDateTime(`2024-03-10T${hour}:00`).ok).toBe(false);
        expect(parseDateTime(`2024-03-10T07:${minute}`).ok).toBe(false);
        expect(parseDateTime(`2024-03-10T07:30:${minute}`).ok).toBe(false);
      }),
    );
  });

  it('reads a bare number the same whichever path it takes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -500, max: 500 }).map(String), fc.double({ min: -500, max: 500, noNaN: true }).map((n) => n.toFixed(2))), (text) => {
        const number = Number(text);
        expect(valueOf(parseDistance(text, 'km'))).toBe(number > 0 ? number * 1000 : null);
        expect(valueOf(parseElevation(text))).toBe(number >= 0 ? number : null);
        expect(valueOf(parseTemperature(text))).toBe(number);
        expect(valueOf(parseDistance(` ${text} `, 'km'))).toBe(valueOf(parseDistance(text, 'km')));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads long bare numbers to the same double as Number does', () => {
    const long = fc.oneof(
      fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 12 })).map(([n, places]) => n.toFixed(places)),
      fc.bigInt({ min: 0n, max: 10n ** 18n }).map(String),
      fc.stringMatching(/^-?[0-9]{1,17}(\.[0-9]{1,17})?$/),
    );
    fc.assert(
      fc.property(long, (text) => {
        const number = Number(text);
        expect(valueOf(parseElevation(text))).toBe(number >= 0 ? number : null);
        expect(valueOf(parseTemperature(text))).toBe(number);
      }),
      { numRuns: 5000 },
    );
    // Numbers the bare-number shortcut does not take, read by the general pattern.
    expect([' 5.', '.5', '-0'].map((text) => valueOf(parseTemperature(text)))).toEqual([5, 0.5, -0]);
    for (const text of ['-', '1.2.3', '--1', '1e3', '0x10']) expect(valueOf(parseTemperature(text))).toBeNull();
  });
});
