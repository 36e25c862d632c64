import fc from 'fast-check';
import { Parser } from 'htmlparser2';
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
    expect(Object.is(numberOf('-0'), -0)).toBe(true);
    expect(numberOf('5.')).toBe(5);
    expect(numberOf('.5')).toBe(0.5);
    expect(numberOf('1e3')).toBe(1000);
  });

  it('reads every decimal as the same double Number() does', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+', ' '), fc.stringMatching(/^[0-9]{0,12}$/), fc.constantFrom('', '.'), fc.stringMatching(/^[0-9]{0,12}$/), fc.constantFrom('', ' ', 'e2'))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(decimal, fc.double({ noNaN: true }).map(String)), (text) => {
        const expected = Number(text);
        const read = numberOf(text);
        if (!Number.isFinite(expected) || (expected === 0 && text.trim() === '')) expect(read).toBeNull();
        else expect(Object.is(read, expected)).toBe(true);
      }),
      { numRuns: 5000, seed: 7 },
    );
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

/** What htmlparser2's Parser hands over for the same text: the reference readElements must agree with. */
function parserEvents(xml: string): { events: string[]; root: string | null; complete: boolean } {
  const events: string[] = [];
  const stack: string[] = [];
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  let text = '';
  let root: string | null = null;
  let complete = false;
  const parser = new Parser(
    {
      onopentag(raw, attributes) {
        const name = local(raw);
        root ??= name;
        events.push(`open ${name} in ${stack.at(-1) ?? null} ${JSON.stringify(attributes)}`);
        stack.push(name);
        text = '';
      },
      ontext(chunk) {
        text += chunk;
      },
      onclosetag(raw, implied) {
        const name = stack.pop() ?? local(raw);
        events.push(`close ${name} in ${stack.at(-1) ?? null}: ${text}`);
        text = '';
        if (stack.length === 0 && name === root && !implied) complete = true;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { events, root, complete };
}

describe('readElements against htmlparser2 Parser', () => {
  it('hands over the same elements, attributes, text and closes on any mix of markup', () => {
    const name = fc.constantFrom('gpx', 'trk', 'trkpt', 'ele', 'time', 'ns:trkpt', 'a:b:c', 'Lap');
    const attribute = fc.tuple(fc.constantFrom('lat', 'lon', 'x', 'lat'), fc.constantFrom('"1.5"', "'2'", '"a &amp; b"', '"&#x41;"', '""', 'bare')).map(([n, v]) => (v === 'bare' ? ` ${n}` : ` ${n}=${v}`));
    const piece = fc.oneof(
      fc.tuple(name, fc.array(attribute, { maxLength: 3 }), fc.boolean()).map(([n, attrs, self]) => `<${n}${attrs.join('')}${self ? '/' : ''}>`),
      name.map((n) => `</${n}>`),
      fc.constantFrom('text', ' 12.5 ', '&lt;', '&amp;amp;', '&bogus;', '<![CDATA[a < b]]>', '<!-- note -->', '<?xml version="1.0"?>', '<!DOCTYPE gpx>', '\n  ', '<', '&'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const xml = pieces.join('');
        const events: string[] = [];
        const read = readElements(xml, {
          open: (n, parent, attributes) => events.push(`open ${n} in ${parent} ${JSON.stringify(attributes)}`),
          close: (n, parent, text) => events.push(`close ${n} in ${parent}: ${text}`),
        });
        const expected = parserEvents(xml);
        expect(events).toEqual(expected.events);
        expect(read).toEqual({ root: expected.root, complete: expected.complete });
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
