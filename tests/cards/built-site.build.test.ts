// The integration inside a real `astro build` of a small journal: every card on disk, the one
// summary line, and a second build served from the cache.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CARD_FORMATS, CARD_SIZE, cardFileName } from '../../src/lib/cards/formats.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { yearCardJobs } from '../../src/lib/cards/year-slides.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { buildSite, type BuiltSite } from '../e2e/build-site.ts';
import { FIXTURES, decode } from './helpers.ts';

const DATA = join(FIXTURES, 'journal');
const cache = mkdtempSync(join(tmpdir(), 'small-wins-build-cache-'));
const builds: BuiltSite[] = [];
afterAll(async () => {
  await Promise.all(builds.map((build) => build.dispose()));
  rmSync(cache, { recursive: true, force: true });
});

/** Vitest puts Vite's own variables in process.env; a child `astro build` must not inherit them
 * (a `BASE_URL` of `/` there would override `--base`). */
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

async function build(base = '/'): Promise<BuiltSite> {
  const saved = Object.fromEntries([...VITEST_ENV, 'SMALL_WINS_CACHE'].map((name) => [name, process.env[name]]));
  for (const name of VITEST_ENV) delete process.env[name];
  process.env.SMALL_WINS_CACHE = cache;
  try {
    const site = await buildSite({ data: DATA, base, site: 'https://zoe.example.org' });
    builds.push(site);
    return site;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('share cards in astro build', () => {
  it('writes every card, prints one summary line, then serves a rebuild from the cache', { timeout: 600_000 }, async () => {
    const journal = await readJournal(DATA);
    const wins = findWins(journal.runs, journal.goals, journal.profile);
    expect(wins.length).toBeGreaterThan(3);
    const expected = wins.length * 3 + journal.goals.length + 1 + yearCardJobs(journal, wins).length;

    const cold = await build('/runs/');
    const summaries = cold.log.split('\n').filter((line) => /^cards: \d+ rendered, \d+ cached$/.test(line));
    expect(summaries).toEqual([`cards: ${expected} rendered, 0 cached`]);

    for (const win of wins) {
      for (const format of CARD_FORMATS) {
        const png = readFileSync(join(cold.outDir, 'wins', win.slug, cardFileName(format)));
        const { width, height } = await decode(png);
        expect([width, height]).toEqual([CARD_SIZE[format].width, CARD_SIZE[format].height]);
      }
    }
    expect(existsSync(join(cold.outDir, 'card-1200x630.png'))).toBe(true);
    expect(existsSync(join(cold.outDir, 'goals', 'lakeside-10k', 'card-1200x630.png'))).toBe(true);

    // Every page's og:image names a card that exists (under the base path). The 404 page is
    // served at any depth, so it is left to the site's own tests.
    const pages = readdirSync(cold.outDir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html') && file !== '404.html');
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(join(cold.outDir, page), 'utf8');
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      if (!image) continue;
      const path = new URL(image).pathname;
      expect(path.startsWith('/runs/'), `${page}: ${image}`).toBe(true);
      expect(existsSync(join(cold.outDir, path.slice('/runs/'.length))), `${page}: ${image}`).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(wins.length);
    for (const win of wins) {
      const html = readFileSync(join(cold.outDir, 'wins', win.slug, 'index.html'), 'utf8');
      expect(html).toContain(`content="https://zoe.example.org/runs/wins/${win.slug}/card-1200x630.png"`);
    }

    const warm = await build('/runs/');
    expect(warm.log).toContain(`cards: 0 rendered, ${expected} cached`);
    for (const win of wins) {
      const file = join('wins', win.slug, cardFileName('1080x1920'));
      expect(readFileSync(join(warm.outDir, file)).equals(readFileSync(join(cold.outDir, file)))).toBe(true);
    }
  });
});
