// `npm run bench [-- --quick] [--json PATH] [--only floors,engine,cards,png,build,endpoint,imports,large-csv] [--sizes small,decade,huge]
// [--samples N] [--keep]`:
// generates synthetic journals in a temporary folder, measures the pipeline on them, prints a
// table and the targets, and writes the same as JSON (default bench/results.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkTargets, formatTable, formatTargets, ROW, type BenchReport, type Machine } from './bench/lib/results.ts';
import type { JournalSize } from './bench/lib/sizes.ts';
import { writeBenchJournal, writeEmptyJournal, writeLargeCsvJournal, type WrittenJournal } from './bench/journals.ts';
import {
  measureBuilds,
  measureCards,
  measureEndpointBuild,
  measureEngine,
  measureFloors,
  measureImportCommand,
  measureImports,
  measureLargeCsv,
  measurePng,
  measurePages,
  PROJECT_ROOT,
  type Context,
} from './bench/measurements.ts';
import { writeStravaExport } from './bench/strava-export.ts';
import { cliErrorExitCode, exitQuietlyOnClosedPipe, parseOptions } from './cli.ts';
import { writeAppleHealthXml, writeGarminZip, writeStravaZip } from './bench/export-archives.ts';

const PARTS = ['floors', 'engine', 'imports', 'large-csv', 'cards', 'png', 'build', 'endpoint'] as const;
type Part = (typeof PARTS)[number];

const SIZES: readonly JournalSize[] = ['small', 'decade', 'huge'];

const USAGE = `usage: npm run bench -- [--quick] [--only PARTS] [--sizes SIZES] [--samples N] [--json PATH] [--keep]
  --quick          fewer and smaller samples (about a minute)
  --only PARTS     comma-separated: ${PARTS.join(', ')}
  --sizes SIZES    comma-separated journal sizes: ${SIZES.join(', ')}
  --samples N      at most N samples per measurement
  --json PATH      where to write the results (default bench/results.json)
  --keep           keep the generated journals and print where they are`;

function readOptions() {
  try {
    return parseOptions(process.argv.slice(2), {
      quick: { type: 'boolean', default: false },
      json: { type: 'string', default: join(PROJECT_ROOT, 'bench/results.json') },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      samples: { type: 'string' },
      sizes: { type: 'string' },
    }, USAGE);
  } catch (error) {
    const code = cliErrorExitCode(error);
    if (code === null) throw error;
    process.exit(code);
  }
}

exitQuietlyOnClosedPipe();
const { values } = readOptions();
const onlySizes = values.sizes?.split(',').map((size) => size.trim());
if (onlySizes?.some((size) => !(SIZES as readonly string[]).includes(size))) {
  console.error(`bench: --sizes takes ${SIZES.join(', ')}`);
  process.exit(2);
}
/** The sizes a part would measure, narrowed by `--sizes`. */
const sizes = (wantedSizes: JournalSize[]) => wantedSizes.filter((size) => !onlySizes || onlySizes.includes(size));

// `--samples N` trades precision for time on a slow machine: at most N samples per measurement.
const samples = (n: number) => (values.samples ? Math.max(1, Math.min(n, Number(values.samples))) : n);

const only = values.only?.split(',').map((p) => p.trim()) ?? [...PARTS];
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length > 0) {
  console.error(`bench: unknown part ${unknown.join(', ')} (expected ${PARTS.join(', ')})`);
  process.exit(2);
}
const wanted = (part: Part) => only.includes(part);
const quick = values.quick;

const root = mkdtempSync(join(tmpdir(), 'small-wins-bench-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}
const started = performance.now();
const ctx: Context = {
  root,
  results: [],
  log: (message) => console.error(`bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s  ${message}`),
};

const machine: Machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
};
ctx.log(
  `${machine.cpus} cpus (${machine.cpuModel}), ${machine.memoryGB} GB (${Math.round(freemem() / 2 ** 30)} GB free), node ${machine.node}, load ${machine.loadAverage}`,
);
if ((machine.loadAverage ?? 0) > machine.cpus) ctx.log('warning: the machine is busy (load above its core count): times will be inflated');

const journals = new Map<JournalSize, WrittenJournal>();
function journal(size: JournalSize): WrittenJournal {
  let written = journals.get(size);
  if (!written) {
    ctx.log(`generating the ${size} journal`);
    written = writeBenchJournal(root, size);
    journals.set(size, written);
  }
  return written;
}

const jsonPath = resolve(values.json);
/** Written after every part, so a long run that is stopped still leaves what it measured. */
function save(): BenchReport {
  const report: BenchReport = { machine, quick, results: ctx.results, targets: checkTargets(ctx.results) };
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

try {
  // Every ratio divides by the floors: they keep their samples even under --samples.
  if (wanted('floors')) await measureFloors(ctx, writeEmptyJournal(root), { node: 5, astro: quick ? 2 : 3, astroWarm: quick ? 0 : 3 });
  save();

  if (wanted('engine')) {
    for (const size of sizes(quick ? ['small'] : ['small', 'decade', 'huge'])) {
      await measureEngine(ctx, journal(size), samples(5));
      save();
    }
  }

  // A Strava bulk export (3,000 activities; 100 with --quick), first import and re-import.
  if (wanted('imports')) {
    const activities = quick ? 100 : 3000;
    ctx.log(`generating a Strava export of ${activities} activities`);
    await measureImports(ctx, writeStravaExport(root, activities), quick ? 1 : samples(3));
    save();
    // The import command on the archives as downloaded (3,000 activities and 5,000 FIT files; 100 and 200 with --quick).
    const strava = writeStravaZip(root, activities);
    const size = `${activities} activities`;
    await measureImportCommand(
      ctx,
      { path: strava.path, label: size, size, items: activities, item: 'activity' },
      { first: ROW.importZipFirst, again: ROW.importZipAgain, memory: ROW.importZipMemory },
      quick ? 1 : samples(3),
    );
    const fits = quick ? 200 : 5000;
    const garmin = writeGarminZip(root, fits);
    const fitSize = `${fits} FIT files`;
    await measureImportCommand(
      ctx,
      { path: garmin.path, label: fitSize, size: fitSize, items: fits, item: 'file' },
      { first: ROW.importGarminZip, again: ROW.importGarminZipAgain, memory: ROW.importGarminMemory },
      quick ? 1 : samples(3),
    );
    // An Apple Health export.xml of 1 GB (64 MB with --quick), mostly health records, streamed.
    const healthMB = quick ? 64 : 1024;
    ctx.log(`generating a ${healthMB} MB Apple Health export.xml`);
    const health = writeAppleHealthXml(root, healthMB);
    const healthSize = `${healthMB} MB export.xml`;
    await measureImportCommand(
      ctx,
      { path: health.path, label: healthSize, size: healthSize, items: health.workouts, item: 'workout' },
      { first: ROW.importHealth, again: null, memory: ROW.importHealthMemory },
      1,
    );
    save();
  }

  // A hand-written CSV of about 50 MB (5 MB with --quick), read in bounded time and memory.
  if (wanted('large-csv')) {
    const megabytes = quick ? 5 : 50;
    ctx.log(`generating a ${megabytes} MB runs.csv`);
    const large = writeLargeCsvJournal(root, megabytes * 2 ** 20);
    await measureLargeCsv(ctx, large.dir, large.rows, quick ? 1 : samples(3));
    save();
  }

  // Builds, pages, the common approach and cards run on the sites (small and decade; decade is
  // the one the targets are about, the last and largest of them).
  const sites = sizes(quick ? ['small'] : ['small', 'decade']);
  const largest = sites.at(-1);
  if (wanted('build')) {
    for (const size of sites) {
      const pages = size === largest && !quick;
      const plan = quick
        ? { cold: 2, warm: 2, forced: 0, append: 0 }
        : { cold: samples(3), warm: samples(3), forced: samples(2), append: samples(3), pairWithFloor: pages };
      const site = await measureBuilds(ctx, journal(size), plan);
      if (site && pages) measurePages(ctx, size, site);
      save();
    }
  }

  if (wanted('endpoint') && !quick && largest) {
    await measureEndpointBuild(ctx, journal(largest), samples(3));
    save();
  }

  // Last in a full run: the builds above already render every card; this isolates the renderer.
  if (wanted('cards') && largest) {
    await measureCards(ctx, journal(largest), quick ? 50 : 600, quick ? 1 : samples(3));
    save();
  }

  // The encoder's settings on the same cards: why the renderer encodes as it does.
  if (wanted('png') && largest) {
    await measurePng(ctx, journal(largest), quick ? 30 : 150);
    save();
  }
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else ctx.log(`kept ${root}`);
}

const report = save();
console.log(
  `\nSmall Wins benchmark — ${machine.cpus} cpus, ${machine.memoryGB} GB, node ${machine.node}, load ${machine.loadAverage} at start${quick ? ' (quick)' : ''}\n`,
);
console.log(formatTable(report.results));
console.log('');
console.log(formatTargets(report.targets));
console.log(`\nwrote ${jsonPath}`);
