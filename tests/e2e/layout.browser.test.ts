// Every page type of the built sample site in a real browser, at a phone's and a laptop's width,
// light and dark: nothing wider than the screen, no text cut off, every image decoded, every
// chart's labels inside its canvas and readable, nothing serious for axe. The screenshots are
// kept in test-results/screenshots/layout/ for a person to look at.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type Browser } from '../../scripts/lib/browser.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { serveStatic, type StaticSite } from '../../scripts/lib/static-server.ts';

export const LAYOUT_SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots/layout');
const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

let build: BuiltSite;
let site: StaticSite;
let browser: Browser;
let pages: Record<string, string>;

async function pageTypes(root: string): Promise<Record<string, string>> {
  const html = async (path: string) => (await fetch(root + path)).text();
  const first = (text: string, pattern: RegExp) => {
    const match = pattern.exec(text);
    if (!match?.[1]) throw new Error(`no link like ${pattern} found`);
    return match[1];
  };
  const [home, wins, runs, progress, rewards] = await Promise.all(['', 'wins/', 'runs/', 'progress/', 'rewards/'].map(html)) as [string, string, string, string, string];
  return {
    home: '',
    wins: 'wins/',
    winsPage2: first(wins, /<a[^>]*href="\/(wins\/page\/2\/)"[^>]*rel="next"/),
    winsFamily: first(wins, /<a class="chip" href="\/(wins\/family\/[a-z]+\/)"/),
    year: `wins/${first(wins, /href="\/wins\/(\d{4})\/"/)}/`,
    win: `wins/${first(wins, /href="\/wins\/(\d{4}-\d{2}-\d{2}-[^"]+)\/"/)}/`,
    record: `wins/${first(progress, /href="\/wins\/(\d{4}-[^"]+)\/"/)}/`,
    runs: 'runs/',
    run: `runs/${first(runs, /href="\/runs\/(\d{4}-\d{2}-\d{2}[^"/]*)\/"/)}/`,
    progress: 'progress/',
    goal: `goals/${first(home, /href="\/goals\/([^"/]+)\/"/)}/`,
    rewards: 'rewards/',
    // A win page with its reward earned (the first one the rewards page links).
    rewardWin: `wins/${first(rewards, /href="\/wins\/(\d{4}-\d{2}-\d{2}-[^"]+)\/"/)}/`,
    notFound: '404.html',
  };
}

beforeAll(async () => {
  build = await buildSite();
  site = await serveStatic(build.outDir, '/');
  browser = await launchBrowser();
  pages = await pageTypes(site.root);
  await mkdir(LAYOUT_SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await build?.dispose();
});

async function open(name: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(site.root + pages[name], { waitUntil: 'networkidle' });
  // Lazy images below the fold load now, so they are checked and shown in the screenshot.
  await page.evaluate(async () => {
    for (const image of document.images) image.loading = 'eager';
    await Promise.all([...document.images].map((image) => image.decode().catch(() => null)));
  });
  await page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => (f as HTMLElement).dataset.drawn));
  return page;
}

/** Everything a reader could miss: sideways scroll, clipped text, broken images. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const broken = [...document.images].filter((image) => image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`;
    const cut: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden, svg, canvas, details:not([open]) > :not(summary)')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || !(el.textContent ?? '').trim()) continue;
      // A box of one pixel is hidden on purpose, for screen readers only.
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const clipsX = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      const clipsY = ['hidden', 'clip'].includes(style.overflowY);
      if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) cut.push(describe(el));
    }
    // Text running out of the screen even where nothing scrolls: a word wider than its line.
    const outside: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.closest('.visually-hidden, svg, [hidden], .table-scroll, .scroll, .chips')) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && (rect.left < -1 || rect.right > document.documentElement.clientWidth + 1)) outside.push(describe(node.parentElement as Element));
      }
    }
    return { overflow, broken, cut, outside: [...new Set(outside)] };
  });
}

/** Chart.js charts, from the instance's own layout: labels, first and last markers inside the canvas. */
function chartProblems(page: Page) {
  return page.evaluate(() => {
    type Item = { label: string | string[]; font: { string: string; size: number; lineHeight: number }; options: { translation: [number, number]; textAlign: string } };
    type Scale = { id: string; getLabelItems(): Item[] };
    type Point = { x: number; y: number; options: { radius: number }; skip?: boolean };
    type ChartLike = { width: number; height: number; ctx: CanvasRenderingContext2D; scales: Record<string, Scale>; data: { datasets: unknown[] }; getDatasetMeta(i: number): { data: Point[] } };
    const problems: string[] = [];
    let checked = 0;
    for (const canvas of document.querySelectorAll('figure[data-chart] canvas')) {
      const chart = (canvas as HTMLCanvasElement & { chart?: ChartLike }).chart;
      if (!chart) {
        problems.push(`${canvas.id}: not drawn`);
        continue;
      }
      checked++;
      for (const scale of Object.values(chart.scales)) {
        for (const item of scale.getLabelItems()) {
          const text = Array.isArray(item.label) ? item.label.join(' ') : String(item.label);
          chart.ctx.font = item.font.string;
          const width = chart.ctx.measureText(text).width;
          const [x, y] = item.options.translation;
          const left = item.options.textAlign === 'center' ? x - width / 2 : item.options.textAlign === 'right' ? x - width : x;
          if (left < -0.5 || left + width > chart.width + 0.5 || y < 0 || y > chart.height) problems.push(`${canvas.id} ${scale.id} label "${text}" at ${Math.round(left)}–${Math.round(left + width)} of ${chart.width}`);
          if (item.font.size < 11) problems.push(`${canvas.id} ${scale.id} label "${text}" is ${item.font.size}px`);
        }
      }
      chart.data.datasets.forEach((_, i) => {
        const points = chart.getDatasetMeta(i).data.filter((p) => !p.skip);
        for (const p of [points[0], points.at(-1)]) {
          if (!p) continue;
          const r = p.options.radius ?? 0;
          if (p.x - r < -0.5 || p.x + r > chart.width + 0.5 || p.y - r < -0.5 || p.y + r > chart.height + 0.5) problems.push(`${canvas.id} dataset ${i}: marker at ${Math.round(p.x)},${Math.round(p.y)} r${r} outside ${chart.width}×${chart.height}`);
        }
      });
    }
    // Static SVG charts and the calendar: every label inside its picture, at least 11 px on screen, none on another.
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart-frame, .heatmaps figure svg')) {
      checked++;
      const box = svg.getBoundingClientRect();
      const scale = svg.getScreenCTM()?.a ?? 1;
      const rects: Array<{ text: string; r: DOMRect }> = [];
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        const label = text.textContent ?? '';
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) problems.push(`svg label "${label}" outside its chart`);
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < 10.95) problems.push(`svg label "${label}" is ${px.toFixed(1)}px`);
        for (const other of rects) {
          if (r.left < other.r.right && other.r.left < r.right && r.top < other.r.bottom && other.r.top < r.bottom) problems.push(`svg labels "${label}" and "${other.text}" overlap`);
        }
        rects.push({ text: label, r });
      }
    }
    return { problems, checked };
  });
}

const require = createRequire(import.meta.url);
const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: await axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.each(WIDTHS)('every page type at %i px', (width) => {
  test.each(SCHEMES)('%s: fits the screen, nothing cut, images decode, charts inside, axe clean', { timeout: 300_000 }, async (scheme) => {
    for (const name of Object.keys(pages)) {
      const page = await open(name, width, scheme);
      await page.screenshot({ path: join(LAYOUT_SCREENSHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });
      const layout = await layoutProblems(page);
      expect({ name, ...layout }).toEqual({ name, overflow: 0, broken: [], cut: [], outside: [] });
      const charts = await chartProblems(page);
      expect({ name, problems: charts.problems }).toEqual({ name, problems: [] });
      if (name === 'progress' || name === 'home' || name === 'goal' || name === 'record') expect({ name, charts: charts.checked > 0 }).toEqual({ name, charts: true });
      expect({ name, violations: await seriousViolations(page) }).toEqual({ name, violations: [] });
      await page.close();
    }
  });
});

/** How many children of the grid `selector` sit alone on their row without spanning it: a card beside an empty gap. */
function aloneBesideGap(page: Page, selector: string): Promise<number> {
  return page.evaluate((gridSelector) => {
    const grid = document.querySelector(gridSelector) as HTMLElement;
    const width = grid.getBoundingClientRect().width;
    const boxes = [...grid.children].map((child) => child.getBoundingClientRect());
    return boxes.filter((box) => !boxes.some((other) => other !== box && Math.abs(other.top - box.top) < 1) && box.width < width * 0.9).length;
  }, selector);
}

describe('on a laptop', () => {
  test('the progress charts pair up: no chart card beside an empty half of its row', async () => {
    const page = await open('progress', 1280, 'light');
    expect(await page.locator('.grid > *').count()).toBeGreaterThan(3);
    expect(await aloneBesideGap(page, '.grid')).toBe(0);
    await page.close();
  });
});

describe('on a phone, nothing half empty', () => {
  test('the home page stat tiles: an odd last tile takes the whole row', async () => {
    const page = await open('home', 375, 'light');
    expect(await aloneBesideGap(page, '.stats')).toBe(0);
    await page.close();
  });

  test('a run logged without a time shows no dashes in its line', async () => {
    const page = await open('runs', 375, 'light');
    const dashes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.runs td')].filter((cell) => cell.textContent?.trim() === '–' && cell.getClientRects().length > 0).length,
    );
    expect(dashes).toBe(0);
    await page.close();
  });
});

describe('on a phone', () => {
  test('the calendar opens on the latest months', async () => {
    const page = await open('progress', 375, 'light');
    const latest = await page.evaluate(() => {
      const scroll = document.querySelector('.heatmaps .scroll') as HTMLElement;
      const labels = [...scroll.querySelectorAll('svg text')].filter((t) => /\D/.test(t.textContent ?? '') && (t.getAttribute('y') ?? '') === '11');
      const last = labels.at(-1) as Element;
      const first = labels[0] as Element;
      const view = scroll.getBoundingClientRect();
      const inside = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.left >= view.left && r.right <= view.right;
      };
      return { scrolls: scroll.scrollWidth > scroll.clientWidth, lastShown: inside(last), firstShown: inside(first) };
    });
    expect(latest).toEqual({ scrolls: true, lastShown: true, firstShown: false });
    await page.close();
  });

  test('the calendar shows whole month labels, its latest day and its weekday labels', async () => {
    const page = await open('progress', 375, 'light');
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.heatmaps figure')].map((calendar) => {
        const scroll = calendar.querySelector('.scroll') as HTMLElement;
        const view = scroll.getBoundingClientRect();
        const months = [...scroll.querySelectorAll('svg text')].filter((t) => !/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(t.textContent ?? '')).map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
        const visible = months.filter(({ box }) => box.right > view.left + 0.5 && box.left < view.right - 0.5);
        const cut = visible.filter(({ box }) => box.left < view.left - 0.5 || box.right > view.right + 0.5).map(({ text }) => text);
        const latest = [...scroll.querySelectorAll('rect')].at(-1)!.getBoundingClientRect();
        const weekdays = [...calendar.querySelectorAll('svg text')].filter((t) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(t.textContent ?? '')).map((t) => t.getBoundingClientRect());
        return {
          cut,
          anyMonth: visible.length > 0,
          latestShown: latest.left >= view.left - 0.5 && latest.right <= view.right + 0.5,
          weekdaysShown: weekdays.length > 0 && weekdays.every((box) => box.width > 0 && box.left >= 0 && box.right <= view.left + 0.5),
        };
      }),
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const calendar of seen) expect(calendar).toEqual({ cut: [], anyMonth: true, latestShown: true, weekdaysShown: true });
    await page.close();
  });

  test('the runs log is a list of compact entries that keep time, pace and wins', async () => {
    const page = await open('runs', 375, 'light');
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('table.runs tbody tr')].slice(0, 20).map((tr) => {
        const shown = (selector: string) => {
          const cell = tr.querySelector(selector) as HTMLElement;
          const r = cell.getBoundingClientRect();
          return getComputedStyle(cell).display !== 'none' && r.width > 0 && r.right <= document.documentElement.clientWidth;
        };
        // A run logged without a time has no time or pace to show in its line.
        const timed = !tr.querySelector('td.time')!.classList.contains('empty');
        return { name: shown('td.name'), date: shown('td.date'), time: shown('td.time') === timed, pace: shown('td.pace') === timed, height: Math.round(tr.getBoundingClientRect().height) };
      }),
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row).toMatchObject({ name: true, date: true, time: true, pace: true });
      // Two short lines, not a tall stack of one value per line.
      expect(row.height).toBeLessThan(90);
    }
    await page.close();
  });
});

describe('the wins filter on a phone', () => {
  test.each(['wins', 'winsPage2', 'winsFamily', 'year'])('on %s its chips are one row that scrolls, above the first win', async (name) => {
    const page = await open(name, 375, 'light');
    const filter = await page.evaluate(() => {
      const chips = document.querySelector('.filter .chips') as HTMLElement;
      const buttons = [...chips.querySelectorAll('.chip')].map((b) => b.getBoundingClientRect());
      const firstWin = (document.querySelector('li[data-kind]') as HTMLElement).getBoundingClientRect();
      return {
        rows: new Set(buttons.map((b) => Math.round(b.top))).size,
        scrolls: chips.scrollWidth > chips.clientWidth,
        aboveFirstWin: chips.getBoundingClientRect().bottom <= firstWin.top,
        firstWinOnScreen: firstWin.top < window.innerHeight,
      };
    });
    expect(filter).toEqual({ rows: 1, scrolls: true, aboveFirstWin: true, firstWinOnScreen: true });
    await page.close();
  });
});

describe('the wins filter on a laptop', () => {
  test.each(['wins', 'year'])('on %s every chip shows, none past the edge', async (name) => {
    const page = await open(name, 1280, 'light');
    const hidden = await page.evaluate(() => {
      const chips = document.querySelector('.filter .chips') as HTMLElement;
      const box = chips.getBoundingClientRect();
      return [...chips.querySelectorAll('.chip')].filter((chip) => chip.getBoundingClientRect().right > box.right + 0.5).map((chip) => chip.textContent?.trim());
    });
    expect(hidden).toEqual([]);
    await page.close();
  });
});

describe('the runs log', () => {
  test("each run's win badge links to its win", async () => {
    const html = await (await fetch(site.root + 'runs/')).text();
    const badges = [...html.matchAll(/<a[^>]*class="wins[^"]*"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*class="wins/g)].map((m) => m[1] ?? m[2]);
    expect(badges.length).toBeGreaterThan(5);
    for (const href of badges.slice(0, 10)) {
      expect(href).toMatch(/^\/wins\/\d{4}-\d{2}-\d{2}-/);
      expect((await fetch(site.origin + href)).status).toBe(200);
    }
  });
});

describe('labels mean one thing', () => {
  const text = async (path: string) => {
    const html = await (await fetch(site.root + path)).text();
    return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  };

  test('the goal countdown reads the same on the home page and the goal page', async () => {
    const countdown = /(\d+) days to go (\d+ weeks?(?: and \d+ days?)?), as of/;
    const home = countdown.exec(await text(pages.home as string));
    const goal = /Days to go (\d+) (\d+ weeks?(?: and \d+ days?)?), as of/.exec(await text(pages.goal as string));
    expect(home?.slice(1)).toEqual(goal?.slice(1));
    expect(home).not.toBeNull();
  });

  test('streaks are named as the wins name them, and the calendar says what it shows', async () => {
    expect(await text(pages.home as string)).toMatch(/(Weekly|Daily) streak \d+ (weeks|days?)/);
    const progress = await text(pages.progress as string);
    expect(progress).toMatch(/Longest daily streak \d+ days/);
    expect(progress).toContain('Days you ran');
    expect(progress).not.toContain('Every day run');
  });

  test("a shared page's title names the runner", async () => {
    for (const name of ['win', 'goal', 'runs']) {
      const html = await (await fetch(site.root + pages[name])).text();
      const title = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect({ name, title: title.includes('Maya Lindqvist') }).toEqual({ name, title: true });
    }
  });
});

describe('the feed', () => {
  test('opens in a browser as a readable page listing its wins, fitting a phone', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(site.root + 'rss.xml', { waitUntil: 'load' });
    const shown = await page.evaluate(() => ({
      type: document.contentType,
      heading: document.querySelector('h1')?.textContent ?? '',
      items: document.querySelectorAll('li a[href]').length,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    await page.screenshot({ path: join(LAYOUT_SCREENSHOTS, 'feed-375-light.png'), fullPage: true });
    const items = (await readFile(join(build.outDir, 'rss.xml'), 'utf8')).match(/<item>/g)?.length ?? 0;
    expect(items).toBeGreaterThan(10);
    expect(shown).toEqual({ type: 'text/html', heading: "Maya's small wins", items, overflow: 0 });
    await page.close();
  });

  test('names its stylesheet, which is served, and each enclosure gives its card file\'s byte size', async () => {
    const xml = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
    const sheet = /<\?xml-stylesheet [^?]*href="([^"]+)"/.exec(xml)?.[1];
    expect(sheet).toBe('/rss.xsl');
    expect((await fetch(site.origin + sheet)).status).toBe(200);
    const enclosures = [...xml.matchAll(/<enclosure url="[^"]*?\/((?:wins|goals)\/[^"]+\.png)" length="(\d+)"/g)];
    expect(enclosures.length).toBeGreaterThan(10);
    for (const [, path, length] of enclosures) {
      expect({ path, length: Number(length) }).toEqual({ path, length: (await stat(join(build.outDir, path as string))).size });
    }
  });
});

describe('the run facts on a laptop', () => {
  test.each(['win', 'record', 'run'])("the %s page's run date stays on one line", async (name) => {
    const page = await open(name, 1280, 'light');
    const lines = await page.evaluate(() => {
      const date = document.querySelector('.facts dd time');
      if (!date) return null;
      const range = document.createRange();
      range.selectNodeContents(date);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);
    await page.close();
  });
});

describe("the designer's review", () => {
  /** The page at `path` (under the site root), its charts drawn. */
  async function openPath(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(site.root + path, { waitUntil: 'networkidle' });
    return page;
  }
  const shown = async (path: string, selector: string) => {
    const page = await openPath(path, 1280);
    const text = await page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);
    await page.close();
    return text.replace(/\s+/g, ' ').trim();
  };

  test('a ladder win names the last milestone, a goal step the run before it, a record the record', async () => {
    const streak = await shown('wins/2025-08-19-52-week-streak/', '.beat');
    expect(streak).toContain('The last milestone was 26 weeks, on June 25, 2024');
    expect(streak).not.toContain('record');
    expect(await shown('wins/2025-10-11-winter-trail-50k-75-percent/', '.beat')).toContain('Up from 25.1 km on Jul 19, 2025');
    expect(await shown('wins/2025-08-30-biggest-month/', '.beat')).toContain('The record before was 191 km, set in July 2025.');
    expect(await shown('wins/2025-08-17-biggest-week/', '.beat')).toContain('The record before was 55.9 km, set the week of Jul 7, 2025.');
  });

  test('no page puts a space before a full stop, comma, semicolon or colon', async () => {
    const files = (await readdir(build.outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(100);
    const page = await browser.context.newPage();
    const found: string[] = [];
    for (const file of files) {
      await page.goto(site.root + file.replace(/index\.html$/, ''), { waitUntil: 'domcontentloaded' });
      const text = await page.evaluate(() => document.body.innerText);
      for (const line of text.split('\n')) {
        const match = /\S {1,}[.,;:](\s|$)/u.exec(line);
        if (match) found.push(`${file}: …${line.slice(Math.max(0, match.index - 30), match.index + 10)}…`);
      }
    }
    await page.close();
    expect(found).toEqual([]);
  }, 300_000);

  // A number and its unit, and a date, each on one line: "after 16.2 / km" and "Jun 2, / 2025" read badly.
  test.each([
    ['', ['time']],
    ['goals/winter-trail-50k/', ['time', '.stat']],
    ['wins/2024-10-19-ran-every-hill-of-the-ridge-loop/', ['.place']],
    ['years/2024/', ['time']],
    ['runs/', ['.lede a']],
  ])('at 375 px, %s keeps each date and each number with its unit on one line', async (path, selectors) => {
    const page = await openPath(path, 375);
    const split = await page.evaluate((selectors) => {
      const FIGURES = /\d[\d,.]*\s(?:km|mi|m|days?|weeks?|of \d)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s\d{1,2},\s\d{4}|Week by week/gu;
      const problems: string[] = [];
      const lines = (node: Node, from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      let checked = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden, svg, [hidden], title')) continue;
        const text = (node.textContent ?? '').replace(/\u00A0/g, ' ');
        for (const match of text.matchAll(FIGURES)) {
          checked++;
          if (lines(node, match.index, match.index + match[0].length) > 1) problems.push(match[0]);
        }
      }
      for (const selector of selectors) {
        for (const el of document.querySelectorAll(selector)) {
          if (el.tagName !== 'TIME') continue;
          checked++;
          if (lines(el, 0, el.childNodes.length) > 1) problems.push(`time: ${el.textContent}`);
        }
      }
      return { problems, checked };
    }, selectors);
    await page.close();
    expect(split.checked).toBeGreaterThan(0);
    expect(split.problems).toEqual([]);
  });

  test('the share previews line up at the top and each download link stays on one line', async () => {
    for (const width of WIDTHS) {
      const page = await openPath(pages.win as string, width);
      const { tops, lines } = await page.evaluate((width) => {
        const items = [...document.querySelectorAll('.share .cards li')];
        const tops = items.map((li) => Math.round(li.getBoundingClientRect().top));
        const lines = [...document.querySelectorAll('.share .cards a[download]')].map((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size);
        // On a phone the landscape card has a row of its own, the two tall ones share the next.
        return { tops: width > 640 ? new Set(tops).size : new Set(tops.slice(1)).size, lines: Math.max(...lines) };
      }, width);
      expect({ width, tops, lines }).toEqual({ width, tops: 1, lines: 1 });
      await page.close();
    }
  });

  test('the calendar counts days run, and a year page names its weekly streak', async () => {
    const calendar = await shown('progress/', '.heatmaps figcaption');
    expect(calendar).toMatch(/\d{4} ran on \d+ days/);
    expect(calendar).not.toContain('days running');
    const year = await shown('years/2025/', '.stats, [aria-labelledby="totals"]');
    expect(year).toMatch(/Longest weekly streak \d+ weeks/i);
    // The year of a 52-week streak win says so.
    expect(Number(/Longest weekly streak (\d+)/i.exec(year)?.[1])).toBeGreaterThanOrEqual(52);
    expect(year).toMatch(/Longest daily streak \d+ days?/i);
  });

  test("a win's eyebrow does not say its family twice", async () => {
    for (const path of ['wins/2025-10-11-winter-trail-50k-75-percent/', 'wins/2024-06-15-hammarby-summer-10k/']) {
      const eyebrow = await shown(path, '.eyebrow.kind');
      const [family, kind] = eyebrow.split(' · ');
      expect({ path, eyebrow, echo: kind !== undefined && (kind.startsWith(family!) || family!.startsWith(kind.split(' ')[0]!)) }).toMatchObject({ path, echo: false });
    }
  });

  test("a run's facts read as the rest of the site writes them", async () => {
    const facts = await shown('wins/2025-10-11-winter-trail-50k-75-percent/', '.facts');
    expect(facts).toContain('38.4 km');
    expect(facts).not.toMatch(/\d\.\d0 km/);
    const page = await openPath('runs/', 1280);
    const runPaths = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href^="/runs/2"]')].map((a) => a.getAttribute('href')!.slice(1)));
    await page.close();
    const values: string[] = [];
    const labels: string[] = [];
    for (const path of [...new Set(runPaths)]) {
      const factPage = await openPath(path, 1280);
      const facts = await factPage.evaluate(() => ({
        values: [...document.querySelectorAll('.facts dd')].map((dd) => dd.textContent ?? ''),
        labels: [...document.querySelectorAll('.facts dt')].map((dt) => dt.textContent ?? ''),
      }));
      await factPage.close();
      values.push(...facts.values);
      labels.push(...facts.labels);
    }
    expect(values.length).toBeGreaterThan(10);
    expect(values.filter((value) => /^[a-z]/.test(value) || /-\d/.test(value) || /\d\.\d0\s(km|mi)/.test(value))).toEqual([]);
    expect(labels).not.toContain('Felt');
    expect(values.some((value) => /^\S+, \d of 5$/.test(value.replace(/\u00A0/g, ' ')))).toBe(true);
  });

  test('the month by month card has no gap above its title', async () => {
    const page = await openPath('years/2025/', 1280);
    const gap = await page.evaluate(() => {
      const card = document.querySelector('section.card[aria-labelledby="months"]')!;
      const title = card.querySelector('h2')!;
      return title.getBoundingClientRect().top - card.getBoundingClientRect().top - parseFloat(getComputedStyle(card).paddingTop);
    });
    await page.close();
    expect(gap).toBeLessThan(4);
  });

  test('the weeks read as dates, with the ISO week only in the address', async () => {
    const list = await shown('weeks/', 'main');
    expect(list).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(list).toMatch(/Week \d+ · [A-Z][a-z]{2} \d+–(?:[A-Z][a-z]{2} )?\d+, \d{4}/);
    const week = await shown('weeks/2025-W33/', 'main');
    expect(week).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(week).toContain('Week 33');
    expect(week).toMatch(/Aug 11–17, 2025/i);
  });

  test('a short page keeps its footer at the bottom of the screen', async () => {
    const page = await openPath('404.html', 1280);
    const gap = await page.evaluate(() => window.innerHeight - document.querySelector('.site-footer')!.getBoundingClientRect().bottom);
    await page.close();
    expect(Math.abs(gap)).toBeLessThan(2);
  });
});
