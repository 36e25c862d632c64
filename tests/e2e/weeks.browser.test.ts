// The weekly recaps in a real build of the sample journal: a page per week with runs (figures
// from the engine), the paged list, the weeks feed as well-formed XML, and the pages in Chromium
// at a phone's and a desktop's width. The runner's reflections lead their week's post and feed
// item, and a private one's words are nowhere in the built site.
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

/** Runs of plain words in a text (no punctuation, so HTML or XML escaping cannot hide them). */
function phrases(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z ]{18,}[A-Za-z]/g)].map((match) => match[0]);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('week reflections in the build', () => {
  test('a public reflection leads its week page, its feed item and shows in the list', async () => {
    const journal = await readJournal(DATA);
    const shown = journal.reflections.filter((r) => !r.private);
    expect(shown.length).toBeGreaterThan(0);
    const xml = await readFile(join(site.outDir, 'weeks', 'rss.xml'), 'utf8');
    const items = new XMLParser().parse(xml).rss.channel.item as Array<{ title: string; guid: string; description: string }>;
    // Every page of the paged list.
    const listPages = (await filesUnder(join(site.outDir, 'weeks'))).filter((file) => /weeks\/(\d+\/)?index\.html$/.test(file));
    const list = (await Promise.all(listPages.map((file) => readFile(file, 'utf8')))).join('\n');
    let inFeed = 0;
    for (const reflection of shown) {
      const first = phrases(reflection.body)[0] as string;
      const html = await readFile(join(site.outDir, 'weeks', reflection.week, 'index.html'), 'utf8');
      expect(html, reflection.week).toContain(first);
      // Above the generated summary.
      expect(html.indexOf(first), reflection.week).toBeLessThan(html.indexOf('class="lede"'));
      if (reflection.title !== null) expect(html, reflection.week).toContain(`>${reflection.title}</h2>`);
      expect(list, reflection.week).toContain(first);
      // The feed holds the newest weeks only.
      const item = items.find((i) => i.guid === `week-${reflection.week}`);
      if (item === undefined) continue;
      inFeed++;
      // The reflection first, then the figures in their own closing paragraph.
      expect(item.description.indexOf(first), reflection.week).toBeGreaterThanOrEqual(0);
      expect(item.description.indexOf(first), reflection.week).toBeLessThan(item.description.lastIndexOf('<p>'));
      if (reflection.title !== null) expect(item.title).toBe(`Week ${reflection.week}: ${reflection.title}`);
    }
    expect(inFeed).toBeGreaterThan(0);
  });

  test("a private reflection's words reach no file of the site, yet its week has its post", async () => {
    const journal = await readJournal(DATA);
    const hidden = journal.reflections.filter((r) => r.private);
    expect(hidden.length).toBeGreaterThan(0);
    const words = hidden.flatMap((r) => [...phrases(r.body), ...(r.title === null ? [] : phrases(r.title))]);
    expect(words.length).toBeGreaterThan(3);
    const files = await filesUnder(site.outDir);
    expect(files.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1');
      for (const phrase of words) if (text.includes(phrase)) leaks.push(`${file.slice(site.outDir.length)}: ${phrase}`);
    }
    expect(leaks).toEqual([]);
    for (const reflection of hidden) {
      const html = await readFile(join(site.outDir, 'weeks', reflection.week, 'index.html'), 'utf8');
      expect(html).not.toContain('class="reflection');
    }
  });
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
        // Named by the story's own title (the sleet run's story is "A bad day, run anyway").
        const title = journal.stories.find((story) => story.id === run.storyId)?.title;
        if (!run.private && title) expect(html, run.id).toContain(`>${title.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</a>`);
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
