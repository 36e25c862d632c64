// `npm run typecheck` as part of the suite: the TypeScript and the .astro pages and components
// (which tsc alone never reads) must type-check with no errors.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function run(script: string, args: string[]): { status: number | null; output: string } {
  // A clean environment: vitest's own (MODE, BASE_URL...) must not reach Astro's config.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT, ASTRO_TELEMETRY_DISABLED: '1' };
  const result = spawnSync(process.execPath, [resolve(ROOT, script), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 540_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}` };
}

describe('npm run typecheck', () => {
  // astro check writes the content types (.astro/) that tsc then reads, so it goes first.
  it('finds no errors in the .astro files (astro check), then none in the TypeScript (tsc)', { timeout: 600_000 }, () => {
    const astro = run('node_modules/astro/bin/astro.mjs', ['check']);
    expect(astro.output).toMatch(/\b0 errors\b/);
    expect(astro.status, astro.output).toBe(0);
    const tsc = run('node_modules/typescript/bin/tsc', ['--noEmit', '-p', '.']);
    expect(tsc.status, tsc.output).toBe(0);
  });
});
