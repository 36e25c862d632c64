// The year's story slides and link card, drawn by the real renderer from the card fixtures'
// journal: sizes, nothing in the margins, under the byte budget, and a golden image per slide.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_BYTE_BUDGET, createCardRenderer, type CardRenderer } from '../../src/lib/cards/render-card.ts';
import { cardMargins } from '../../src/lib/cards/template.ts';
import { yearCardJobs } from '../../src/lib/cards/year-slides.ts';
import type { CardJob } from '../../src/lib/cards/render-all.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { FIXTURES, ROOT, decode, inkInMargins, luminanceVariance } from './helpers.ts';

const GOLDENS = `${FIXTURES}golden/years/`;
let renderer: CardRenderer;
let jobs: CardJob[];

beforeAll(async () => {
  renderer = createCardRenderer({ root: ROOT });
  const journal = await readJournal(join(FIXTURES, 'journal'), { today: '2025-12-03' });
  jobs = yearCardJobs(journal, findWins(journal.runs, journal.goals, journal.profile));
});

describe('year slides', () => {
  it('has five to seven story slides and one link card per year', () => {
    const years = new Set(jobs.map((job) => job.path.split('/')[1]));
    expect(years.size).toBeGreaterThan(0);
    for (const year of years) {
      const own = jobs.filter((job) => job.path.startsWith(`years/${year}/`));
      const slides = own.filter((job) => job.format === '1080x1920');
      expect(slides.length).toBeGreaterThanOrEqual(5);
      expect(slides.length).toBeLessThanOrEqual(7);
      expect(own.filter((job) => job.format === '1200x630').map((job) => job.path)).toEqual([`years/${year}/card-1200x630.png`]);
    }
  });

  it('draws each at its size, with content, nothing in the margins, under the byte budget, matching its golden', { timeout: 120_000 }, async () => {
    for (const job of jobs) {
      const png = await renderer.render(job.input, job.format);
      const pixels = await decode(png);
      const [width, height] = job.format.split('x').map(Number);
      expect([job.path, pixels.width, pixels.height]).toEqual([job.path, width, height]);
      expect(luminanceVariance(pixels)).toBeGreaterThan(200);
      expect(png.length).toBeLessThan(CARD_BYTE_BUDGET);
      const m = cardMargins(job.format);
      expect([job.path, inkInMargins(pixels, { top: m.top - 2, right: m.right - 2, bottom: m.bottom - 2, left: m.left - 2 })]).toEqual([job.path, 0]);
      // Regenerate on purpose: UPDATE_GOLDENS=1 npx vitest run tests/cards/year-slides.test.ts
      const file = `${GOLDENS}${job.path.replaceAll('/', '-')}`;
      if (process.env.UPDATE_GOLDENS === '1') {
        mkdirSync(GOLDENS, { recursive: true });
        writeFileSync(file, png);
      }
      expect(existsSync(file), `missing golden ${file}: run with UPDATE_GOLDENS=1`).toBe(true);
      const expected = await decode(readFileSync(file));
      const changed = pixelmatch(pixels.data, expected.data, undefined, pixels.width, pixels.height, { threshold: 0.1 });
      // A few edge pixels may differ between machines' font rasterising; one changed digit is thousands.
      expect(changed, job.path).toBeLessThan(400);
    }
  });
});
