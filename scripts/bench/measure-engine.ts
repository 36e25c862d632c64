// Child process of the benchmark: reads one journal and computes its wins, once, and prints
// `{readMs, winsMs, runs, wins, errors, maxRssMB}` as one JSON line. A separate process per
// sample, so each starts cold and its peak memory is its own. `--read-only` stops after reading.
import { resolve } from 'node:path';

const dir = process.argv[2];
const readOnly = process.argv.includes('--read-only');
if (!dir) {
  console.error('usage: node scripts/bench/measure-engine.ts JOURNAL_DIR [--read-only]');
  process.exit(2);
}

const { readJournal } = await import('../../src/lib/journal/read-journal.ts');
const t0 = performance.now();
const journal = await readJournal(resolve(dir));
const t1 = performance.now();
let winsMs: number | null = null;
let wins: number | null = null;
if (!readOnly) {
  try {
    const { findWins } = await import('../../src/lib/wins/find-wins.ts');
    const t2 = performance.now();
    wins = findWins(journal.runs, journal.goals, journal.profile).length;
    winsMs = performance.now() - t2;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}
console.log(
  JSON.stringify({
    readMs: t1 - t0,
    winsMs,
    runs: journal.runs.length,
    stories: journal.stories.length,
    wins,
    errors: journal.errors.length,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
