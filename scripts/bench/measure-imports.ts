// Child process of the benchmark, in one of two modes.
//
// `measure-imports.ts EXPORT_DIR CACHE_DIR`: reads one unzipped Strava export in data/ three times —
// without a cache (a first import), into an empty cache, and again from that cache — and prints
// `{firstMs, coldCacheMs, cachedMs, runs, skipped, problems, maxRssMB}` as one JSON line.
//
// `measure-imports.ts --command ZIP WORK_DIR`: runs `npm run import` on the archive into a fresh
// journal (no cache: every activity is decoded), then again with nothing new, and prints
// `{firstMs, reimportMs, added, journalBytes, maxRssMB}`.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);

if (args[0] === '--command') {
  const [, zip, work] = args;
  if (!zip || !work) {
    console.error('usage: node scripts/bench/measure-imports.ts --command ZIP WORK_DIR');
    process.exit(2);
  }
  const { runImport } = await import('../../src/lib/import/import-command.ts');
  const data = resolve(work, 'journal');
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  const run = async () => {
    const t0 = performance.now();
    const outcome = await runImport([resolve(zip), '--data', data], {
      defaultData: data,
      journalToday: null,
      progress: { isTTY: false, write: () => {}, now: () => performance.now() },
      cache: null,
    });
    if (outcome.exitCode !== 0) throw new Error(outcome.stderr);
    return { ms: performance.now() - t0, stdout: outcome.stdout };
  };
  const first = await run();
  const again = await run();
  // The report writes counts with thousands separators ("Added 2,612 runs").
  const added = [...first.stdout.matchAll(/Added ([\d,]+) run/g)].reduce((sum, m) => sum + Number(m[1]!.replace(/,/g, '')), 0);
  const journalBytes = readdirSync(data, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
  console.log(JSON.stringify({ firstMs: first.ms, reimportMs: again.ms, added, journalBytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const [dir, cacheDir] = args;
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
