// The benchmark's measurements. Each one runs whole processes (so start-up and peak memory count)
// and turns their samples into result rows; a part of the project that is not there yet, or that
// fails, becomes a row that says so instead of stopping the benchmark.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { nextRunRecord } from './lib/generate-journal.ts';
import { pageCostRows, resultOf, ROW, unavailable, type BenchResult, type WarmPair } from './lib/results.ts';
import type { JournalSize } from './lib/sizes.ts';
import { ASTRO_CACHE_ENV, PROJECT_ROOT_ENV, writeBenchConfig } from './astro-config.ts';
import { inspectSite } from './inspect-site.ts';
import type { WrittenJournal } from './journals.ts';
import { failureNote, lastJsonLine, runMeasured, type ProcessOutcome } from './run-process.ts';
import type { WrittenExport } from './strava-export.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface Context {
  /** The benchmark's temporary folder. */
  root: string;
  results: BenchResult[];
  log(message: string): void;
  /** The empty journal F1 is built from, once the floors have been measured (its caches are warm). */
  floorJournal?: string;
}

const MB = 'MB';

function peakRow(name: string, size: string, outcomes: readonly ProcessOutcome[]): BenchResult {
  const peaks = outcomes.map((o) => o.peakMB).filter((p): p is number => p !== null);
  return peaks.length > 0 ? resultOf(name, size, MB, peaks) : unavailable(name, size, MB, 'no /usr/bin/time');
}

async function repeat(times: number, label: string, ctx: Context, once: () => Promise<ProcessOutcome>): Promise<ProcessOutcome[]> {
  const outcomes: ProcessOutcome[] = [];
  for (let i = 0; i < times; i++) {
    ctx.log(`${label} ${i + 1}/${times}`);
    const outcome = await once();
    outcomes.push(outcome);
    if (outcome.code !== 0) break;
  }
  return outcomes;
}

const failed = (outcomes: readonly ProcessOutcome[]) => outcomes.find((o) => o.code !== 0);

// ---------------------------------------------------------------------------------------------
// 1. Floors

export async function measureFloors(ctx: Context, emptyJournal: string, repeats: { node: number; astro: number; astroWarm: number }): Promise<void> {
  const node = await repeat(repeats.node, 'floor: node -e 0', ctx, () => runMeasured(process.execPath, ['-e', '0']));
  ctx.results.push(resultOf(ROW.nodeFloor, 'none', 'ms', node.map((o) => o.ms)));
  const builds: ProcessOutcome[] = [];
  for (let i = 0; i < repeats.astro; i++) {
    ctx.log(`floor: F1 ${i + 1}/${repeats.astro}`);
    const build = await astroBuild(ctx, { dataDir: emptyJournal, name: 'f1', fresh: true });
    builds.push(build.outcome);
    if (build.outcome.code !== 0) break;
  }
  const failure = failed(builds);
  ctx.results.push(
    failure
      ? unavailable(ROW.astroFloor, 'empty', 'ms', failureNote(failure))
      : resultOf(ROW.astroFloor, 'empty', 'ms', builds.map((o) => o.ms), { against: ctx.results.at(-1) }),
  );
  if (failure) return;
  ctx.floorJournal = emptyJournal;
  if (repeats.astroWarm === 0) return;
  // The same empty journal again, its caches kept: the floor a warm build is compared with.
  const rebuilds = await repeat(repeats.astroWarm, 'floor: F1 warm', ctx, async () => (await astroBuild(ctx, { dataDir: emptyJournal, name: 'f1', fresh: false })).outcome);
  const rebuildFailure = failed(rebuilds);
  ctx.results.push(
    rebuildFailure
      ? unavailable(ROW.astroFloorWarm, 'empty', 'ms', failureNote(rebuildFailure))
      : resultOf(ROW.astroFloorWarm, 'empty', 'ms', rebuilds.map((o) => o.ms), { against: f1(ctx) }),
  );
}

// ---------------------------------------------------------------------------------------------
// 2. Journal reading and the wins engine

interface EngineReport {
  readMs: number;
  winsMs: number | null;
  runs: number;
  wins: number | null;
  errors: number;
  maxRssMB: number;
}

export async function measureEngine(ctx: Context, journal: WrittenJournal, times: number): Promise<void> {
  const { size } = journal;
  const script = join(PROJECT_ROOT, 'scripts/bench/measure-engine.ts');
  const outcomes = await repeat(times, `engine: ${size}`, ctx, () => runMeasured(process.execPath, [script, journal.dir], { cwd: PROJECT_ROOT }));
  const failure = failed(outcomes);
  if (failure) {
    ctx.results.push(unavailable(ROW.read, size, 'ms', failureNote(failure)));
    return;
  }
  const reports = outcomes.map((o) => lastJsonLine<EngineReport>(o.stdout)).filter((r): r is EngineReport => r !== null);
  const first = reports[0];
  if (!first) {
    ctx.results.push(unavailable(ROW.read, size, 'ms', 'the child printed no report'));
    return;
  }
  const perRun = { items: first.runs, item: 'run' };
  ctx.results.push(resultOf(ROW.read, size, 'ms', reports.map((r) => r.readMs), perRun));
  if (first.errors > 0) ctx.results.at(-1)!.note = `${first.errors} journal errors`;
  const winsMs = reports.map((r) => r.winsMs).filter((ms): ms is number => ms !== null);
  if (winsMs.length === reports.length) {
    ctx.results.push(resultOf(ROW.engine, size, 'ms', winsMs, perRun));
    ctx.results.at(-1)!.note = `${first.wins} wins`;
    ctx.results.push(resultOf(ROW.readAndEngine, size, 'ms', reports.map((r) => r.readMs + (r.winsMs ?? 0)), perRun));
  } else {
    ctx.results.push(unavailable(ROW.engine, size, 'ms', 'not available yet (src/lib/wins/find-wins.ts)'));
  }
  const floor = ctx.results.find((r) => r.name === ROW.nodeFloor);
  ctx.results.push(resultOf(ROW.engineProcess, size, 'ms', outcomes.map((o) => o.ms), { against: floor }));
  // Prefer the outside view of memory; the child's own accounting when time(1) is missing.
  const memory = peakRow(ROW.engineMemory, size, outcomes);
  ctx.results.push(memory.median === null ? resultOf(ROW.engineMemory, size, MB, reports.map((r) => r.maxRssMB)) : memory);
}

// ---------------------------------------------------------------------------------------------
// 3. Share cards, outside the build: one worker against the pool, cold and cached

interface CardsReport {
  ms: number;
  images: number;
  rendered: number;
  cached: number;
  workers: number;
}

export async function measureCards(ctx: Context, journal: WrittenJournal, images: number, times: number): Promise<void> {
  const label = `${journal.size}, ${images} images`;
  const script = join(PROJECT_ROOT, 'scripts/bench/measure-cards.ts');
  const run = (workers: string, cache: string, out: string) =>
    runMeasured(process.execPath, [script, journal.dir, '--images', String(images), '--workers', workers, '--cache', cache, '--out', out], {
      cwd: PROJECT_ROOT,
    });
  const rows: Array<{ name: string; workers: string; cold: boolean }> = [
    { name: ROW.cardsOne, workers: '1', cold: true },
    { name: ROW.cardsPool, workers: 'auto', cold: true },
    { name: ROW.cardsCached, workers: 'auto', cold: false },
  ];
  const coldCache = join(ctx.root, 'cards', 'cold-cache');
  const out = join(ctx.root, 'cards', 'out');
  let oneWorker: BenchResult | undefined;
  for (const row of rows) {
    const outcomes = await repeat(times, `cards: ${row.name}`, ctx, () => {
      rmSync(out, { recursive: true, force: true });
      // Cold samples start from an empty cache; the cached row reads what the pool's last sample left.
      if (row.cold) rmSync(coldCache, { recursive: true, force: true });
      return run(row.workers, coldCache, out);
    });
    const failure = failed(outcomes);
    const reports = outcomes.map((o) => lastJsonLine<CardsReport>(o.stdout)).filter((r): r is CardsReport => r !== null);
    const first = reports[0];
    if (failure || !first) {
      ctx.results.push(unavailable(row.name, label, 'ms', failure ? failureNote(failure) : 'no report'));
      return;
    }
    const result = resultOf(row.name, label, 'ms', reports.map((r) => r.ms), {
      items: first.images,
      item: 'image',
      against: row.name === ROW.cardsOne ? null : oneWorker,
    });
    result.note = `${first.workers} worker(s), ${first.rendered} rendered, ${first.cached} cached`;
    ctx.results.push(result);
    if (row.name === ROW.cardsOne) oneWorker = result;
    if (row.name === ROW.cardsPool) ctx.results.push(peakRow(ROW.cardsMemory, label, outcomes));
  }
}

interface PngReport {
  settings: Array<{ setting: string; format: string; ms: number[]; bytes: number[] }>;
}

/** The encoder's settings on the same cards: time per card (rasterise + encode) and bytes. */
export async function measurePng(ctx: Context, journal: WrittenJournal, images: number): Promise<void> {
  const script = join(PROJECT_ROOT, 'scripts/bench/measure-png.ts');
  ctx.log(`png: ${images} cards, every setting`);
  const outcome = await runMeasured(process.execPath, [script, journal.dir, '--images', String(images)], { cwd: PROJECT_ROOT });
  const report = outcome.code === 0 ? lastJsonLine<PngReport>(outcome.stdout) : null;
  if (!report) {
    ctx.results.push(unavailable(ROW.png, 'all formats', 'ms', outcome.code === 0 ? 'no report' : failureNote(outcome)));
    return;
  }
  for (const { setting, format, ms, bytes } of report.settings) {
    const kb = bytes.map((b) => b / 1024);
    const row = resultOf(`${ROW.png}: ${setting}`, format, 'ms', ms);
    row.note = `${(kb.reduce((a, b) => a + b, 0) / kb.length).toFixed(1)} KB mean, ${Math.max(...kb).toFixed(1)} KB largest, ${kb.length} cards`;
    ctx.results.push(row);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. and 5. Whole builds: cold, warm, after appending one run; and the common approach

interface BuildDirs {
  cardCache: string;
  astroCache: string;
  outDir: string;
}

interface BuildOptions {
  dataDir: string;
  name: string;
  /** Start from empty caches and an empty output folder. */
  fresh: boolean;
  variant?: 'project' | 'endpoint';
  /** More `astro build` flags (`--force`). */
  flags?: string[];
}

function buildDirs(ctx: Context, name: string): BuildDirs {
  const base = join(ctx.root, 'builds', name);
  return { cardCache: join(base, 'card-cache'), astroCache: join(base, 'astro-cache'), outDir: join(base, 'dist') };
}

const configs = new Map<string, string>();

async function astroBuild(ctx: Context, options: BuildOptions): Promise<{ outcome: ProcessOutcome; dirs: BuildDirs }> {
  const variant = options.variant ?? 'project';
  let config = configs.get(variant);
  if (!config) {
    config = writeBenchConfig(ctx.root, variant);
    configs.set(variant, config);
  }
  const dirs = buildDirs(ctx, options.name);
  if (options.fresh) for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  const env = {
    ...process.env,
    SMALL_WINS_DATA: options.dataDir,
    SMALL_WINS_CACHE: dirs.cardCache,
    [ASTRO_CACHE_ENV]: dirs.astroCache,
    [PROJECT_ROOT_ENV]: PROJECT_ROOT,
    CI: 'true',
  };
  // Astro keeps its prerender chunks inside outDir only when outDir is inside the working
  // directory; otherwise in `<cwd>/.astro/.prerender`, which two builds at once would share. So
  // each build runs from its own folder, with the project as --root (and --config relative to it),
  // and a link to the project's node_modules so the prerender bundle finds its packages.
  const cwd = dirname(dirs.outDir);
  mkdirSync(cwd, { recursive: true });
  const modules = join(cwd, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(PROJECT_ROOT, 'node_modules'), modules, 'dir');
  const args = [ASTRO_BIN, 'build', '--root', PROJECT_ROOT, '--config', relative(PROJECT_ROOT, config), '--outDir', dirs.outDir, ...(options.flags ?? [])];
  const outcome = await runMeasured(process.execPath, args, { env, cwd });
  return { outcome, dirs };
}

/** `cards: N rendered, M cached`, as the build prints it. */
function cardsLine(outcome: ProcessOutcome): string | null {
  return /cards: \d+ rendered, \d+ cached/.exec(outcome.stdout + outcome.stderr)?.[0] ?? null;
}

function f1(ctx: Context): BenchResult | undefined {
  return ctx.results.find((r) => r.name === ROW.astroFloor && r.median !== null);
}

export interface BuildPlan {
  cold: number;
  warm: number;
  /** Warm builds with `--force`: every page rendered again, cards still cached. */
  forced: number;
  append: number;
  /**
   * Build the empty journal warm just before each warm build, for the cost per page: this
   * machine's speed drifts by a quarter over minutes, more than the pages cost, so a warm build is
   * compared with a floor measured beside it rather than with the floor of the run's start.
   */
  pairWithFloor?: boolean;
}

/** What measureBuilds leaves for the page rows: the site it built and the paired warm builds. */
export interface BuiltSite {
  outDir: string;
  /** Milliseconds of each warm build and of the warm F1 built just before it; empty when unpaired. */
  warmPairs: WarmPair[];
}

export async function measureBuilds(ctx: Context, journal: WrittenJournal, plan: BuildPlan): Promise<BuiltSite | null> {
  const { size } = journal;
  const name = `site-${size}`;
  const cold: ProcessOutcome[] = [];
  let pages = 0;
  let dirs: BuildDirs | null = null;
  for (let i = 0; i < plan.cold; i++) {
    ctx.log(`build: cold ${size} ${i + 1}/${plan.cold}`);
    const build = await astroBuild(ctx, { dataDir: journal.dir, name, fresh: true });
    cold.push(build.outcome);
    dirs = build.dirs;
    if (build.outcome.code !== 0) break;
  }
  const failure = failed(cold);
  if (failure || !dirs) {
    const note = failure ? failureNote(failure) : 'not run';
    ctx.results.push(unavailable(ROW.buildCold, size, 'ms', note));
    return null;
  }
  pages = inspectSite(dirs.outDir).pages;
  const perPage = { items: pages, item: 'page', against: f1(ctx) };
  const coldRow = resultOf(ROW.buildCold, size, 'ms', cold.map((o) => o.ms), perPage);
  coldRow.note = [`${pages} pages`, cardsLine(cold.at(-1)!)].filter(Boolean).join(', ');
  ctx.results.push(coldRow, peakRow(ROW.buildMemory, size, cold));

  const warmPairs: WarmPair[] = [];
  if (plan.warm > 0) {
    const floorJournal = plan.pairWithFloor ? ctx.floorJournal : undefined;
    const warm = await repeat(plan.warm, `build: warm ${size}`, ctx, async () => {
      const floor = floorJournal ? (await astroBuild(ctx, { dataDir: floorJournal, name: 'f1', fresh: false })).outcome : null;
      const build = (await astroBuild(ctx, { dataDir: journal.dir, name, fresh: false })).outcome;
      if (floor?.code === 0 && build.code === 0) warmPairs.push({ floorMs: floor.ms, buildMs: build.ms });
      return build;
    });
    const warmFailure = failed(warm);
    if (warmFailure) ctx.results.push(unavailable(ROW.buildWarm, size, 'ms', failureNote(warmFailure)));
    else {
      const row = resultOf(ROW.buildWarm, size, 'ms', warm.map((o) => o.ms), perPage);
      row.note = cardsLine(warm.at(-1)!) ?? undefined;
      ctx.results.push(row);
    }
  }

  if (plan.forced > 0) {
    const forced = await repeat(plan.forced, `build: every page rendered ${size}`, ctx, async () =>
      (await astroBuild(ctx, { dataDir: journal.dir, name, fresh: false, flags: ['--force'] })).outcome,
    );
    const forcedFailure = failed(forced);
    if (forcedFailure) ctx.results.push(unavailable(ROW.buildForced, size, 'ms', failureNote(forcedFailure)));
    else ctx.results.push({ ...resultOf(ROW.buildForced, size, 'ms', forced.map((o) => o.ms), perPage), note: cardsLine(forced.at(-1)!) ?? undefined });
  }

  if (plan.append > 0) await measureAppend(ctx, journal, name, dirs, plan.append, perPage);
  return { outDir: dirs.outDir, warmPairs };
}

async function measureAppend(
  ctx: Context,
  journal: WrittenJournal,
  name: string,
  dirs: BuildDirs,
  times: number,
  perPage: { items: number; item: string; against: BenchResult | undefined },
): Promise<void> {
  const csvPath = join(journal.dir, 'runs.csv');
  const original = readFileSync(csvPath, 'utf8');
  // Every sample starts from the same warm caches: the state right after an unchanged build.
  const snapshot = { card: `${dirs.cardCache}.snapshot`, astro: `${dirs.astroCache}.snapshot` };
  const copy = (from: string, to: string) => {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  };
  copy(dirs.cardCache, snapshot.card);
  copy(dirs.astroCache, snapshot.astro);
  const outcomes: ProcessOutcome[] = [];
  try {
    for (let i = 0; i < times; i++) {
      copy(snapshot.card, dirs.cardCache);
      copy(snapshot.astro, dirs.astroCache);
      writeFileSync(csvPath, original + nextRunRecord(journal.journal, 1));
      ctx.log(`build: append one run ${journal.size} ${i + 1}/${times}`);
      const { outcome } = await astroBuild(ctx, { dataDir: journal.dir, name, fresh: false });
      outcomes.push(outcome);
      if (outcome.code !== 0) break;
    }
  } finally {
    writeFileSync(csvPath, original);
    rmSync(snapshot.card, { recursive: true, force: true });
    rmSync(snapshot.astro, { recursive: true, force: true });
  }
  const failure = failed(outcomes);
  if (failure) {
    ctx.results.push(unavailable(ROW.buildAppend, journal.size, 'ms', failureNote(failure)));
    return;
  }
  const row = resultOf(ROW.buildAppend, journal.size, 'ms', outcomes.map((o) => o.ms), perPage);
  row.note = cardsLine(outcomes.at(-1)!) ?? undefined;
  ctx.results.push(row);
}

export async function measureEndpointBuild(ctx: Context, journal: WrittenJournal, times: number): Promise<void> {
  const { size } = journal;
  if (!existsSync(join(PROJECT_ROOT, 'src/lib/wins/find-wins.ts'))) {
    ctx.results.push(unavailable(ROW.endpointCold, size, 'ms', 'not available yet (src/lib/wins/find-wins.ts)'));
    return;
  }
  const outcomes = await repeat(times, `build: common approach ${size}`, ctx, async () =>
    (await astroBuild(ctx, { dataDir: journal.dir, name: `endpoint-${size}`, fresh: true, variant: 'endpoint' })).outcome,
  );
  const failure = failed(outcomes);
  if (failure) {
    ctx.results.push(unavailable(ROW.endpointCold, size, 'ms', failureNote(failure)));
    return;
  }
  const ours = ctx.results.find((r) => r.name === ROW.buildCold && r.size === size && r.median !== null);
  const images = countPngs(join(ctx.root, 'builds', `endpoint-${size}`, 'dist'));
  const row = resultOf(ROW.endpointCold, size, 'ms', outcomes.map((o) => o.ms), { items: images, item: 'image', against: ours });
  row.note = `${images} images`;
  ctx.results.push(row, peakRow(ROW.endpointMemory, size, outcomes));
}

function countPngs(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /^card-.*\.png$/.test(e.name)).length;
}

// ---------------------------------------------------------------------------------------------
// Pages: cost and weight, on a built site

export function measurePages(ctx: Context, size: JournalSize, site: BuiltSite): void {
  const weight = inspectSite(site.outDir);
  ctx.results.push(...pageCostRows(ctx.results, size, weight.pages, site.warmPairs));
  ctx.results.push(
    weight.largestWinPageKB === null
      ? unavailable(ROW.winPageWeight, size, 'KB', 'no win pages in the build yet')
      : { ...resultOf(ROW.winPageWeight, size, 'KB', [weight.largestWinPageKB]), note: weight.largestWinPage ?? undefined },
  );
  ctx.results.push({
    ...resultOf(ROW.jsOnPlainPages, size, 'pages', [weight.plainPagesWithJs.length]),
    note: weight.plainPagesWithJs.slice(0, 3).join(', ') || `none of ${weight.pages} pages`,
  });
  ctx.results.push(
    weight.largestChartJsKB === null
      ? unavailable(ROW.chartPageJs, size, 'KB', 'no chart pages in the build yet')
      : { ...resultOf(ROW.chartPageJs, size, 'KB', [weight.largestChartJsKB]), note: `${weight.chartPages} chart pages` },
  );
}

// ---------------------------------------------------------------------------------------------
// 6. Imports: a Strava bulk export, first import, into an empty cache, and from the cache

interface ImportsReport {
  firstMs: number;
  coldCacheMs: number;
  cachedMs: number;
  runs: number;
  cachedRuns: number;
  skipped: Record<string, number>;
  problems: number;
  maxRssMB: number;
}

export async function measureImports(ctx: Context, written: WrittenExport, times: number): Promise<void> {
  const activities = written.data.activities.length;
  const size = `${activities} activities`;
  const script = join(PROJECT_ROOT, 'scripts/bench/measure-imports.ts');
  const cacheDir = join(ctx.root, 'imports', 'cache');
  const outcomes = await repeat(times, `imports: ${size}`, ctx, () => {
    // Every sample starts from an empty cache: the cached import reads what this sample wrote.
    rmSync(cacheDir, { recursive: true, force: true });
    return runMeasured(process.execPath, [script, written.dir, cacheDir], { cwd: PROJECT_ROOT });
  });
  const failure = failed(outcomes);
  const reports = outcomes.map((o) => lastJsonLine<ImportsReport>(o.stdout)).filter((r): r is ImportsReport => r !== null);
  const first = reports[0];
  if (failure || !first) {
    ctx.results.push(unavailable(ROW.importFirst, size, 'ms', failure ? failureNote(failure) : 'the child printed no report'));
    return;
  }
  const perActivity = { items: activities, item: 'activity' };
  const skipped = Object.entries(first.skipped).map(([sport, n]) => `${n} ${sport}`).join(', ');
  const note = `${first.runs} runs, skipped ${skipped || 'none'}${first.problems > 0 ? `, ${first.problems} problems` : ''}`;
  ctx.results.push({ ...resultOf(ROW.importFirst, size, 'ms', reports.map((r) => r.firstMs), perActivity), note });
  ctx.results.push(resultOf(ROW.importColdCache, size, 'ms', reports.map((r) => r.coldCacheMs), perActivity));
  const cached = resultOf(ROW.importCached, size, 'ms', reports.map((r) => r.cachedMs), perActivity);
  if (first.cachedRuns !== first.runs) cached.note = `${first.cachedRuns} runs from the cache, ${first.runs} without`;
  ctx.results.push(cached);
  const memory = peakRow(ROW.importMemory, size, outcomes);
  ctx.results.push(memory.median === null ? resultOf(ROW.importMemory, size, MB, reports.map((r) => r.maxRssMB)) : memory);
}

// ---------------------------------------------------------------------------------------------
// 6b. The import command on export archives as downloaded: first import, re-import with nothing new

interface ImportCommandReport {
  firstMs: number;
  reimportMs: number;
  added: number;
  journalBytes: number;
  maxRssMB: number;
}

export async function measureImportCommand(
  ctx: Context,
  archive: { path: string; label: string; size: string; items: number; item: string },
  rows: { first: string; again: string | null; memory: string },
  times: number,
): Promise<void> {
  const script = join(PROJECT_ROOT, 'scripts/bench/measure-imports.ts');
  const work = join(ctx.root, 'import-command');
  const outcomes = await repeat(times, `import command: ${archive.label}`, ctx, () =>
    runMeasured(process.execPath, [script, '--command', archive.path, work], { cwd: PROJECT_ROOT }),
  );
  const failure = failed(outcomes);
  const reports = outcomes.map((o) => lastJsonLine<ImportCommandReport>(o.stdout)).filter((r): r is ImportCommandReport => r !== null);
  const first = reports[0];
  if (failure || !first) {
    ctx.results.push(unavailable(rows.first, archive.size, 'ms', failure ? failureNote(failure) : 'the child printed no report'));
    return;
  }
  const per = { items: archive.items, item: archive.item };
  const archiveMB = statSync(archive.path).size / 2 ** 20;
  const note = `${first.added} runs added; journal ${(first.journalBytes / 2 ** 20).toFixed(1)} MB from a ${archiveMB.toFixed(0)} MB archive`;
  ctx.results.push({ ...resultOf(rows.first, archive.size, 'ms', reports.map((r) => r.firstMs), per), note });
  if (rows.again) ctx.results.push(resultOf(rows.again, archive.size, 'ms', reports.map((r) => r.reimportMs), per));
  const memory = peakRow(rows.memory, archive.size, outcomes);
  ctx.results.push(memory.median === null ? resultOf(rows.memory, archive.size, MB, reports.map((r) => r.maxRssMB)) : memory);
}

// ---------------------------------------------------------------------------------------------
// 7. A very large hand-written CSV: reading it must stay bounded in time and memory

export async function measureLargeCsv(ctx: Context, dir: string, rows: number, times: number): Promise<void> {
  const megabytes = statSync(join(dir, 'runs.csv')).size / 2 ** 20;
  const size = `${Math.round(megabytes)} MB CSV`;
  const script = join(PROJECT_ROOT, 'scripts/bench/measure-engine.ts');
  const outcomes = await repeat(times, `large CSV: ${size}`, ctx, () =>
    runMeasured(process.execPath, [script, dir, '--read-only'], { cwd: PROJECT_ROOT }),
  );
  const failure = failed(outcomes);
  const reports = outcomes.map((o) => lastJsonLine<EngineReport>(o.stdout)).filter((r): r is EngineReport => r !== null);
  const first = reports[0];
  if (failure || !first) {
    ctx.results.push(unavailable(ROW.largeCsvRead, size, 'ms', failure ? failureNote(failure) : 'the child printed no report'));
    return;
  }
  const read = resultOf(ROW.largeCsvRead, size, 'ms', reports.map((r) => r.readMs), { items: rows, item: 'row' });
  read.note = `${first.runs} runs${first.errors > 0 ? `, ${first.errors} journal errors` : ''}`;
  ctx.results.push(read);
  const memory = peakRow(ROW.largeCsvMemory, size, outcomes);
  ctx.results.push(memory.median === null ? resultOf(ROW.largeCsvMemory, size, MB, reports.map((r) => r.maxRssMB)) : memory);
}
