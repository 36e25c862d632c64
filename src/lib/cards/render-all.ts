// Every card of a build. Missing cards are drawn into the cache by a worker pool, which can start
// while Astro is still rendering pages; then every card is copied from the cache to its page,
// except those a previous build left in place that are still right.
import { constants, existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedCardPath, cardKeys, defaultCacheDir, rendererVersions } from './cache.ts';
import type { CardInput } from './card-input.ts';
import { inBatches } from '../in-batches.ts';
import { loadCardFonts } from './fonts.ts';
import type { CardFormat } from './formats.ts';
import { createWorkerPool, defaultPoolSize } from './pool.ts';
import { createProgress } from './progress.ts';
import { createCardRenderer } from './render-card.ts';
import { runRenderTask, type RenderTask } from './render-job.ts';

export interface CardJob {
  input: CardInput;
  format: CardFormat;
  /** Where the PNG goes, relative to `outDir`: `wins/<slug>/card-1200x630.png`. */
  path: string;
}

export interface StartRenderingOptions {
  /** Defaults to `SMALL_WINS_CACHE` or `.cache/small-wins/`. */
  cacheDir?: string;
  /** Worker threads; 0 renders in the calling thread. Defaults to one per core (fewer for a handful of cards). */
  workers?: number;
  /** Project root (node_modules and the worker script are found from it). */
  root?: string;
  /** Extra font files, absolute paths (the profile's `fonts`). */
  extraFonts?: string[];
  /**
   * Let the process exit while cards are still rendering (a build that fails before it places
   * them). Placing the cards keeps the process alive again until they are done.
   */
  background?: boolean;
}

export interface ProgressDisplay {
  /** Progress output (a bar on a terminal, plain lines otherwise). Silent when not given. */
  log?: (text: string) => void;
  /** Draw a live progress bar rather than plain lines. */
  tty?: boolean;
}

export interface RenderCardsOptions extends StartRenderingOptions, ProgressDisplay {
  outDir: string;
}

export interface RenderSummary {
  /** Distinct images drawn (cache misses); a card wanted at two paths is drawn once. */
  rendered: number;
  /** Distinct images the cache already held. */
  cached: number;
  /** Every card's path under the output folder, with the cache key of its pixels. */
  placed: Map<string, string>;
}

export interface CardRendering {
  /** Distinct images to draw (cache misses). */
  readonly toRender: number;
  /** Of those, drawn so far. */
  readonly rendered: number;
  /**
   * Waits for the rest (showing progress), then copies every card from the cache into `outDir`
   * but those `inPlace` says are already there: paths relative to `outDir`, with the cache key
   * of the file there (a card whose key is not the one wanted now is copied over).
   */
  place(outDir: string, display?: ProgressDisplay, inPlace?: ReadonlyMap<string, string>): Promise<RenderSummary>;
}

/**
 * The worker script beside this module; when this code runs from a bundle (Astro loads
 * integrations through Vite) it may not be there, so fall back to the project's source.
 */
export function workerScript(root: string): string {
  try {
    const here = fileURLToPath(new URL('./card-worker.ts', import.meta.url));
    if (existsSync(here)) return here;
  } catch {
    // import.meta.url was not a file URL.
  }
  return join(root, 'src', 'lib', 'cards', 'card-worker.ts');
}

/**
 * A cached card into the build: a copy (a copy-on-write clone where the file system has them),
 * never a hard link, so nothing done to dist/ afterwards can reach the cache.
 */
async function placeFile(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_FICLONE);
}

/** Cards it takes to make one more worker thread worth starting. */
const CARDS_PER_WORKER = 12;

interface Tracker {
  startedAt: number;
  count: number;
  onTick: (() => void) | null;
}

interface Drawing {
  done: Promise<void>;
  /** Let the pool keep the process alive again (see `background`). */
  holdProcess(): void;
}

function drawMisses(misses: readonly RenderTask[], options: StartRenderingOptions, root: string, tracker: Tracker): Drawing {
  const tick = (): void => {
    tracker.count += 1;
    tracker.onTick?.();
  };
  const extra = options.extraFonts ?? [];
  // A worker costs about as much to start (fonts, layout engine) as a dozen cards take to draw:
  // a rebuild that draws two cards starts one worker, a cold build one per core.
  const wanted = options.workers ?? Math.min(defaultPoolSize(), Math.ceil(misses.length / CARDS_PER_WORKER));
  const workers = Math.min(wanted, misses.length);
  if (misses.length === 0) return { done: Promise.resolve(), holdProcess() {} };
  if (workers <= 0) {
    const done = (async () => {
      const renderer = createCardRenderer({ root, extra });
      for (const task of misses) {
        await runRenderTask(renderer, task);
        tick();
      }
    })();
    return { done, holdProcess() {} };
  }
  const pool = createWorkerPool<RenderTask, number>(workerScript(root), workers, { root, extraFonts: extra });
  if (options.background) pool.keepAlive(false);
  const done = Promise.all(misses.map((task) => pool.run(task).then(tick))).then(
    () => pool.close(),
    async (error: unknown) => {
      await pool.close();
      throw error;
    },
  );
  return { done, holdProcess: () => pool.keepAlive(true) };
}

/** Starts drawing every card the cache lacks; nothing is written outside the cache yet. */
export function startCardRendering(jobs: readonly CardJob[], options: StartRenderingOptions = {}): CardRendering {
  const root = resolve(options.root ?? process.cwd());
  const cacheDir = resolve(options.cacheDir ?? defaultCacheDir(root));
  const keyOf = cardKeys(loadCardFonts({ root, extra: options.extraFonts ?? [] }).hash, rendererVersions(root));

  // Jobs drawing the same pixels (a format reused at two paths) share one image.
  const tasks = new Map<string, RenderTask>();
  const hits = new Set<string>();
  const placements: Array<{ from: string; path: string; key: string }> = [];
  for (const job of jobs) {
    const key = keyOf(job.input, job.format);
    const cachePath = cachedCardPath(cacheDir, key);
    placements.push({ from: cachePath, path: job.path, key });
    if (tasks.has(key) || hits.has(key)) continue;
    if (existsSync(cachePath)) hits.add(key);
    else tasks.set(key, { input: job.input, format: job.format, cachePath });
  }
  const misses = [...tasks.values()];
  const tracker: Tracker = { startedAt: performance.now(), count: 0, onTick: null };
  const drawing = drawMisses(misses, options, root, tracker);
  // A failure surfaces when the cards are placed; until then it must not count as unhandled.
  drawing.done.catch(() => {});

  return {
    toRender: misses.length,
    get rendered() {
      return tracker.count;
    },
    async place(outDir, display = {}, inPlace = new Map()) {
      drawing.holdProcess();
      const progress = createProgress({
        total: misses.length,
        tty: display.tty ?? false,
        write: display.log ?? (() => {}),
        initial: tracker.count,
        startedAt: tracker.startedAt,
      });
      tracker.onTick = () => progress.tick();
      try {
        await drawing.done;
      } finally {
        tracker.onTick = null;
        progress.done();
      }
      const copies = placements.filter(({ path, key }) => inPlace.get(path) !== key);
      const folders = new Set(copies.map(({ path }) => dirname(join(outDir, path))));
      await inBatches([...folders], 64, (folder) => mkdir(folder, { recursive: true }));
      await inBatches(copies, 64, ({ from, path }) => placeFile(from, join(outDir, path)));
      const placed = new Map(placements.map(({ path, key }) => [path, key]));
      return { rendered: misses.length, cached: hits.size, placed };
    },
  };
}

/** Every card of `jobs` at its path under `outDir`, drawing only what the cache lacks. */
export async function renderCards(jobs: readonly CardJob[], options: RenderCardsOptions): Promise<RenderSummary> {
  return startCardRendering(jobs, options).place(options.outDir, options);
}
