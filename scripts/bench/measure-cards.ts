// Child process of the benchmark: renders the first N share cards of a journal's wins (all three
// formats of each win, in order) through the project's card pipeline (worker pool + cache), and prints
// `{ms, images, rendered, cached, workers}` as one JSON line. Only the rendering is timed.
//   node scripts/bench/measure-cards.ts JOURNAL_DIR --images N --workers 1|auto --cache DIR --out DIR
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cardJobsForJournal } from '../../src/lib/cards/card-jobs.ts';
import { profileFontPaths } from '../../src/lib/journal/font-files.ts';
import { defaultPoolSize } from '../../src/lib/cards/pool.ts';
import { renderCards } from '../../src/lib/cards/render-all.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    images: { type: 'string', default: '50' },
    workers: { type: 'string', default: 'auto' },
    cache: { type: 'string' },
    out: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir || !values.out || !values.cache) {
  console.error('usage: node scripts/bench/measure-cards.ts JOURNAL_DIR --images N --workers 1|auto --cache DIR --out DIR');
  process.exit(2);
}
const dataDir = resolve(dir);
const root = process.cwd();
const journal = await readJournal(dataDir);
const wins = findWins(journal.runs, journal.goals, journal.profile);
// Only the win cards: the goal and site cards are a constant handful.
const jobs = cardJobsForJournal(journal, wins)
  .filter((job) => job.path.startsWith('wins/'))
  .slice(0, Number(values.images));
const workers = values.workers === 'auto' ? defaultPoolSize() : Number(values.workers);

const started = performance.now();
const summary = await renderCards(jobs, {
  outDir: resolve(values.out),
  cacheDir: resolve(values.cache),
  workers,
  root,
  extraFonts: profileFontPaths(journal.profile.fonts, dataDir),
});
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, images: jobs.length, rendered: summary.rendered, cached: summary.cached, workers }));
