// Builds the site the way a runner does (`astro build`), but from a private copy of the project:
// parallel builds in one checkout would share Astro's `.astro/` and Vite's caches, and the trust
// tests need builds that differ only in what they are meant to differ in.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Copies what `astro build` reads into `dir` (node_modules linked), with a config keeping caches
 * inside. `cards: false` leaves the share-card integration out, for tests that only read pages.
 */
export function prepareProject(dir: string, options: { cards?: boolean } = {}): string {
  mkdirSync(dir, { recursive: true });
  for (const file of PROJECT_FILES) cpSync(join(REPO, file), join(dir, file), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'astro.trust.config.mjs'),
    [
      "import base from './astro.config.mjs';",
      options.cards === false
        ? "const integrations = (base.integrations ?? []).flat().filter((i) => i && i.name !== 'small-wins:share-cards');"
        : 'const integrations = base.integrations;',
      "export default { ...base, integrations, cacheDir: './.trust-cache/astro', vite: { ...base.vite, cacheDir: './.trust-cache/vite' } };",
      '',
    ].join('\n'),
  );
  return dir;
}

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `astro build` of the journal in `data` into `outDir`, share-card cache in `cache`. */
export function buildSite(options: { project: string; data: string; outDir: string; cache: string; env?: Record<string, string> }): Promise<BuildResult> {
  const astro = join(REPO, 'node_modules/astro/bin/astro.mjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--config', 'astro.trust.config.mjs', '--outDir', options.outDir], {
      cwd: options.project,
      env: {
        ...process.env,
        SMALL_WINS_DATA: options.data,
        SMALL_WINS_CACHE: options.cache,
        SMALL_WINS_TODAY: '',
        CI: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
