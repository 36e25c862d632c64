// The weekly recaps in a real build of the sample journal: a page per week with runs (figures
// from the engine), the paged list, the weeks feed as well-formed XML, and the pages in Chromium
// at a phone's and a desktop's width.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { weekRecaps, weekSummary } from '../../src/lib/site/weeks.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { launchBrowser, openPage, type Browser } from '../../scripts/lib/browser.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { serveStatic, type StaticSite } from '../../scripts/lib/static-server.ts';

const DATA = resolve(import.meta.dirname, '../../data');
let site: BuiltSite;
let server: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite();
  server = await serveStatic(site.outDir, '/');
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.dispose();
});

describe('weekly recaps in the build', () => {
  test('one page per week with runs, each with the engine figures', async () => {
    const journal = await readJournal(DATA);
    const recaps = weekRecaps(journal.runs, findWins(journal.runs, journal.goals, journal.profile));
    const pages = (await readdir(join(site.outDir, 'weeks'))).filter((name) => /^\d{4}-W\d{2}$/.test(name)).sort();
    expect(pages).toEqual(recaps.map((recap) => recap.week));
    expect(recaps.reduce((sum, recap) => sum + recap.runs.length, 0)).toBe(journal.runs.length);
    for (const recap of recaps) {
      const html = await readFile(join(site.outDir, 'weeks', recap.week, 'index.html'), 'utf8');
      const summary = weekSummary(recap, journal.profile.units).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      expect(html, recap.week).toContain(summary.split(';')[0]);
      // The week's public stories are linked; a private run's never is.
      for (const run of recap.runs.filter((r) => r.storyId !== null)) {
        expect(html.includes(`href="/runs/${run.id}/"`), run.id).toBe(!run.private);
      }
    }
  });

  test('the weeks feed is well-formed XML, newest week first', async () => {
    const xml = await readFile(join(site.outDir, 'weeks', 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = new XMLParser().parse(xml).rss.channel.item as Array<{ title: string; guid: string }>;
    expect(items.length).toBeGreaterThan(0);
    const weeks = items.map((item) => item.guid);
    expect(weeks).toEqual([...weeks].sort().reverse());
  });

  test.each([375, 1280])('the list and a week page at %i px: no overflow, nothing serious for axe', { timeout: 120_000 }, async (width) => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const newest = (await readdir(join(site.outDir, 'weeks'))).filter((name) => /^\d{4}-W\d{2}$/.test(name)).sort().at(-1);
    for (const path of ['weeks/', `weeks/${newest}/`]) {
      const { page, errors } = await openPage(browser.context, server.root + path, width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.addScriptTag({ content: axeSource });
      const serious = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        return (await axe.run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect({ path, overflow, serious, errors }).toEqual({ path, overflow: 0, serious: [], errors: [] });
      await page.close();
    }
  });
});
