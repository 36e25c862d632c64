import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cachedCardPath, cardCacheKey, cardKeys, defaultCacheDir } from '../../src/lib/cards/cache.ts';
import { cardInputForWin } from '../../src/lib/cards/card-input.ts';
import { CARD_FORMATS, cardFileName, type CardFormat } from '../../src/lib/cards/formats.ts';
import { CARD_BYTE_BUDGET, PNG_FALLBACK_OPTIONS, PNG_OPTIONS } from '../../src/lib/cards/render-card.ts';
import { TEMPLATE_VERSION } from '../../src/lib/cards/template.ts';
import { renderCards, startCardRendering, type CardJob } from '../../src/lib/cards/render-all.ts';
import { stableJson } from '../../src/lib/stable-json.ts';
import type { Win } from '../../src/lib/types.ts';
import { ROOT, loadProfile, loadWins } from './helpers.ts';

const profile = loadProfile();
const scratch = mkdtempSync(join(tmpdir(), 'small-wins-cards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function jobsFor(wins: readonly Win[]): CardJob[] {
  return wins.flatMap((win) =>
    CARD_FORMATS.map((format) => ({ input: cardInputForWin(win, profile), format, path: `wins/${win.slug}/${cardFileName(format)}` })),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('cache keys', () => {
  const input = cardInputForWin(loadWins()[0]!, profile);
  const key = (overrides: Partial<Parameters<typeof cardCacheKey>> = []) =>
    cardCacheKey(overrides[0] ?? input, overrides[1] ?? '1200x630', overrides[2] ?? 'fonts-a', overrides[3] ?? 'versions-a');

  it('changes with everything that changes the pixels', () => {
    const keys = [
      key(),
      key([{ ...input, headline: `${input.headline}!` }]),
      key([input, '1080x1350']),
      key([input, '1200x630', 'fonts-b']),
      key([input, '1200x630', 'fonts-a', 'versions-b']),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not depend on the order keys were written in', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as typeof input;
    expect(key([reordered])).toBe(key());
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('is the hash of everything serialised at once, whichever format, fonts and versions came before', () => {
    const whole = (format: CardFormat, fonts: string, versions: string) =>
      createHash('sha256')
        .update(stableJson({ template: TEMPLATE_VERSION, png: [PNG_OPTIONS, PNG_FALLBACK_OPTIONS, CARD_BYTE_BUDGET], format, fonts, versions, input }))
        .digest('hex');
    for (const [format, fonts, versions] of [['1200x630', 'fonts-a', 'versions-a'], ['1080x1920', 'fonts-b', 'versions-a'], ['1200x630', 'fonts-a', 'versions-a']] as const) {
      expect(key([input, format, fonts, versions])).toBe(whole(format, fonts, versions));
    }
    // One build's keyer, reused across formats, gives the same keys.
    const keyOf = cardKeys('fonts-a', 'versions-a');
    for (const format of [...CARD_FORMATS, ...CARD_FORMATS]) expect(keyOf(input, format)).toBe(whole(format, 'fonts-a', 'versions-a'));
  });

  it('lives in SMALL_WINS_CACHE or the git-ignored .cache/small-wins/', () => {
    expect(defaultCacheDir('/project', {})).toBe(join('/project', '.cache', 'small-wins'));
    expect(defaultCacheDir('/project', { SMALL_WINS_CACHE: '/tmp/c' })).toBe('/tmp/c');
    expect(cachedCardPath('/c', 'abcdef')).toBe(join('/c', 'cards', 'ab', 'abcdef.png'));
  });
});

describe('renderCards', () => {
  const wins = loadWins();
  const cacheDir = join(scratch, 'cache');
  const cold = join(scratch, 'cold');
  const warm = join(scratch, 'warm');

  it('renders every card once with the pool, then copies them all from the cache', { timeout: 240_000 }, async () => {
    const jobs = jobsFor(wins);
    const first = await renderCards(jobs, { outDir: cold, cacheDir, workers: 2, root: ROOT });
    expect(first).toMatchObject({ rendered: jobs.length, cached: 0 });
    expect(filesUnder(cold)).toEqual(jobs.map((job) => job.path).sort());

    const second = await renderCards(jobs, { outDir: warm, cacheDir, workers: 2, root: ROOT });
    expect(second).toMatchObject({ rendered: 0, cached: jobs.length });
    for (const job of jobs) expect(readFileSync(join(warm, job.path)).equals(readFileSync(join(cold, job.path)))).toBe(true);
  });

  it('re-renders exactly the three images of a changed win', { timeout: 240_000 }, async () => {
    const changed = wins.map((win, index) => (index === 2 ? { ...win, date: '2019-12-31' } : win));
    const summary = await renderCards(jobsFor(changed), { outDir: join(scratch, 'changed'), cacheDir, workers: 0, root: ROOT });
    expect(summary).toMatchObject({ rendered: 3, cached: jobsFor(wins).length - 3 });
  });

  it('renders byte-identical cards fresh, in a worker or in this thread', { timeout: 240_000 }, async () => {
    const some = jobsFor(wins.slice(0, 2));
    const fresh = join(scratch, 'fresh');
    const summary = await renderCards(some, { outDir: fresh, cacheDir: join(scratch, 'other-cache'), workers: 0, root: ROOT });
    expect(summary.rendered).toBe(some.length);
    for (const job of some) expect(readFileSync(join(fresh, job.path)).equals(readFileSync(join(cold, job.path)))).toBe(true);
  });

  it('renders a card wanted at two paths once', { timeout: 240_000 }, async () => {
    const [job] = jobsFor([wins[3]!]);
    const twice = [job!, { ...job!, path: 'copy/card.png' }];
    const out = join(scratch, 'twice');
    const summary = await renderCards(twice, { outDir: out, cacheDir: join(scratch, 'twice-cache'), workers: 1, root: ROOT });
    expect(summary).toMatchObject({ rendered: 1, cached: 0 });
    expect(summary.placed.size).toBe(2);
    expect(readdirSync(join(scratch, 'twice-cache', 'cards'), { recursive: true }).filter((f) => String(f).endsWith('.png'))).toHaveLength(1);
    expect(readFileSync(join(out, 'copy/card.png')).equals(readFileSync(join(out, job!.path)))).toBe(true);
    // Found in the cache the next time, it still counts as one image.
    const again = await renderCards(twice, { outDir: join(scratch, 'twice-again'), cacheDir: join(scratch, 'twice-cache'), workers: 0, root: ROOT });
    expect(again).toMatchObject({ rendered: 0, cached: 1 });
  });
});

describe('startCardRendering', () => {
  const wins = loadWins().slice(0, 2);

  it('draws into the cache alone, then places every card when asked', { timeout: 240_000 }, async () => {
    const jobs = jobsFor(wins);
    const cacheDir = join(scratch, 'early-cache');
    const out = join(scratch, 'early-out');
    const rendering = startCardRendering(jobs, { cacheDir, workers: 1, root: ROOT, background: true });
    expect(rendering.toRender).toBe(jobs.length);
    // Drawing goes on without anyone waiting for it; nothing is written outside the cache.
    await vi.waitFor(() => expect(rendering.rendered).toBe(rendering.toRender), { timeout: 200_000, interval: 50 });
    expect(existsSync(out)).toBe(false);
    const summary = await rendering.place(out);
    expect(summary).toMatchObject({ rendered: jobs.length, cached: 0 });
    expect(filesUnder(out)).toEqual(jobs.map((job) => job.path).sort());
  });

  it('copies cards out of the cache, so a changed or stale file in the output never reaches it', { timeout: 240_000 }, async () => {
    const jobs = jobsFor(wins);
    const cacheDir = join(scratch, 'copy-cache');
    const out = join(scratch, 'copy-out');
    await renderCards(jobs, { outDir: out, cacheDir, workers: 0, root: ROOT });
    const job = jobs[0]!;
    const placed = join(out, job.path);
    const cached = readdirSync(join(cacheDir, 'cards'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .find((file) => readFileSync(file).equals(readFileSync(placed)));
    expect(cached).toBeDefined();
    expect(statSync(cached!).ino).not.toBe(statSync(placed).ino);
    const before = readFileSync(cached!);
    // Files written over in the output (an old build's, a tool's) are replaced; the cache is untouched.
    writeFileSync(join(out, jobs[1]!.path), 'stale');
    writeFileSync(placed, 'stale');
    const again = await renderCards(jobs, { outDir: out, cacheDir, workers: 0, root: ROOT });
    expect(again).toMatchObject({ rendered: 0, cached: jobs.length });
    expect(readFileSync(cached!).equals(before)).toBe(true);
    expect(readFileSync(placed).equals(before)).toBe(true);
    expect(readFileSync(join(out, jobs[1]!.path)).subarray(1, 4).toString()).toBe('PNG');
  });
});
