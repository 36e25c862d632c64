// The hostile journal, built twice: the two builds are byte-identical, and what they publish is
// escaped everywhere, runs nothing in a browser, reads as written and holds no private text.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { routeGeometry } from '../../src/lib/site/route-geometry.ts';
import { inspectPage, openBrowser, serveStatic, type PageReport } from './browser.ts';
import { hashTree, listTree, useTempCache } from './helpers.ts';
import { metresBetween } from '../../scripts/fuzz/properties.ts';
import { buildSite, prepareProject, type BuildResult } from './site-build.ts';

const HOSTILE = 'tests/fixtures/trust/hostile';
/** Where the fixture's GPS loop starts and ends (see make-gps-fixtures.ts). */
const ROUTE_START: [number, number] = [59.3293, 18.0686];
const PRIVATE_MARKER = 'PRIVATE-MARKER';
/** The fixture's 200-character word and long URL (2025-03-13: title, win, notes, story, week, reward). */
const LONG_WORD = 'Aaaaaaaah'.padEnd(200, 'h');
const LONG_URL = `https://example.com/${'strava-segment-leaderboard-'.repeat(6)}0123456789abcdef`;
const PHONE = 375;

/** Every file under `from`, relative, in the given order. */
function files(from: string): string[] {
  return listTree(from);
}

/** Copies a journal file by file in `order`, stamping every file (and folder) with `time`. */
function copyJournal(from: string, to: string, order: 'forward' | 'reverse', time: Date): void {
  const list = order === 'forward' ? files(from) : files(from).reverse();
  for (const path of list) {
    mkdirSync(dirname(join(to, path)), { recursive: true });
    writeFileSync(join(to, path), readFileSync(join(from, path)));
  }
  for (const path of [...list, ...readdirSync(to, { recursive: true }).map(String)]) utimesSync(join(to, path), time, time);
}

const root = mkdtempSync(join(tmpdir(), 'small-wins-site-'));
const builds: Record<'a' | 'b', { dist: string; result: BuildResult | null }> = {
  a: { dist: join(root, 'a', 'dist'), result: null },
  b: { dist: join(root, 'b', 'nested', 'dist'), result: null },
};

beforeAll(async () => {
  copyJournal(HOSTILE, join(root, 'a', 'journal'), 'forward', new Date('2031-05-06T07:08:09Z'));
  copyJournal(HOSTILE, join(root, 'b', 'somewhere', 'else', 'journal'), 'reverse', new Date('2001-02-03T04:05:06Z'));
  const projectA = prepareProject(join(root, 'a', 'project'));
  const projectB = prepareProject(join(root, 'b', 'project-copy'));
  const [a, b] = await Promise.all([
    buildSite({ project: projectA, data: join(root, 'a', 'journal'), outDir: builds.a.dist, cache: join(root, 'a', 'cache') }),
    buildSite({ project: projectB, data: join(root, 'b', 'somewhere', 'else', 'journal'), outDir: builds.b.dist, cache: join(root, 'b', 'cache'), env: { TZ: 'Pacific/Kiritimati' } }),
  ]);
  builds.a.result = a;
  builds.b.result = b;
}, 1_200_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function built(which: 'a' | 'b'): string {
  const { result, dist } = builds[which];
  if (result?.code !== 0) throw new Error(`build ${which} failed (${result?.code}):\n${result?.stderr.slice(-3000)}\n${result?.stdout.slice(-2000)}`);
  return dist;
}

describe('two builds of the same journal', () => {
  it('give byte-identical dist trees, share images included', () => {
    const a = hashTree(built('a'));
    const b = hashTree(built('b'));
    expect(a.some((line) => line.endsWith('.png'))).toBe(true);
    expect(b).toEqual(a);
  });
});

describe('what the hostile journal publishes', () => {
  const cache = useTempCache();
  beforeAll(cache.setup);
  afterAll(cache.teardown);

  it('holds no private title, notes, win or story in any file', () => {
    const dist = built('a');
    const leaks = listTree(dist).filter((path) => readFileSync(join(dist, path)).includes(PRIVATE_MARKER));
    expect(leaks).toEqual([]);
  });

  it('still counts the private runs toward wins', () => {
    const wins = readdirSync(join(built('a'), 'wins'));
    // The CSV private run's own win (unnamed) and the front-matter private run's distance first.
    expect(wins).toContain('2025-03-09-a-small-win');
    expect(wins).toContain('2025-03-12-first-8-km');
  });

  it('has an RSS feed that parses as XML, its text as written', () => {
    const xml = readFileSync(join(built('a'), 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml);
    expect(feed.rss.channel.title).toBe(`Small wins "><img src=x onerror=alert('title')>`);
    const items = [feed.rss.channel.item].flat();
    expect(items.length).toBeGreaterThan(5);
    const titles = items.map((item: { title: string }) => item.title);
    expect(titles).toContain(`First race: Parkrun <script>alert('race')</script> "><img src=x onerror=alert('race-attr')>`);
    expect(titles).toContain('Ran ]]> the whole way');
  });

  it('points every share image it names at a file it holds', () => {
    const dist = built('a');
    const pages = listTree(dist).filter((p) => p.endsWith('.html') || p.endsWith('.xml'));
    const urls = new Set<string>();
    for (const page of pages) {
      for (const match of readFileSync(join(dist, page), 'utf8').matchAll(/https:\/\/example\.github\.io\/hostile\/([^"'<\s]+\.png)/g)) urls.add(match[1]!);
    }
    expect(urls.size).toBeGreaterThan(5);
    const missing = [...urls].filter((url) => {
      try {
        return !statSync(join(dist, decodeURIComponent(url))).isFile();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('never publishes where the imported GPS run starts or ends', async () => {
    const journal = await readJournal(HOSTILE, { today: '2025-06-01' });
    expect(journal.errors).toEqual([]);
    const tracked = journal.runs.filter((run) => run.track !== null);
    expect(tracked.length).toBeGreaterThan(0);
    for (const run of tracked) {
      for (const point of run.track!.points) expect(metresBetween(point, ROUTE_START)).toBeGreaterThanOrEqual(500);
    }
    const dist = built('a');
    const text = listTree(dist).filter((p) => !p.endsWith('.png')).map((p) => readFileSync(join(dist, p), 'utf8')).join('\n');
    expect(text).not.toContain(ROUTE_START[0].toFixed(4));
    expect(text).not.toContain(ROUTE_START[1].toFixed(4));
    // Route maps are fitted drawings: each one drawn must be the drawing of a trimmed track above.
    const allowed = new Set(tracked.flatMap((run) => routeGeometry(run.track!).lines.map((line) => line.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(''))));
    const drawn = [...text.matchAll(/<figure class="route-map"[^]*?<\/figure>/g)].flatMap((figure) => [...figure[0].matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!));
    expect(drawn.filter((d) => !allowed.has(d))).toEqual([]);
  });
});

describe('the hostile site in Chromium', () => {
  const reports: PageReport[] = [];
  /** Each page holding the long word or URL, and the home page, opened at a phone's width. */
  const onPhone: Array<{ path: string; width: number; word: boolean; url: boolean }> = [];

  beforeAll(async () => {
    const dist = built('a');
    const { server, origin } = await serveStatic(dist);
    const { browser, close } = await openBrowser();
    try {
      for (const path of listTree(dist).filter((p) => p.endsWith('.html'))) {
        const url = `${origin}/${path.replace(/index\.html$/, '')}`;
        reports.push(await inspectPage(browser, url));
        const html = readFileSync(join(dist, path), 'utf8');
        if (path !== 'index.html' && !html.includes(LONG_WORD) && !html.includes(LONG_URL)) continue;
        const page = await browser.newPage();
        await page.setViewportSize({ width: PHONE, height: 800 });
        await page.goto(url, { waitUntil: 'load' });
        const seen = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, text: document.body.innerText.replace(/\s/g, '') }));
        onPhone.push({ path, width: seen.width, word: seen.text.includes(LONG_WORD), url: seen.text.includes(LONG_URL) });
        await page.close();
      }
    } finally {
      await close();
      server.close();
    }
  }, 600_000);

  it('runs no injected script, handler or dialog on any page', () => {
    expect(reports.length).toBeGreaterThan(10);
    const ran = reports.filter((r) => r.dialogs.length + r.handlers.length + r.injectedScripts.length + r.cspViolations.length > 0);
    expect(ran.map(({ url, dialogs, handlers, injectedScripts, cspViolations }) => ({ url, dialogs, handlers, injectedScripts, cspViolations }))).toEqual([]);
  });

  it('wraps a 200-character word and a long URL (title, win, notes, story, week, reward): no page is wider than a 375 px phone', () => {
    const showing = (what: 'word' | 'url') => onPhone.filter((page) => page[what]).map((page) => page.path);
    // The run's page, its win, its story (on the run's page), the week and the rewards show them.
    expect(showing('word')).toEqual(expect.arrayContaining(['index.html', 'runs/2025-03-13/index.html', 'weeks/2025-W11/index.html', 'rewards/index.html']));
    expect(showing('word').some((path) => path.startsWith('wins/2025-03-13-'))).toBe(true);
    expect(showing('url')).toEqual(expect.arrayContaining(['runs/2025-03-13/index.html', 'weeks/2025-W11/index.html']));
    expect(onPhone.filter((page) => page.width > PHONE).map(({ path, width }) => `${path}: ${width} px`)).toEqual([]);
  });

  it('embeds chart data as JSON that parses and cannot close its script element', () => {
    const blocks = reports.flatMap((r) => r.jsonBlocks);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.filter((b) => !b.parses || b.rawLessThan)).toEqual([]);
  });

  it.each([
    `<script>alert('csv-title')</script>`,
    `"><img src=x onerror=alert('attr')>`,
    `Parkrun <script>alert('race')</script> "><img src=x onerror=alert('race-attr')>`,
    `RTL \u202Eevil\u202C and zero\u200Bwidth\u200D text`,
    `as plain text: ]]> and {{ 7*7 }},`,
    `right-to-left \u202Ereversed\u202C and zero\u200Bwidth characters.`,
    `<script>alert(storyEscaped)</script> is written escaped`,
    `<script>alert('story-code')</script>`,
    `<script>alert('win')</script> my own win`,
    `Strava <script>alert('strava-name')</script>`,
    `GPX <script>alert('gpx-name')</script> "><img src=x onerror=alert('gpx')>`,
  ])('shows %s as the runner wrote it', (text) => {
    expect(reports.some((r) => r.text.includes(text))).toBe(true);
  });
});

describe('the browser check itself', () => {
  it('sees an injected script, handler and dialog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'small-wins-xss-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>x</title><p>hi</p><script>alert('inline')</script><img src="x" onerror="alert('img')">`);
    const { server, origin } = await serveStatic(dir);
    const { browser, close } = await openBrowser();
    try {
      const report = await inspectPage(browser, `${origin}/`);
      expect(report.dialogs).toContain("alert: inline");
      expect(report.handlers).toEqual(['<img onerror>']);
      expect(report.injectedScripts).toHaveLength(1);
    } finally {
      await close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
