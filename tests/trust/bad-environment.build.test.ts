// SMALL_WINS_DATA and SMALL_WINS_TODAY mean the same to the site build and to every command, and a
// bad value stops each of them with the same words, before anything is read or written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree, runScript, STACK_LINE } from './helpers.ts';
import { buildSite, prepareProject } from './site-build.ts';

const REPO = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'small-wins-env-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BAD_TODAY = { SMALL_WINS_TODAY: '2025-13-45' };
const MESSAGE = 'SMALL_WINS_TODAY: got "2025-13-45", expected a real calendar date (months run 01–12)';

describe('a bad SMALL_WINS_TODAY', () => {
  const data = join(scratch, 'data');
  cpSync(join(REPO, 'data'), data, { recursive: true });
  const before = hashTree(data);

  it('stops the site build with one clear line and no output folder', { timeout: 300_000 }, async () => {
    const project = prepareProject(join(scratch, 'project'), { cards: false });
    const outDir = join(scratch, 'dist');
    const result = await buildSite({ project, data, outDir, cache: join(scratch, 'cache'), env: BAD_TODAY });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr.split('\n')).toContain(MESSAGE);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_LINE);
    expect(existsSync(outDir)).toBe(false);
  });

  it.each([
    ['check', []],
    ['wins', []],
    ['next', []],
    ['log', ['2026-11-20', '5km']],
  ])('stops %s with the same line (exit 2), leaving the journal as it was', { timeout: 120_000 }, (command, args) => {
    const result = runScript(`scripts/${command}.ts`, ['--data', data, ...args], BAD_TODAY);
    expect(result.stderr).toBe(`${MESSAGE}\n`);
    expect(result.status).toBe(2);
    expect(hashTree(data)).toEqual(before);
  });
});

describe('an empty SMALL_WINS_DATA', () => {
  it('means data/, for log as for check', { timeout: 120_000 }, () => {
    const project = join(scratch, 'empty-data');
    cpSync(join(REPO, 'data'), join(project, 'data'), { recursive: true });
    const env = { ...process.env, SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '' };
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, [join(REPO, 'scripts', script), ...args], { cwd: project, env, encoding: 'utf8' });
    const check = run('check.ts', []);
    expect(check.status, check.stderr).toBe(0);
    const log = run('log.ts', ['2026-11-20', '5.5km', '30:00', 'Env check', '--nonstop']);
    expect(log.status, log.stderr).toBe(0);
    expect(readFileSync(join(project, 'data', 'runs.csv'), 'utf8')).toContain('Env check');
    expect(existsSync(join(project, 'runs.csv'))).toBe(false);
  });
});
