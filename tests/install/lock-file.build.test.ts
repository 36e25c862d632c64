// The quick start (`npm install`) and CI (`npm ci`) must leave a fresh clone as it was: the lock
// file lists every package for every platform, so npm has nothing to add to it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'small-wins-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('package-lock.json', () => {
  it('is what npm install writes for package.json, byte for byte', { timeout: 300_000 }, () => {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(dir, file));
    // Resolves the whole tree as `npm install` does, but writes only the lock: no packages, no
    // install scripts; the npm cache answers what it can.
    const npm = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(npm.status, `${npm.stdout}${npm.stderr}${npm.error ?? ''}`).toBe(0);
    const committed = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
    const rewritten = readFileSync(join(dir, 'package-lock.json'), 'utf8');
    // Compared as text so a failure shows the lines npm added.
    expect(rewritten).toBe(committed);
  });
});
