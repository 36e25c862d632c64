// The benchmark never writes into the journal folder: a copy of the project (its data/ included)
// runs the engine part, and every file of its data/ hashes the same before and after.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROW, type BenchReport } from '../../scripts/bench/lib/results.ts';

const run = promisify(execFile);
const PROJECT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'small-wins-bench-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir` (relative path → sha256), so added and removed files count too. */
function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}

describe('the benchmark and the journal folder', () => {
  it('leaves every file of data/ as it was', { timeout: 180_000 }, async () => {
    const project = join(scratch, 'project');
    for (const part of ['src', 'scripts', 'data', 'package.json']) cpSync(join(PROJECT, part), join(project, part), { recursive: true });
    symlinkSync(join(PROJECT, 'node_modules'), join(project, 'node_modules'), 'dir');
    const data = join(project, 'data');
    const before = hashTree(data);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    const json = join(scratch, 'results.json');
    await run(process.execPath, ['scripts/bench.ts', '--only', 'engine', '--sizes', 'small', '--samples', '1', '--json', json], {
      cwd: project,
      // Were anything to follow the journal setting, it would find this copy.
      env: { ...process.env, SMALL_WINS_DATA: data },
    });

    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(report.results.find((r) => r.name === ROW.read && r.size === 'small')?.median).toBeGreaterThan(0);
    expect(hashTree(data)).toEqual(before);
  });
});
