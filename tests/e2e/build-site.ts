// Builds the sample journal's site with the real `astro build`, in a private copy of the project
// (so two builds, or a build beside an editor's dev server, never share Astro's `.astro/` folder).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

const PROJECT = resolve(import.meta.dirname, '../..');
const COPIED = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const VITEST_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);

export interface BuiltSite {
  outDir: string;
  base: string;
  log: string;
  /** Removes the temporary project and output. */
  dispose(): Promise<void>;
}

/** What the browser suite's one shared build of the sample passes to its tests. */
export type SharedSite = Pick<BuiltSite, 'outDir' | 'base' | 'log'> & {
  /** SMALL_WINS_TODAY as it was for the shared build (null: unset); a test that sets another builds its own. */
  today: string | null;
};

export interface BuildOptions {
  base?: string;
  data?: string;
  site?: string;
}

/**
 * The sample's site as `astro build` makes it with these options. Without options, and inside the
 * browser suite, this is the suite's one shared build (tests read it and never change it; its
 * `dispose` leaves it for the suite to remove); otherwise a build of its own.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const shared = Object.keys(options).length === 0 ? sharedSite() : null;
  if (shared && shared.today === (process.env.SMALL_WINS_TODAY ?? null)) {
    return { outDir: shared.outDir, base: shared.base, log: shared.log, dispose: async () => {} };
  }
  return buildSiteNow(options);
}

function sharedSite(): SharedSite | null {
  try {
    return inject('sampleSite') ?? null;
  } catch {
    // Outside a vitest worker (or a suite without the shared build): nothing to share.
    return null;
  }
}

/** A build of its own, always: a private copy of the project and its own output folder. */
export async function buildSiteNow(options: BuildOptions = {}): Promise<BuiltSite> {
  const root = await mkdtemp(join(tmpdir(), 'small-wins-e2e-'));
  for (const entry of COPIED) await cp(join(PROJECT, entry), join(root, entry), { recursive: true }).catch(() => {});
  // Each package is linked, but not Astro's and Vite's caches (`node_modules/.astro`, `.vite`),
  // so this build shares no content store with any other build running at the same time.
  await mkdir(join(root, 'node_modules'));
  for (const entry of await readdir(join(PROJECT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite') continue;
    await symlink(join(PROJECT, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  const outDir = join(root, 'dist');
  const base = options.base ?? '/';
  const args = ['astro', 'build', '--outDir', outDir, '--base', base];
  if (options.site) args.push('--site', options.site);
  const astro = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // Vitest exposes its own Vite env (BASE_URL, MODE, NODE_ENV=test...) in process.env; a child
  // Astro build must not inherit it, or `import.meta.env.BASE_URL` ignores `--base`.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
  );
  const env = {
    ...inherited,
    NODE_ENV: 'production',
    SMALL_WINS_DATA: resolve(PROJECT, options.data ?? 'data'),
    // Share images are cached across runs like a real project's (CI points this outside the clone).
    SMALL_WINS_CACHE: process.env.SMALL_WINS_CACHE ?? join(PROJECT, '.cache', 'small-wins'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const build = new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [astro, ...args.slice(1)], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`astro build failed (${code}):\n${output}`))));
  });
  const log = await build.catch(async (error: unknown) => {
    await rm(root, { recursive: true, force: true });
    throw error;
  });
  return { outDir, base, log, dispose: () => rm(root, { recursive: true, force: true }) };
}
