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
import type { CardInput } from '../../src/lib/cards/card-input.ts';
import type { Journal } from '../../src/lib/types.ts';
import { makeGoal, makeProfile, makeRuns } from '../wins/make-run.ts';

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

describe('the year slides\' words, from the engine\'s wins', () => {
  const profile = makeProfile();
  const today = '2025-11-22';
  const goal = makeGoal({ slug: 'winter-trail-50k', title: 'Winter Trail 50K', date: '2025-12-13', distance: 50_000 });
  const runs = makeRuns([
    { date: '2024-05-04', km: 5, time: 1800 },
    { date: '2024-06-01', km: 6, time: 2200 },
    { date: '2025-03-01', km: 10, time: 3600, race: 'Spring 10K', isRace: true, type: 'race' },
    { date: '2025-05-10', km: 21.1, time: 7788, race: 'Coastline Half Marathon', isRace: true, type: 'race' },
    { date: '2025-09-20', km: 42.2, time: 18000 },
    // The year's last race is no headline: it was never the year's biggest moment.
    { date: '2025-10-04', km: 10, time: 3700, race: 'Autumn 10K', isRace: true, type: 'race' },
  ]);
  const wins = findWins(runs, [goal], profile);
  const journal = { profile, goals: [goal], today, runs } as unknown as Journal;
  const slides = (year: string) => {
    const jobs = yearCardJobs(journal, wins).filter((job) => job.path.startsWith(`years/${year}/slide-`));
    return new Map(jobs.map((job) => [job.path.replace(/^.*slide-\d-|\.png$/gu, ''), job.input]));
  };
  const words = (input: CardInput | undefined) => [input?.kicker, input?.headline, input?.figure, input?.detail];

  it('compares the year with the one before in words, never a line starting with a separator', () => {
    const number = slides('2025').get('number');
    expect(number?.detail).toMatch(/^[\d.]+ km more than 2024\u00A0· \d+ small wins$/u);
  });

  it('leads with how many wins mattered, and names the biggest first', () => {
    const headline = wins.filter((win) => win.headline && win.date.startsWith('2025'));
    const all = wins.filter((win) => win.date.startsWith('2025'));
    expect(words(slides('2025').get('wins'))).toEqual([
      'The wins that mattered',
      `${headline.length} of ${all.length} small\u00A0wins`,
      null,
      `First half marathon race, First race, First marathon and ${headline.length - 3} more`,
    ]);
  });

  it('names new distances and bests by size, the count leading', () => {
    expect(words(slides('2025').get('bests'))).toEqual(['Farther', '3 new\u00A0distances', null, 'First marathon, First half marathon and First 10K']);
  });

  it('takes the biggest moment from the engine\'s rank, said as its own card says it', () => {
    expect(words(slides('2025').get('moment'))).toEqual(['The biggest moment', 'Coastline Half\u00A0Marathon', '2:09:48', 'Debut at the distance\u00A0· 6:09 /km']);
  });

  it('counts down to the next goal and says how far the longest run has come', () => {
    expect(words(slides('2025').get('next'))).toEqual(["What's next", 'Winter Trail 50K', '3 weeks to go', 'Longest run so far: 42.2 of 50 km']);
  });
});
