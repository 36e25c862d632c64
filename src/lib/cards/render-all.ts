// Every card of a build: cached ones are copied, the rest rendered in a worker pool.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedCardPath, cardCacheKey, defaultCacheDir, rendererVersions } from './cache.ts';
import type { CardInput } from './card-input.ts';
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

export interface RenderCardsOptions {
  outDir: string;
  /** Defaults to `SMALL_WINS_CACHE` or `.cache/small-wins/`. */
  cacheDir?: string;
  /** Worker threads; 0 renders in the calling thread. Defaults to one per core. */
  workers?: number;
  /** Progress output (a bar on a terminal, plain lines otherwise). Silent when not given. */
  log?: (text: string) => void;
  /** Draw a live progress bar rather than plain lines. */
  tty?: boolean;
  /** Project root (node_modules and the worker script are found from it). */
  root?: string;
  /** Extra font files, absolute paths (the profile's `fonts`). */
  extraFonts?: string[];
}

export interface RenderSummary {
  rendered: number;
  cached: number;
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

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(each));
}

export async function renderCards(jobs: readonly CardJob[], options: RenderCardsOptions): Promise<RenderSummary> {
  const root = resolve(options.root ?? process.cwd());
  const cacheDir = resolve(options.cacheDir ?? defaultCacheDir(root));
  const extraFonts = options.extraFonts ?? [];
  const fontsHash = loadCardFonts({ root, extra: extraFonts }).hash;
  const versions = rendererVersions(root);

  // Jobs drawing the same pixels (a format reused at two paths) share one task.
  const tasks = new Map<string, RenderTask>();
  const hits: Array<{ from: string; to: string }> = [];
  for (const job of jobs) {
    const key = cardCacheKey(job.input, job.format, fontsHash, versions);
    const cachePath = cachedCardPath(cacheDir, key);
    const out = join(options.outDir, job.path);
    const task = tasks.get(key);
    if (task) task.outPaths.push(out);
    else if (existsSync(cachePath)) hits.push({ from: cachePath, to: out });
    else tasks.set(key, { input: job.input, format: job.format, cachePath, outPaths: [out] });
  }

  await inBatches(hits, 64, async ({ from, to }) => {
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
  });

  const misses = [...tasks.values()];
  const progress = createProgress({ total: misses.length, tty: options.tty ?? false, write: options.log ?? (() => {}) });
  const workers = Math.min(options.workers ?? defaultPoolSize(), misses.length);
  if (workers <= 0) {
    if (misses.length > 0) {
      const renderer = createCardRenderer({ root, extra: extraFonts });
      for (const task of misses) {
        await runRenderTask(renderer, task);
        progress.tick();
      }
    }
  } else {
    const pool = createWorkerPool<RenderTask, number>(workerScript(root), workers, { root, extraFonts });
    try {
      await Promise.all(misses.map((task) => pool.run(task).then(() => progress.tick())));
    } finally {
      await pool.close();
    }
  }
  progress.done();
  const placed = jobs.length;
  return { rendered: placed - hits.length, cached: hits.length };
}
