// `npm run bench` as a process: the engine part alone (the builds take minutes) writes a JSON
// report with the documented fields. No timing is asserted: speed belongs to the benchmark.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROW, TARGETS, type BenchReport } from '../../scripts/bench/lib/results.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'small-wins-bench-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('node scripts/bench.ts --quick --only engine', () => {
  it('prints the table and writes the report as JSON', { timeout: 180_000 }, async () => {
    const json = join(scratch, 'results.json');
    const { stdout } = await run(process.execPath, ['scripts/bench.ts', '--quick', '--only', 'engine', '--json', json]);
    expect(stdout).toContain('| what');
    expect(stdout).toContain(ROW.read);

    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(report.quick).toBe(true);
    expect(report.machine).toMatchObject({ cpus: expect.any(Number), memoryGB: expect.any(Number), node: process.version });
    expect(report.results.length).toBeGreaterThan(0);
    for (const row of report.results) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['name', 'size', 'unit', 'median', 'min', 'max', 'perItem', 'ratio', 'against']));
    }
    const read = report.results.find((r) => r.name === ROW.read && r.size === 'small');
    expect(read).toMatchObject({ unit: 'ms', samples: 5, item: 'run' });
    expect(read!.median).toBeGreaterThan(0);
    expect(read!.min!).toBeLessThanOrEqual(read!.median!);
    expect(read!.max!).toBeGreaterThanOrEqual(read!.median!);
    expect(read!.perItem).toBeCloseTo(read!.median! / 300);
    const memory = report.results.find((r) => r.name === ROW.engineMemory && r.size === 'small');
    expect(memory?.median).toBeGreaterThan(10);
    // Only the engine ran: every target about builds says it was not measured.
    expect(report.targets).toHaveLength(TARGETS.length);
    expect(report.targets.filter((t) => t.target.includes('build')).every((t) => t.met === null)).toBe(true);
  });
});

describe('node scripts/bench.ts --quick --only png', () => {
  it('times every encoder setting on the same cards, per format, with their bytes', { timeout: 180_000 }, async () => {
    const json = join(scratch, 'png.json');
    await run(process.execPath, ['scripts/bench.ts', '--quick', '--only', 'png', '--json', json]);
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    const rows = report.results.filter((r) => r.name.startsWith(`${ROW.png}: `));
    expect(new Set(rows.map((r) => r.size))).toEqual(new Set(['1200x630', '1080x1350', '1080x1920']));
    expect(rows.some((r) => r.name.endsWith('(used)'))).toBe(true);
    for (const row of rows) {
      expect(row.median).toBeGreaterThan(0);
      expect(row.note).toMatch(/^\d+(\.\d)? KB mean, \d+(\.\d)? KB largest, 10 cards$/);
    }
    // Same cards, same pixels: the palette is smaller than the truecolour it was chosen against.
    const mean = (name: string) => Number(rows.find((r) => r.name.includes(name) && r.size === '1080x1920')!.note!.split(' ')[0]);
    expect(mean('palette 64')).toBeLessThan(mean('RGB, zlib 6'));
  });
});
