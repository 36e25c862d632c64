// The year-in-review pages of the sample journal in a real `astro build` and a real browser: one
// page per year with its slides (decoded, at their sizes), the links to it, and the page at phone
// and desktop widths (no overflow, images decode, axe finds nothing serious).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yearCardJobs } from '../../src/lib/cards/year-slides.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { formatWinFigure } from '../../src/lib/wins/figure.ts';
import { launchBrowser, type Browser } from '../../scripts/lib/browser.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { serveStatic, type StaticSite } from '../../scripts/lib/static-server.ts';

const DATA = resolve(import.meta.dirname, '../../data');
// December: the home page links the year so far.
const TODAY = '2025-12-03';
let site: BuiltSite;
let served: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const saved = process.env.SMALL_WINS_TODAY;
  process.env.SMALL_WINS_TODAY = TODAY;
  try {
    site = await buildSite();
  } finally {
    if (saved === undefined) delete process.env.SMALL_WINS_TODAY;
    else process.env.SMALL_WINS_TODAY = saved;
  }
  served = await serveStatic(site.outDir);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await site?.dispose();
});

const html = (path: string) => readFile(join(site.outDir, path), 'utf8');

describe('year pages in the build', () => {
  test('2024 and 2025 each have a page, five to seven story slides and a link card, all counted', async () => {
    const journal = await readJournal(DATA, { today: TODAY });
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const jobs = yearCardJobs(journal, wins);
    for (const year of ['2024', '2025']) {
      const page = await html(`years/${year}/index.html`);
      const slides = jobs.filter((job) => job.path.startsWith(`years/${year}/slide-`));
      expect(slides.length).toBeGreaterThanOrEqual(5);
      expect(slides.length).toBeLessThanOrEqual(7);
      for (const job of jobs.filter((j) => j.path.startsWith(`years/${year}/`))) {
        const meta = await sharp(await readFile(join(site.outDir, job.path))).metadata();
        expect([job.path, meta.width, meta.height]).toEqual([job.path, ...job.format.split('x').map(Number)]);
        expect(page).toContain(job.path.split('/').at(-1));
      }
    }
    const summary = /^cards: (\d+) rendered, (\d+) cached$/m.exec(site.log);
    expect(summary).not.toBeNull();
    const total = Number(summary?.[1]) + Number(summary?.[2]);
    // Counted as images drawn: two slides that would be the same picture are one image.
    const yearImages = new Set(jobs.map((job) => JSON.stringify([job.input, job.format]))).size;
    expect(total).toBe(wins.length * 3 + journal.goals.length + 1 + yearImages);
  });

  test('the pages say the engine’s figures, and compare 2025 with 2024', async () => {
    const page2025 = await html('years/2025/index.html');
    expect(page2025).toContain('2025 so far');
    // A no-break space holds the figure to its unit.
    expect(page2025).toMatch(/Compared with 2024: [+−][\d,]+\skm/);
    expect(await html('years/2024/index.html')).toContain('2024 in review');
    // The biggest month reads as its win reads it ("235 km"), not to a decimal of its own.
    const journal = await readJournal(DATA, { today: TODAY });
    const months = findWins(journal.runs, journal.goals, journal.profile).filter((win) => win.kind === 'biggest-month' && win.date.startsWith('2025'));
    const biggest = months.reduce((a, b) => (b.value > a.value ? b : a));
    // The page holds a number to its unit with a no-break space.
    expect(page2025.replace(/\u00a0|&nbsp;|&#160;/g, ' ')).toContain(`Month: ${formatWinFigure(biggest, journal.profile.units, journal.profile.locale)} in`);
  });

  test('linked from the home page in December and from every year’s wins page', async () => {
    expect(await html('index.html')).toContain('href="/years/2025/"');
    for (const year of ['2024', '2025']) expect(await html(`wins/${year}/index.html`)).toContain(`href="/years/${year}/"`);
  });

  test('no private run’s story reaches a year page', async () => {
    const journal = await readJournal(DATA, { today: TODAY });
    const pages = (await html('years/2024/index.html')) + (await html('years/2025/index.html'));
    for (const run of journal.runs.filter((r) => r.private)) {
      expect(pages).not.toContain(`runs/${run.id}/`);
      if (run.title) expect(pages).not.toContain(run.title);
    }
  });
});

describe('year pages in a browser', () => {
  const require = createRequire(import.meta.url);
  const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  test.each([375, 1280])('at %i px: no overflow, every image decodes, axe finds nothing serious', { timeout: 120_000 }, async (width) => {
    for (const year of ['2024', '2025']) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${served.root}years/${year}/`, { waitUntil: 'networkidle' });
      const broken = await page.evaluate(async () => {
        const images = [...document.images];
        for (const image of images) image.loading = 'eager';
        await Promise.all(images.map((image) => image.decode().catch(() => null)));
        return images.filter((image) => image.naturalWidth === 0).map((image) => image.src);
      });
      expect({ year, broken }).toEqual({ year, broken: [] });
      expect(await page.locator('canvas').count()).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ year, overflow }).toEqual({ year, overflow: 0 });
      await page.addScriptTag({ content: await axeSource });
      const serious = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        return (await axe.run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect({ year, serious }).toEqual({ year, serious: [] });
      await page.close();
    }
  });
});
