// Child process of the benchmark: the PNG encoder's trade-off of time against bytes. Lays out the
// first N win cards of a journal once (satori), then rasterises and encodes every SVG with each
// candidate setting, one card at a time on one libvips thread, and prints one JSON line:
// `{settings: [{setting, format, ms: [...], bytes: [...]}]}`.
//   node scripts/bench/measure-png.ts JOURNAL_DIR --images N
import { parseArgs } from 'node:util';
import sharp, { type PngOptions } from 'sharp';
import { cardJobsForJournal } from '../../src/lib/cards/card-jobs.ts';
import { profileFontPaths } from '../../src/lib/journal/font-files.ts';
import { PNG_FALLBACK_OPTIONS, PNG_OPTIONS, createCardRenderer } from '../../src/lib/cards/render-card.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { images: { type: 'string', default: '60' } } });
const dir = positionals[0];
if (!dir) {
  console.error('usage: node scripts/bench/measure-png.ts JOURNAL_DIR --images N');
  process.exit(2);
}

/** The candidates: what the renderer uses first, then the alternatives it was chosen over. */
const SETTINGS: Array<{ setting: string; rgb: boolean; png: PngOptions }> = [
  { setting: 'RGB, zlib 6 (used)', rgb: true, png: PNG_OPTIONS },
  { setting: 'RGB, zlib 3', rgb: true, png: { compressionLevel: 3 } },
  { setting: 'RGB, zlib 9', rgb: true, png: { compressionLevel: 9 } },
  { setting: 'RGBA, zlib 6', rgb: false, png: { compressionLevel: 6 } },
  { setting: 'palette 64, effort 1 (over budget)', rgb: true, png: PNG_FALLBACK_OPTIONS },
  { setting: 'palette 256, effort 7, dithered', rgb: true, png: { compressionLevel: 9, palette: true } },
];

sharp.concurrency(1);
const journal = await readJournal(dir);
const wins = findWins(journal.runs, journal.goals, journal.profile);
const jobs = cardJobsForJournal(journal, wins)
  .filter((job) => job.path.startsWith('wins/'))
  .slice(0, Number(values.images));
const renderer = createCardRenderer({ root: process.cwd(), extra: profileFontPaths(journal.profile.fonts, dir) });
const svgs = await Promise.all(jobs.map(async (job) => ({ format: job.format, svg: Buffer.from(await renderer.svg(job.input, job.format)) })));

const rows = new Map<string, { setting: string; format: string; ms: number[]; bytes: number[] }>();
for (const { setting, rgb, png } of SETTINGS) {
  for (const { format, svg } of svgs) {
    const started = performance.now();
    const image = sharp(svg);
    const out = await (rgb ? image.removeAlpha() : image).png(png).toBuffer();
    const key = `${setting}|${format}`;
    const row = rows.get(key) ?? { setting, format, ms: [], bytes: [] };
    row.ms.push(performance.now() - started);
    row.bytes.push(out.length);
    rows.set(key, row);
  }
}
console.log(JSON.stringify({ settings: [...rows.values()] }));
