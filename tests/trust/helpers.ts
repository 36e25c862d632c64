// Small pieces the trust tests share: temp folders, hashing a tree, running a script as a user would.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** Points SMALL_WINS_CACHE at a temp folder for a describe block, so no test writes a cache in the repo. */
export function useTempCache() {
  let dir = '';
  let before: string | undefined;
  return {
    setup() {
      dir = mkdtempSync(join(tmpdir(), 'small-wins-cache-'));
      before = process.env.SMALL_WINS_CACHE;
      process.env.SMALL_WINS_CACHE = dir;
    },
    teardown() {
      if (before === undefined) delete process.env.SMALL_WINS_CACHE;
      else process.env.SMALL_WINS_CACHE = before;
      rmSync(dir, { recursive: true, force: true });
    },
    get dir() {
      return dir;
    },
  };
}

/** Every file under `dir` (forward-slash paths relative to it), sorted. */
export function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** `sha256  path` for every file under `dir`, sorted by path: two trees are equal when these are. */
export function hashTree(dir: string): string[] {
  return listTree(dir).map((path) => `${createHash('sha256').update(readFileSync(join(dir, path))).digest('hex')}  ${path}`);
}

export interface ScriptResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> ...args` from the repository root with the Node that runs the tests. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}, timeout = 120_000): ScriptResult {
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SMALL_WINS_DATA: '', SMALL_WINS_TODAY: '', ...env },
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line (`    at fn (file:1:2)`), which a user must never see. */
export const STACK_LINE = /^\s+at .+[:(]/m;
