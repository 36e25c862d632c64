// The trust checks themselves must be able to fail: each is shown a violation it has to catch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/types.ts';
import { publishableTrack } from '../../src/lib/journal/imports/privacy.ts';
import { lineCount, metresBetween, misplaced, offset, routeSteps, walkRoute } from '../../scripts/fuzz/properties.ts';

const at = (path: string, line: number | null): Problem => ({ severity: 'error', path, line, field: 'date', value: 'x', message: 'expected a date' });

describe('the location check', () => {
  const files = new Map([['runs.csv', 'date,distance\n2025-01-01,5\n']]);

  it('accepts a problem on a line of a known file', () => {
    expect(misplaced([at('runs.csv', 2)], files)).toEqual([]);
  });

  it.each([
    ['an unknown file', at('other.csv', 1), /unknown path/],
    ['no line', at('runs.csv', null), /no line/],
    ['line 0', at('runs.csv', 0), /out of the file/],
    ['a line past the end', at('runs.csv', 9), /out of the file/],
    ['an empty message', { ...at('runs.csv', 1), message: ' ' }, /no message/],
  ])('flags %s', (_what, problem, message) => {
    expect(misplaced([problem], files).join('\n')).toMatch(message);
  });

  it('allows no line only for a whole-file problem', () => {
    expect(misplaced([at('runs.csv', null)], files, (path) => path === 'runs.csv')).toEqual([]);
  });

  it('counts lines the way an editor does', () => {
    expect([lineCount('a'), lineCount('a\nb'), lineCount('a\r\nb\r\n'), lineCount('a\rb\rc')]).toEqual([1, 2, 3, 3]);
  });
});

describe('the distance check behind GPS trimming', () => {
  it('measures metres on the ground', () => {
    const origin: [number, number] = [59.3293, 18.0686];
    expect(metresBetween(origin, offset(origin, 500, 0))).toBeCloseTo(500, -1);
    expect(metresBetween(origin, offset(origin, 0, 500))).toBeCloseTo(500, -1);
  });

  it('would see an untrimmed track come home', () => {
    const origin: [number, number] = [59.3293, 18.0686];
    const loop = Array.from({ length: 200 }, (_, i) => offset(origin, 1_000 * Math.sin((i / 199) * Math.PI), 2_000 * (i / 199) * (1 - i / 199)));
    const untrimmed = publishableTrack(loop, 0);
    const nearest = Math.min(...(untrimmed?.points ?? []).map((p) => metresBetween(p, origin)));
    expect(nearest).toBeLessThan(50);
  });

  it('sees tracks to check: most random walks keep something to draw', () => {
    const routes = fc.sample(routeSteps, { numRuns: 50, seed: 1 });
    const drawn = routes.filter((steps) => publishableTrack(walkRoute(steps, [59, 18], 30)) !== null);
    expect(drawn.length).toBeGreaterThan(10);
  });
});
