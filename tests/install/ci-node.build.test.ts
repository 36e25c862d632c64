// `bash .ci/run` runs the suite on one exact Node when the machine's is too old: the version is
// pinned, the install and the cache check use that pin, and the machine's own node is never touched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = readFileSync(join(ROOT, '.ci/run'), 'utf8');
const nodeSh = readFileSync(join(ROOT, '.ci/node.sh'), 'utf8');
const pin = /^NODE_PIN=(\S*)$/m.exec(nodeSh)?.[1];

const dir = mkdtempSync(join(tmpdir(), 'small-wins-ci-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A prefix as `npm install --prefix` leaves it, its `node` the Node running this test (a real binary). */
function cachedPrefix(name: string): string {
  const prefix = join(dir, name);
  mkdirSync(join(prefix, 'node_modules/node/bin'), { recursive: true });
  symlinkSync(process.execPath, join(prefix, 'node_modules/node/bin/node'));
  return prefix;
}

/** Runs `script` after sourcing .ci/node.sh as .ci/run does, `NODE_PIN` set to `nodePin` when given. */
function withNodeSh(script: string, args: string[], nodePin?: string) {
  const setPin = nodePin === undefined ? '' : `NODE_PIN=${nodePin}; `;
  return spawnSync('bash', ['-c', `set -euo pipefail; say() { echo "ci: $*"; }; . .ci/node.sh; ${setPin}${script}`, 'bash', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('.ci/run and the Node it installs', () => {
  it('pins one exact Node 22 from 22.18 on, and installs only that one, into its cache folder', () => {
    expect(pin).toMatch(/^22\.\d+\.\d+$/);
    expect(Number(pin!.split('.')[1])).toBeGreaterThanOrEqual(18);
    // A bare `node@22` would install whatever is newest the day CI runs.
    for (const text of [run, nodeSh]) expect(text).not.toMatch(/node@22(?![.\d])/);
    const installs = nodeSh.split('\n').filter((line) => /\bnpm install\b/.test(line));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toContain('"node@$NODE_PIN"');
    // Into the prefix given, never globally over the machine's own node.
    expect(installs[0]).toContain('--prefix "$prefix"');
    expect(installs[0]).not.toMatch(/\s(-g|--global)\b/);
    expect(run).not.toMatch(/\bnpm (install|i)\b[^\n]*\bnode@/);
    expect(run).toMatch(/^\. \.ci\/node\.sh$/m);
    expect(run).toMatch(/^if ! node_is_recent; then use_pinned_node "\$cache\/node22"; fi$/m);
  });

  it('the cache check tells the pinned Node from another version an earlier run cached', () => {
    const prefix = cachedPrefix('cached');
    const other = process.versions.node === '22.18.0' ? '22.19.0' : '22.18.0';
    expect(withNodeSh('cached_node_is_pinned "$1"', [prefix], process.versions.node).status).toBe(0);
    expect(withNodeSh('cached_node_is_pinned "$1"', [prefix], other).status).toBe(1);
    expect(withNodeSh('cached_node_is_pinned "$1"', [join(dir, 'empty')], process.versions.node).status).toBe(1);
    // With the pin as written: the check holds exactly when the cached binary is that version.
    expect(withNodeSh('cached_node_is_pinned "$1"', [prefix]).status).toBe(process.version === `v${pin}` ? 0 : 1);
  });

  it('a cached pinned Node is put first on PATH and nothing is installed', () => {
    const prefix = cachedPrefix('in-use');
    const result = withNodeSh('use_pinned_node "$1"; command -v node; node --version', [prefix], process.versions.node);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${prefix}/node_modules/node/bin/node\n${process.version}\n`);
  });
});
