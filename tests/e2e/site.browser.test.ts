// The built sample site in a real browser: every page type, the wins filter, the charts, every
// internal link (also under a base path), accessibility, and screenshots for review.
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { WIN_FAMILIES } from '../../src/lib/model/kinds.ts';
import { launchBrowser, openPage, type Browser } from '../../scripts/lib/browser.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { crawl } from './crawl.ts';
import { serveStatic, type StaticSite } from '../../scripts/lib/static-server.ts';
import { matchRewards } from '../../src/lib/wins/rewards.ts';

const BASE = '/small-wins/';
const DATA = resolve(import.meta.dirname, '../../data');
const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
// The sample's one run with a GPS track, its page and the win it earned.
const RIDGE_GPX = resolve(import.meta.dirname, '../fixtures/sample/2024-10-19-ridge-loop.gpx');
const RIDGE = { run: 'runs/2024-10-19/', win: 'wins/2024-10-19-ran-every-hill-of-the-ridge-loop/' };

const builds: BuiltSite[] = [];
let root: StaticSite;
let based: StaticSite;
let browser: Browser;
let pages: Record<string, string>;

/** One page of each type, found from the built site itself so the sample journal can change. */
async function pagesOf(site: StaticSite): Promise<Record<string, string>> {
  const html = async (path: string) => (await fetch(site.root + path)).text();
  const first = (text: string, pattern: RegExp) => {
    const match = pattern.exec(text);
    if (!match?.[1]) throw new Error(`no link like ${pattern} found`);
    return match[1];
  };
  const home = await html('');
  const wins = await html('wins/');
  const runs = await html('runs/');
  const year = first(wins, /href="\/wins\/(\d{4})\/"/);
  return {
    home: '',
    wins: 'wins/',
    winsPage2: 'wins/page/2/',
    winsFamily: `wins/family/${first(wins, /<a class="chip" href="\/wins\/family\/([a-z]+)\/"/)}/`,
    year: `wins/${year}/`,
    win: `wins/${first(wins, /href="\/wins\/(\d{4}-\d{2}-\d{2}-[^"]+)\/"/)}/`,
    // A record-setting win has a progression chart and something it beat.
    record: `wins/${first(await html('progress/'), /href="\/wins\/(\d{4}-[^"]+)\/"/)}/`,
    runs: 'runs/',
    runsPage2: 'runs/2/',
    run: `runs/${first(runs, /href="\/runs\/(\d{4}-\d{2}-\d{2}[^"/]*)\/"/)}/`,
    progress: 'progress/',
    goal: `goals/${first(home, /href="\/goals\/([^"/]+)\/"/)}/`,
    rewards: 'rewards/',
    notFound: '404.html',
    ridgeRun: RIDGE.run,
    ridgeWin: RIDGE.win,
  };
}

beforeAll(async () => {
  // One after the other: the second build finds every share image in the card cache the first
  // one filled, instead of both drawing them all at once on the same cores.
  builds.push(await buildSite());
  builds.push(await buildSite({ base: BASE }));
  const [plain, withBase] = builds as [BuiltSite, BuiltSite];
  root = await serveStatic(plain.outDir, '/');
  based = await serveStatic(withBase.outDir, BASE);
  browser = await launchBrowser();
  pages = await pagesOf(root);
  await mkdir(SCREENSHOTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await root?.close();
  await based?.close();
  await Promise.all(builds.map((build) => build.dispose()));
});

describe('every page type', () => {
  test.each(['home', 'wins', 'winsPage2', 'winsFamily', 'year', 'win', 'record', 'runs', 'runsPage2', 'run', 'progress', 'goal', 'rewards', 'notFound'])(
    '%s loads without a console error',
    async (name) => {
      const { page, errors } = await openPage(browser.context, root.root + pages[name]);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.title()).not.toBe('');
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('the list of all wins', () => {
  interface ListPage {
    path: string;
    main: string;
    /** The win addresses the page lists (`wins/<slug>/`). */
    wins: string[];
  }

  /** A list's pages, from its first along the "Older" links, as built. */
  async function listPages(first: string): Promise<ListPage[]> {
    const pages: ListPage[] = [];
    for (let path: string | undefined = first; path !== undefined; ) {
      const html: string = await readFile(join((builds[0] as BuiltSite).outDir, path, 'index.html'), 'utf8');
      const main: string = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      pages.push({ path, main, wins: [...main.matchAll(/href="\/(wins\/\d{4}-\d{2}-\d{2}-[^"/]+\/)"/g)].map((m) => m[1] as string) });
      path = /<a[^>]*href="\/([^"]+)"[^>]*rel="next"/.exec(main)?.[1];
    }
    return pages;
  }

  /** The filter's chips of a page: where each leads, its count, and whether it is marked current. */
  const chipsOf = (main: string) =>
    [...main.matchAll(/<a class="chip" href="\/([^"]+)"([^>]*)>[^<]*<span class="count[^"]*">([\d,]+)<\/span>/g)].map((m) => ({
      path: m[1] as string,
      count: Number((m[3] as string).replace(/,/g, '')),
      current: /aria-current="(page|true)"/.exec(m[2] as string)?.[1] ?? null,
    }));

  test('pages through every win the engine found exactly once; the home page and the filter count them all', async () => {
    const journal = await readJournal(DATA);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const all = await listPages('wins/');
    expect(all.length).toBeGreaterThan(1);
    const listed = all.flatMap((page) => page.wins);
    expect(listed.length).toBe(wins.length);
    expect([...listed].sort()).toEqual(wins.map((win) => `wins/${win.slug}/`).sort());
    const home = await readFile(join((builds[0] as BuiltSite).outDir, 'index.html'), 'utf8');
    expect(home).toMatch(new RegExp(`>All ${wins.length.toLocaleString('en')} wins →<`));
    // The same chips on every page, counts over all wins: "All" first, then each family with wins.
    const expected = [
      { path: 'wins/', count: wins.length },
      ...WIN_FAMILIES.map((family) => ({ path: `wins/family/${family}/`, count: wins.filter((win) => win.family === family).length })).filter((chip) => chip.count > 0),
    ];
    all.forEach((page, i) => {
      expect(chipsOf(page.main)).toEqual(expected.map((chip) => ({ ...chip, current: chip.path === 'wins/' ? (i === 0 ? 'page' : 'true') : null })));
    });
  });

  test("each family's chip leads to its pages, which list exactly that family's wins", async () => {
    const journal = await readJournal(DATA);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const families = WIN_FAMILIES.filter((family) => wins.some((win) => win.family === family));
    expect(families.length).toBeGreaterThan(5);
    for (const family of families) {
      const pages = await listPages(`wins/family/${family}/`);
      const listed = pages.flatMap((page) => page.wins).sort();
      expect({ family, listed }).toEqual({ family, listed: wins.filter((win) => win.family === family).map((win) => `wins/${win.slug}/`).sort() });
      expect(chipsOf(pages[0]!.main).filter((chip) => chip.current === 'page').map((chip) => chip.path)).toEqual([`wins/family/${family}/`]);
    }
  });

  test("a win's page keeps its address, /wins/<slug>/, beside the year pages", async () => {
    const journal = await readJournal(DATA);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const built = (await readdir(join((builds[0] as BuiltSite).outDir, 'wins'))).filter((name) => /^\d{4}-\d{2}-\d{2}-/.test(name)).sort();
    expect(built).toEqual(wins.map((win) => win.slug).sort());
    const years = [...new Set(wins.map((win) => win.date.slice(0, 4)))];
    for (const year of years) expect((await fetch(`${root.root}wins/${year}/`)).status).toBe(200);
  });
});

describe('the wins filter', () => {
  test('shows only the chosen kind, then everything again, without a reload', async () => {
    const { page, errors } = await openPage(browser.context, root.root + pages.year);
    const items = page.locator('li[data-kind]');
    const total = await items.count();
    const chip = page.locator('[data-filter] button[data-kind]:not([data-kind=""])').first();
    await expect.poll(() => chip.isVisible()).toBe(true);
    const kind = (await chip.getAttribute('data-kind')) as string;
    // A run's wins are one entry: it shows for each kind among them.
    const expected = await page.locator(`li[data-kinds~="${kind}"]`).count();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('li[data-kind]:visible').count()).toBe(expected);
    expect(await page.locator(`li[data-kinds~="${kind}"]:visible`).count()).toBe(expected);
    expect(expected).toBeLessThan(total);
    await page.locator('[data-filter] button[data-kind=""]').click();
    expect(await page.locator('li[data-kind]:visible').count()).toBe(total);
    // Same document: no navigation happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('without JavaScript the full list is in the page and the filter stays hidden', async () => {
    const html = await (await fetch(root.root + pages.year)).text();
    expect(html).toMatch(/<div[^>]*data-filter[^>]*hidden/);
    // "All" counts wins, as the page's heading does, not the entries that group a run's wins.
    const all = /data-kind=""[^>]*>\s*All <span[^>]*>(\d+)</.exec(html);
    const wins = new Set(html.slice(html.indexOf('data-win-list')).match(/href="\/wins\/\d{4}-\d{2}-\d{2}-[^"/]+\/"/g));
    expect(Number(all?.[1])).toBe(wins.size);
    expect(html).toContain(`<p class="eyebrow">${wins.size} wins</p>`);
    expect(wins.size).toBeGreaterThan(html.match(/<li[^>]*data-kind=/g)?.length ?? 0);
  });
});

describe('progression charts on win pages', () => {
  test('a series of totals is said by its weeks or months, a record by its steps', async () => {
    const journal = await readJournal(DATA);
    const wins = findWins(journal.runs, journal.goals, journal.profile).filter((win) => win.progression && win.progression.upTo > 0);
    const totals = wins.filter((win) => win.progression!.series.period !== null);
    const records = wins.filter((win) => win.progression!.series.period === null);
    expect(totals.map((win) => win.kind)).toContain('comeback');
    for (const win of [...totals.slice(0, 5), ...records.slice(0, 5)]) {
      const page = await (await fetch(`${root.root}wins/${win.slug}/`)).text();
      const caption = /<p class="muted"[^>]*>([^<]*up to this win\.)<\/p>/.exec(page)?.[1] ?? '';
      const period = win.progression!.series.period;
      expect(caption, win.slug).toMatch(period === null ? /steps? up to this win/ : new RegExp(`${period}s? up to this win`));
    }
  });
});

describe('charts', () => {
  test('chart.js draws the canvases of /progress/ and each has its data table', async () => {
    const { page, errors } = await openPage(browser.context, root.root + pages.progress);
    const canvases = page.locator('figure[data-chart] canvas');
    expect(await canvases.count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('figure[data-chart][data-drawn]').count()).toBe(await canvases.count());
    const painted = await page.evaluate(() =>
      [...document.querySelectorAll('figure[data-chart] canvas')].map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) inked++;
        return inked;
      }),
    );
    for (const inked of painted) expect(inked).toBeGreaterThan(500);
    for (const id of await canvases.evaluateAll((list) => list.map((c) => c.id))) {
      expect(await page.locator(`#${id}-table tbody tr`).count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test('chart.js is loaded only where a chart is', async () => {
    // `getDatasetMeta` is a chart.js method name: it survives minification.
    const loadsChartJs = async (path: string) => {
      const { page } = await openPage(browser.context, root.root + path);
      await page.waitForLoadState('networkidle');
      const sources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
      const code = await Promise.all(sources.map(async (src) => (await fetch(src)).text()));
      await page.close();
      return code.some((text) => text.includes('getDatasetMeta'));
    };
    expect(await loadsChartJs(pages.progress as string)).toBe(true);
    expect(await loadsChartJs(pages.home as string)).toBe(false);
    expect(await loadsChartJs(pages.win as string)).toBe(false);
    expect(await loadsChartJs(pages.goal as string)).toBe(false);
  });

  test('pages without charts, filters or share actions load no JavaScript', async () => {
    for (const name of ['home', 'runs', 'run', 'goal', 'notFound']) {
      const html = await (await fetch(root.root + pages[name])).text();
      expect({ name, scripts: html.match(/<script(?![^>]*application\/json)[^>]*>/g) ?? [] }).toEqual({ name, scripts: [] });
    }
  });

  test('charts do not shift the layout when they load', async () => {
    const { page } = await openPage(browser.context, root.root + pages.progress);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(total), 500);
        }),
    );
    expect(shift).toBeLessThan(0.05);
    await page.close();
  });
});

describe('links', () => {
  test('every internal link, image, script and stylesheet resolves', async () => {
    const result = await crawl(root.root);
    expect(result.broken).toEqual([]);
    expect(result.pages.length).toBeGreaterThan(20);
  });

  test(`every one resolves under the base path ${BASE} too`, async () => {
    const result = await crawl(based.root);
    expect(result.broken).toEqual([]);
    expect(result.pages.length).toBeGreaterThan(20);
    // Nothing escapes the base path: the server answers nothing outside it.
    expect(result.pages.every((page) => page.startsWith(based.root))).toBe(true);
  });
});

describe('route maps', () => {
  test.each(Object.entries(RIDGE))('the %s page of the Ridge loop draws its route as a labelled SVG of fixed size', async (_name, path) => {
    const { page, errors } = await openPage(browser.context, root.root + path);
    const map = page.locator('figure.route-map svg[role="img"]');
    expect(await map.count()).toBe(1);
    expect(await map.getAttribute('aria-label')).toBe('Route of Ridge loop, start and finish hidden');
    expect(await map.locator('path').count()).toBeGreaterThan(0);
    // Width and height in the markup: the box is reserved before anything paints.
    const [width, height] = [Number(await map.getAttribute('width')), Number(await map.getAttribute('height'))];
    const box = await map.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(Math.abs((box?.height ?? 0) / (box?.width ?? 1) - height / width)).toBeLessThan(0.02);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page without a track has no route map', async () => {
    const response = await fetch(root.root + 'runs/2024-06-15/');
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('route-map');
  });

  test("the GPX's raw start and finish coordinates appear nowhere in dist/", async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'trkpt' });
    const points: Array<{ lat: string; lon: string }> = parser.parse(await readFile(RIDGE_GPX, 'utf8')).gpx.trk.trkseg.trkpt;
    const ends = [points[0]!, points.at(-1)!].flatMap((p) => [Number(p.lat).toFixed(4), Number(p.lon).toFixed(4)]);
    const outDir = (builds[0] as BuiltSite).outDir;
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      if (!/\.(html|xml|json|js|css|txt|webmanifest)$/.test(file.name)) continue;
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      for (const value of ends) expect({ file: file.name, found: text.includes(value) }).toEqual({ file: file.name, found: false });
    }
  });
});

describe('rewards', () => {
  // The sample's rewards.md, and the wins the notes say they were had on.
  const EARNED = [
    ['New trail shoes', '2025-01-07-1000-km-lifetime'],
    ['Pancakes for everyone', '2025-07-09-twelve-kilometres-of-cliffs-before-breakfast'],
    ['A cinnamon bun', '2025-08-16-first-30-km'],
    [null, '2025-08-19-52-week-streak'],
  ];
  const PRIVATE_WORDS = ['silver earrings', 'Saturday market'];
  const text = (path: string) => fetch(root.root + path).then((response) => response.text());
  const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  test('the engine earns each of the sample rewards on the win its story names', async () => {
    const journal = await readJournal('data');
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    const standing = matchRewards(journal.rewards ?? [], wins, journal.runs, journal.goals, journal.profile, journal.today);
    expect(standing.earned.map(({ reward, win }) => [reward.private ? null : reward.text, win.slug])).toEqual(EARNED);
    expect(standing.ahead.map(({ reward }) => reward.text)).toEqual(['A massage']);
  });

  test("each earned reward shows on its win's page, a private one without its words", async () => {
    for (const [reward, slug] of EARNED) {
      const page = words(await text(`wins/${slug}/`));
      expect(page).toContain(`Reward ${reward ?? 'A private reward'}`);
      expect(page).toContain('All rewards →');
    }
    expect(words(await text('wins/2025-08-16-thirty-kilometres-on-my-own-two-feet/'))).not.toContain('Reward');
  });

  test('/rewards/ lists the earned ones with their dates and wins, and how far away the one ahead is', async () => {
    const html = await text('rewards/');
    const page = words(html);
    expect(page).toContain('4 of 5 rewards earned.');
    expect(page).toContain('New trail shoes for 1,000 km lifetime · Jan 7, 2025');
    expect(page).toContain('A cinnamon bun for First 30 km · Aug 16, 2025');
    expect(page).toContain('A private reward for 52-week streak · Aug 19, 2025');
    expect(page).toContain('A massage for Winter Trail 50K 27 days to race day');
    for (const [, slug] of EARNED) expect(html).toContain(`href="/wins/${slug}/"`);
    // Linked from the home page and the wins page; the header keeps its four links.
    expect(await text('')).toContain('href="/rewards/"');
    expect(await text('wins/')).toContain('href="/rewards/"');
  });

  test('the feed carries the public rewards', async () => {
    const feed = await text('rss.xml');
    expect(feed).toContain('Reward: A cinnamon bun.');
    expect(feed).toContain('Reward earned.');
  });

  test("a private reward's words appear in no file of dist/", async () => {
    const outDir = (builds[0] as BuiltSite).outDir;
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = await readFile(join(file.parentPath, file.name));
      for (const secret of PRIVATE_WORDS) expect({ file: file.name, found: bytes.includes(secret) }).toEqual({ file: file.name, found: false });
    }
  });
});

describe('accessibility', () => {
  const require = createRequire(import.meta.url);
  const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  test.each(['home', 'win', 'record', 'progress', 'goal', 'ridgeWin'])('axe finds no serious or critical violation on %s', async (name) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(root.root + pages[name]);
      await page.addScriptTag({ content: await axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      expect({ colorScheme, violations: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({
        colorScheme,
        violations: [],
      });
      await page.close();
    }
  });
});

describe('screenshots for review', () => {
  test.each([375, 1280])('every page type at %i px', { timeout: 120_000 }, async (width) => {
    for (const name of ['home', 'wins', 'win', 'record', 'runs', 'run', 'progress', 'goal', 'notFound']) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(root.root + pages[name], { waitUntil: 'networkidle' });
      // Lazy images below the fold (the share-card previews) load now, so the screenshot shows them.
      const broken = await page.evaluate(async () => {
        const images = [...document.images];
        for (const image of images) image.loading = 'eager';
        // decode() settles once the image has loaded (or failed to).
        await Promise.all(images.map((image) => image.decode().catch(() => null)));
        return images.filter((image) => image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
      });
      expect({ name, broken }).toEqual({ name, broken: [] });
      const file = join(SCREENSHOTS, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // Nothing may scroll sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ name, overflow }).toEqual({ name, overflow: 0 });
      await page.close();
    }
  });

  test('the Ridge loop run page with its route map', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(root.root + pages.ridgeRun, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(SCREENSHOTS, 'run-ridge-1280.png'), fullPage: true });
    expect(await page.locator('figure.route-map svg path').count()).toBeGreaterThan(0);
    await page.close();
  });
});
