// A rebuild keeps what is still right in its output folder instead of emptying it first, as
// `astro build` does, and writing everything again: the pages Astro's incremental build skips
// (it leaves a page that is already there) and the share cards already in place. At the start,
// every file that is not exactly what the last build left goes; at the end, whatever the last
// build left that this one neither wrote again nor claimed goes too. The folder then holds what a
// build into an empty folder would have written (tests/trust/incremental-build.build.test.ts).
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inBatches } from '../in-batches.ts';
import { listOutputFiles, readOutputRecord, sameFile, writeOutputRecord, type OutputFiles } from './output-record.ts';

async function removeFiles(outDir: string, paths: readonly string[]): Promise<void> {
  await inBatches(paths, 64, (path) => rm(join(outDir, path), { force: true }));
  // Then the folders that held only them, deepest first.
  const folders = new Set<string>();
  for (const path of paths) for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    await rmdir(join(outDir, folder)).catch(() => {}); // not empty, or already gone
  }
}

export interface OutputFolder {
  /** Files the last build left that are still exactly as it left them (share cards with their key). */
  kept: OutputFiles;
  /**
   * After the build: removes what was kept but neither written again nor produced by this build
   * (its `pages`, skipped ones included, and its `cards`, by path with their cache key), and
   * records the folder for the next build.
   */
  close(pages: Iterable<string>, cards: ReadonlyMap<string, string>): Promise<void>;
}

/**
 * Opens `outDir` for a build: every file but those recorded by the last build goes now.
 * With `clear: false` (the project asked Astro to keep its output) nothing is removed.
 */
export async function openOutputFolder(outDir: string, recordPath: string, { clear = true } = {}): Promise<OutputFolder> {
  const record = await readOutputRecord(recordPath, outDir);
  const present = listOutputFiles(outDir);
  const kept: OutputFiles = new Map();
  const strangers: string[] = [];
  for (const [path, file] of present) {
    const recorded = record.get(path);
    if (sameFile(file, recorded)) kept.set(path, recorded!);
    else strangers.push(path);
  }
  if (clear) await removeFiles(outDir, strangers);
  return {
    kept,
    async close(pages, cards) {
      const claimed = new Set([...pages, ...cards.keys()]);
      const now = listOutputFiles(outDir);
      const stale = [...kept].filter(([path, was]) => !claimed.has(path) && sameFile(now.get(path), was)).map(([path]) => path);
      if (clear) {
        await removeFiles(outDir, stale);
        for (const path of stale) now.delete(path);
      }
      for (const [path, key] of cards) {
        const file = now.get(path);
        if (file) file.key = key;
      }
      await writeOutputRecord(recordPath, outDir, now);
    },
  };
}
