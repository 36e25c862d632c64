import { describe, expect, it } from 'vitest';
import { routeGeometry } from '../../src/lib/site/route-geometry.ts';

describe('routeGeometry', () => {
  it('fits a north–south line into the box, north up, with padding', () => {
    const geometry = routeGeometry({ points: [[60.01, 10], [60, 10]] }, 320, 12);
    expect(geometry).toEqual({ width: 24, height: 320, lines: [[[12, 12], [12, 308]]] });
  });

  it('keeps real proportions: at 60° N a degree of longitude is half as long', () => {
    const geometry = routeGeometry({ points: [[60, 10], [60, 10.02], [60.01, 10.02]] }, 320, 0);
    expect(geometry.width).toBe(320);
    expect(geometry.height).toBe(320);
    const square = routeGeometry({ points: [[60, 10], [60, 10.02], [60.02, 10.02]] }, 320, 0);
    expect(square.width).toBe(160);
    expect(square.height).toBe(320);
  });

  it('draws one line per stretch between hidden zones', () => {
    const geometry = routeGeometry({ points: [[60, 10], [60.01, 10], [60.02, 10], [60.03, 10]], breaks: [2] });
    expect(geometry.lines.map((line) => line.length)).toEqual([2, 2]);
  });
});
