// Child process of the benchmark: imports one Strava export three times — without a cache (a
// first import), into an empty cache, and again from that cache — and prints
// `{firstMs, coldCacheMs, cachedMs, runs, skipped, problems, maxRssMB}` as one JSON line.
import { resolve } from 'node:path';

const [dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir) {
  console.error('usage: node scripts/bench/measure-imports.ts EXPORT_DIR CACHE_DIR');
  process.exit(2);
}

const { readImports } = await import('../../src/lib/journal/imports/read-imports.ts');
const { openImportCache } = await import('../../src/lib/journal/imports/cache.ts');
const { defaultProfile } = await import('../../src/lib/journal/profile.ts');
const profile = defaultProfile();

async function timed(cache: ReturnType<typeof openImportCache> | null) {
  const t0 = performance.now();
  const result = await readImports(resolve(dir!), 'data', profile, { cache });
  return { ms: performance.now() - t0, result };
}

const first = await timed(null);
const coldCache = await timed(openImportCache(resolve(cacheDir)));
// A fresh cache object: the cached import reads the cache file as a new process would.
const cached = await timed(openImportCache(resolve(cacheDir)));
console.log(
  JSON.stringify({
    firstMs: first.ms,
    coldCacheMs: coldCache.ms,
    cachedMs: cached.ms,
    runs: first.result.runs.length,
    cachedRuns: cached.result.runs.length,
    skipped: first.result.skipped,
    problems: first.result.problems.length,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
