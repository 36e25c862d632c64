import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberOf, readElements, timeOf } from '../../src/lib/journal/imports/xml-elements.ts';

describe('timeOf', () => {
  it('reads the common UTC form', () => {
    expect(timeOf('2024-03-10T07:00:00Z')).toBe(Date.UTC(2024, 2, 10, 7));
    expect(timeOf(' 2024-03-10T07:00:00.25Z\n')).toBe(Date.UTC(2024, 2, 10, 7, 0, 0, 250));
    expect(timeOf('2024-03-10T09:00:00+02:00')).toBe(Date.UTC(2024, 2, 10, 7));
    expect(timeOf('yesterday')).toBeNaN();
  });

  it('agrees with Date.parse on anything near the form', () => {
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const stamp = fc
      .tuple(digits(4, 9999), digits(2, 14), digits(2, 33), digits(2, 25), digits(2, 61), digits(2, 61), fc.constantFrom('', '.5', '.123', '.123456', '.'), fc.constantFrom('Z', '', '+01:00', 'z'))
      .map(([y, mo, d, h, mi, s, frac, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`);
    fc.assert(
      fc.property(stamp, (text) => {
        expect(Object.is(timeOf(text), Date.parse(text)) || (Number.isNaN(timeOf(text)) && Number.isNaN(Date.parse(text)))).toBe(true);
      }),
      { numRuns: 3000, seed: 42 },
    );
  });
});

describe('numberOf', () => {
  it('reads numbers, and nothing from empty or non-numeric text', () => {
    expect(numberOf(' 12.5 ')).toBe(12.5);
    expect(numberOf('0')).toBe(0);
    expect(numberOf('-3')).toBe(-3);
    expect(numberOf('')).toBeNull();
    expect(numberOf('  ')).toBeNull();
    expect(numberOf('12 m')).toBeNull();
    expect(numberOf(undefined)).toBeNull();
  });
});

describe('readElements', () => {
  it('hands over local names, parents, attributes and decoded text, and says whether the root closed', () => {
    const seen: string[] = [];
    const result = readElements('<a:root x="1"><a:item n="&amp;">one &lt;1&gt;</a:item><item><![CDATA[two & <2>]]></item></a:root>', {
      open: (name, parent, attributes) => seen.push(`open ${name} in ${parent} ${JSON.stringify(attributes)}`),
      close: (name, parent, text) => seen.push(`close ${name} in ${parent}: ${text}`),
    });
    expect(result).toEqual({ root: 'root', complete: true });
    expect(seen).toEqual([
      'open root in null {"x":"1"}',
      'open item in root {"n":"&"}',
      'close item in root: one <1>',
      'open item in root {}',
      'close item in root: two & <2>',
      'close root in null: ',
    ]);
    expect(readElements('<root><item>cut', {})).toEqual({ root: 'root', complete: false });
    expect(readElements('no markup', {})).toEqual({ root: null, complete: false });
  });
});
