// A runner's own words can be one long unbroken string (a pasted URL, a word with no spaces): on a
// phone they wrap inside the page and never make it wider than the screen.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSiteNow, type BuiltSite } from './build-site.ts';
import { openBrowser, serveStatic } from '../trust/browser.ts';

const PHONE = 375;
const WORD = 'Aaaaaaaah'.padEnd(200, 'h');
const URL_TEXT = `https://example.com/${'strava-segment-leaderboard-'.repeat(6)}0123456789abcdef?from=2024-01-06&to=2024-12-31`;

let journal: string;
let build: BuiltSite;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  journal = await mkdtemp(join(tmpdir(), 'small-wins-long-words-'));
  await writeFile(join(journal, 'profile.md'), '---\nname: Long Word Runner\ntitle: My small wins\nunits: km\n---\nHello.\n');
  await writeFile(
    join(journal, 'runs.csv'),
    [
      'date,distance,time,title,notes',
      `2024-01-06,3,20:00,First ${WORD},"Notes ${WORD} and ${URL_TEXT}"`,
      `2024-01-13,5,33:00,Second ${WORD},"See ${URL_TEXT}"`,
    ].join('\n') + '\n',
  );
  await mkdir(join(journal, 'journal'));
  await writeFile(join(journal, 'journal', '2024-01-06-first.md'), `---\ndate: 2024-01-06\ntitle: Story ${WORD}\n---\nIt was ${WORD}. The route: ${URL_TEXT}\n`);
  build = await buildSiteNow({ data: journal });
  server = await serveStatic(build.outDir);
  browser = await openBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.server.close(done));
  await build?.dispose();
  if (journal) await rm(journal, { recursive: true, force: true });
});

/** Every built page that shows the long word, as site paths, plus the home page. */
async function pagesWithTheWord(): Promise<string[]> {
  const found = new Set(['/']);
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.html') && (await readFile(path, 'utf8')).includes(WORD)) {
        found.add('/' + relative(build.outDir, path).replace(/index\.html$/, ''));
      }
    }
  };
  await walk(build.outDir);
  return [...found].sort();
}

test('a 200-character word and a long URL in a title, notes and a story never widen a 375 px page', { timeout: 300_000 }, async () => {
  const pages = await pagesWithTheWord();
  // The run's own page, its win and its story are among them, not only the lists.
  expect(pages).toContain('/');
  expect(pages.some((page) => page.startsWith('/runs/') && page !== '/runs/')).toBe(true);
  expect(pages.some((page) => page.startsWith('/wins/') && page !== '/wins/')).toBe(true);
  const wider: string[] = [];
  for (const path of pages) {
    const page = await browser.browser.newPage();
    await page.setViewportSize({ width: PHONE, height: 800 });
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const { width, shows } = await page.evaluate(
      (word) => ({ width: document.documentElement.scrollWidth, shows: document.body.innerText.replace(/\s/g, '').includes(word) }),
      WORD,
    );
    // The long word is on every page found but the home page, which may show only the latest runs.
    if (path !== '/') expect(shows, `${path} shows the word`).toBe(true);
    if (width > PHONE) wider.push(`${path}: ${width} px`);
    await page.close();
  }
  expect(wider).toEqual([]);
});
