// The sample journal's cards from a real `astro build` given `--site` and `--base`, as the deploy
// workflow builds it: every family in every format says each thing once, prints the build's
// address (read back from the pixels with OCR), and is the card its input describes. The cards
// are also written to test-results/cards/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardInput } from '../../src/lib/cards/card-input.ts';
import { cardJobsForJournal } from '../../src/lib/cards/card-jobs.ts';
import { FAMILY_COLOUR, THEME_STYLE } from '../../src/lib/cards/family-style.ts';
import { CARD_FORMATS, CARD_SIZE, type CardFormat } from '../../src/lib/cards/formats.ts';
import type { CardJob } from '../../src/lib/cards/render-all.ts';
import { CARD_BYTE_BUDGET, createCardRenderer } from '../../src/lib/cards/render-card.ts';
import { cardMargins } from '../../src/lib/cards/template.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import type { Journal, Win, WinFamily } from '../../src/lib/types.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { WIN_FAMILIES } from '../../src/lib/model/kinds.ts';
import { buildSite, type BuiltSite } from '../e2e/build-site.ts';
import { ROOT, decode, inkInMargins } from './helpers.ts';

const SITE = 'https://you.github.io';
const BASE = '/repo/';
const ADDRESS = 'you.github.io/repo';
const LOOK = join(ROOT, 'test-results', 'cards');

const cache = mkdtempSync(join(tmpdir(), 'small-wins-sample-cards-'));
let built: BuiltSite;
let journal: Journal;
let wins: Win[];
let jobs: CardJob[];

beforeAll(async () => {
  journal = await readJournal(join(ROOT, 'data'));
  wins = findWins(journal.runs, journal.goals, journal.profile);
  const saved = process.env.SMALL_WINS_CACHE;
  process.env.SMALL_WINS_CACHE = cache;
  try {
    built = await buildSite({ data: 'data', site: SITE, base: BASE });
  } finally {
    if (saved === undefined) delete process.env.SMALL_WINS_CACHE;
    else process.env.SMALL_WINS_CACHE = saved;
  }
  jobs = cardJobsForJournal(journal, wins, { site: `${SITE}${BASE}` });
}, 900_000);

afterAll(async () => {
  await built?.dispose();
  rmSync(cache, { recursive: true, force: true });
});

/** One win per family: the first that has a run drawing (a route or a sparkline), else the first. */
function winOfFamily(family: WinFamily): Win {
  const ofFamily = wins.filter((win) => win.family === family);
  const input = (win: Win): CardInput => jobs.find((job) => job.path.startsWith(`wins/${win.slug}/`))!.input;
  const chosen = ofFamily.find((win) => input(win).route) ?? ofFamily.find((win) => input(win).spark) ?? ofFamily[0];
  if (!chosen) throw new Error(`the sample journal has no ${family} win`);
  return chosen;
}

/** A line's numbers and words (dates taken out: a date is context, never the figure). */
function tokens(line: string | null): { numbers: Set<string>; words: Set<string> } {
  const undated = (line ?? '')
    .replace(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}\b/gu, ' ')
    .toLowerCase()
    .replace(/(?<=\d),(?=\d{3})/gu, '');
  // "1.7", "27:30" and "1,020" are one number each; "52-week" is 52 and a week.
  const parts = undated.split(/[^\p{L}\p{N}.:]+/u).map((part) => part.replace(/^[.:]+|[.:]+$/gu, '')).filter(Boolean);
  const numbers = new Set(parts.filter((part) => /\d/u.test(part)));
  const words = new Set(parts.filter((part) => /^\p{L}{4,}$/u.test(part)).map((part) => part.replace(/s$/u, '')));
  return { numbers, words };
}

function sharedTokens(a: string | null, b: string | null): string[] {
  const [x, y] = [tokens(a), tokens(b)];
  return [...[...x.numbers].filter((n) => y.numbers.has(n)), ...[...x.words].filter((w) => y.words.has(w))];
}

/** The address at the foot of a card, read back from its pixels. */
async function ocrFooter(png: Buffer, format: CardFormat): Promise<string> {
  const { width, height } = CARD_SIZE[format];
  const margins = cardMargins(format);
  const band = 90;
  const crop = await sharp(png)
    .extract({ left: Math.round(width / 3), top: height - margins.bottom - band + 20, width: Math.round((width * 2) / 3), height: band })
    .greyscale()
    .negate()
    .resize({ width: Math.round((width * 4) / 3) })
    .png()
    .toBuffer();
  const file = join(cache, `footer-${format}.png`);
  writeFileSync(file, crop);
  return execFileSync('tesseract', [file, 'stdout', '--psm', '7'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

describe('the sample journal cards, built with --site and --base', () => {
  it('says each thing once on every win: title, figure and context share no number and no word', () => {
    const cards = jobs.filter((job) => job.format === '1200x630');
    expect(cards.length).toBeGreaterThan(80);
    const repeats = cards.flatMap(({ path, input }) => {
      const lines: Array<[string, string | null]> = [['kicker', input.kicker], ['title', input.headline], ['figure', input.figure], ['context', input.detail]];
      const found: string[] = [];
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
          const shared = sharedTokens(lines[i]![1], lines[j]![1]);
          if (shared.length > 0) found.push(`${path}: ${lines[i]![0]} "${lines[i]![1]}" and ${lines[j]![0]} "${lines[j]![1]}" share ${shared.join(', ')}`);
        }
      }
      return found;
    });
    expect(repeats).toEqual([]);
  });

  it('prints the build address on every card, never the profile placeholder', () => {
    expect(journal.profile.site).toBe('https://example.github.io/small-wins');
    expect(new Set(jobs.map((job) => job.input.site))).toEqual(new Set([ADDRESS]));
  });

  it('draws every family in every format as its input says, within the budget', { timeout: 600_000 }, async () => {
    rmSync(LOOK, { recursive: true, force: true });
    mkdirSync(LOOK, { recursive: true });
    const renderer = createCardRenderer({ root: ROOT });
    for (const family of WIN_FAMILIES) {
      const win = winOfFamily(family);
      for (const format of CARD_FORMATS) {
        const job = jobs.find((candidate) => candidate.path === `wins/${win.slug}/card-${format}.png`)!;
        const file = join(built.outDir, job.path);
        const png = readFileSync(file);
        const { width, height } = await decode(png);
        expect([width, height]).toEqual([CARD_SIZE[format].width, CARD_SIZE[format].height]);
        expect(png.length).toBeLessThan(CARD_BYTE_BUDGET);
        expect(inkInMargins(await decode(png), cardMargins(format)), `${job.path} draws in its margins`).toBe(0);
        // The build drew exactly this input (the address included): rendering is deterministic.
        expect((await renderer.render(job.input, format)).equals(png), `${job.path} is not the card of its input`).toBe(true);
        copyFileSync(file, join(LOOK, `${family}-${format}-${win.slug}.png`));
      }
    }
  });

  it('shows the build address in the pixels (OCR)', { timeout: 120_000 }, async () => {
    const win = winOfFamily('speed');
    for (const format of ['1200x630', '1080x1920'] as const) {
      const png = readFileSync(join(built.outDir, 'wins', win.slug, `card-${format}.png`));
      expect((await ocrFooter(png, format)).replace(/\s+/gu, '')).toBe(ADDRESS);
    }
  });

  it('gives each family the same icon and colour on the built pages as on its cards', () => {
    const html = readFileSync(join(built.outDir, 'wins', 'index.html'), 'utf8');
    const css = readdirSync(join(built.outDir, '_astro')).filter((file) => file.endsWith('.css')).map((file) => readFileSync(join(built.outDir, '_astro', file), 'utf8')).join('\n');
    for (const family of WIN_FAMILIES) {
      const symbol = new RegExp(`<symbol id="icon-${family}"[^>]*>(.*?)</symbol>`, 'su').exec(html)?.[1];
      // The icon markup as the cards draw it, whatever the HTML minifier did to its quotes and spaces.
      const shape = (markup: string): string => markup.replace(/["'\s/]/gu, '');
      expect(shape(symbol ?? ''), family).toBe(shape(THEME_STYLE[family].icon));
      expect(css.toLowerCase()).toMatch(new RegExp(`--${family}:\\s*${FAMILY_COLOUR[family].deep.toLowerCase()}`));
      expect(html).toMatch(new RegExp(`data-family="?${family}`));
    }
  });

  it('never draws a private run\'s route', () => {
    const privateRuns = new Set(journal.runs.filter((run) => run.private).map((run) => run.id));
    for (const job of jobs) {
      const win = wins.find((candidate) => job.path.startsWith(`wins/${candidate.slug}/`));
      if (win && privateRuns.has(win.runs[0] ?? '')) expect(job.input.route, job.path).toBeNull();
    }
    expect(jobs.some((job) => job.input.route !== null)).toBe(true);
  });
});
