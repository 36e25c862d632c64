// The benchmark's page weights, on a small built site kept as real files (under a base path for
// the win page, as on GitHub Pages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectSite } from '../../scripts/bench/inspect-site.ts';

const site = join(import.meta.dirname, '../fixtures/bench/site');
const bytes = (path: string) => readFileSync(join(site, path)).length;
const gzipped = (path: string) => gzipSync(readFileSync(join(site, path))).length;

describe('inspectSite', () => {
  const weight = inspectSite(site);

  it('counts every page', () => {
    expect(weight.pages).toBe(4);
    expect(weight.winPages).toBe(1);
  });

  it("weighs a win page with every stylesheet it links, whatever the base path", () => {
    const expected = bytes('wins/2024-01-02-first-run/index.html') + bytes('_astro/base.css') + bytes('_astro/win.css');
    expect(weight.largestWinPage).toBe('wins/2024-01-02-first-run/index.html');
    expect(weight.largestWinPageKB).toBeCloseTo(expected / 1024, 6);
  });

  it('flags a page that loads JavaScript with no chart, filter or share actions (JSON data is not JavaScript)', () => {
    expect(weight.plainPagesWithJs).toEqual(['index.html']);
  });

  it("weighs a chart page's JavaScript gzipped, following its imports", () => {
    expect(weight.chartPages).toBe(1);
    expect(weight.largestChartJsKB).toBeCloseTo((gzipped('_astro/chart.js') + gzipped('_astro/chunk.js')) / 1024, 6);
  });
});
