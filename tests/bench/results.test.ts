// Rows, targets and the table of the benchmark report.
import { describe, expect, it } from 'vitest';
import { checkTargets, findResult, formatTable, pageCostRows, resultOf, ROW, unavailable } from '../../scripts/bench/lib/results.ts';
import { summarize } from '../../scripts/bench/lib/stats.ts';

describe('summarize', () => {
  it.each([
    { samples: [3, 1, 2], median: 2, min: 1, max: 3 },
    { samples: [4, 1, 3, 2], median: 2.5, min: 1, max: 4 },
    { samples: [7], median: 7, min: 7, max: 7 },
  ])('$samples → median $median', ({ samples, median, min, max }) => {
    expect(summarize(samples)).toEqual({ median, min, max });
  });

  it('refuses an empty list', () => {
    expect(() => summarize([])).toThrow();
  });
});

describe('resultOf', () => {
  it('computes per item and the ratio to the row it is compared with', () => {
    const floor = resultOf(ROW.astroFloor, 'empty', 'ms', [2000, 2100, 1900]);
    const cold = resultOf(ROW.buildCold, 'decade', 'ms', [30_000, 31_000, 29_000], { items: 1000, item: 'page', against: floor });
    expect(cold.median).toBe(30_000);
    expect(cold.perItem).toBe(30);
    expect(cold.ratio).toBe(15);
    expect(cold.against).toBe('F1');
    expect(cold.samples).toBe(3);
  });

  it('has no ratio against a row that could not run', () => {
    const missing = unavailable(ROW.astroFloor, 'empty', 'ms', 'build failed');
    expect(resultOf(ROW.buildCold, 'small', 'ms', [1], { against: missing }).ratio).toBeNull();
  });
});

describe('pageCostRows', () => {
  const f1 = resultOf(ROW.astroFloor, 'empty', 'ms', [6000]);
  const rows = [
    f1,
    resultOf(ROW.astroFloorWarm, 'empty', 'ms', [5000], { against: f1 }),
    resultOf(ROW.buildWarm, 'decade', 'ms', [6100]),
    resultOf(ROW.buildForced, 'decade', 'ms', [8200]),
  ];

  it('compares a warm build with the warm floor, and a build rendering every page with F1', () => {
    const [warm, rendered] = pageCostRows(rows, 'decade', 1100);
    expect(warm).toMatchObject({ name: ROW.pageCost, median: 1, unit: 'ms' });
    expect(rendered).toMatchObject({ name: ROW.pageRenderCost, median: 2, unit: 'ms' });
    expect(warm?.note).toContain('warm F1');
  });

  it('takes the median of paired differences when each warm build has its own floor', () => {
    // The run-start floor (5000 ms) would give (6100 − 5000) / 1100 = 1 ms; the pairs say 0.6 ms.
    const pairs = [
      { floorMs: 5500, buildMs: 6050 },
      { floorMs: 4400, buildMs: 5060 },
      { floorMs: 6000, buildMs: 8200 },
    ];
    const [warm] = pageCostRows(rows, 'decade', 1100, pairs);
    expect(warm).toMatchObject({ name: ROW.pageCost, median: 0.6, min: 0.5, max: 2, samples: 3 });
    expect(warm?.note).toContain('3 pairs');
    expect(pageCostRows(rows, 'decade', 1100, [])[0]?.note).not.toContain('pairs');
  });

  it('says what is missing instead of comparing with another floor', () => {
    const [warm, rendered] = pageCostRows(rows.filter((r) => r.name !== ROW.astroFloorWarm && r.name !== ROW.buildForced), 'decade', 1100);
    expect(warm).toMatchObject({ median: null });
    expect(rendered).toMatchObject({ median: null });
    expect(pageCostRows(rows, 'decade', 0).every((row) => row.median === null)).toBe(true);
  });
});

describe('checkTargets', () => {
  const rows = [
    resultOf(ROW.astroFloor, 'empty', 'ms', [2000]),
    resultOf(ROW.engine, 'huge', 'ms', [420]),
    resultOf(ROW.engineMemory, 'huge', 'MB', [620]),
  ];
  rows.push(resultOf(ROW.buildCold, 'small', 'ms', [12_000], { against: rows[0] }));
  rows.push(resultOf(ROW.buildCold, 'decade', 'ms', [40_000], { against: rows[0] }));
  rows.push(resultOf(ROW.endpointCold, 'decade', 'ms', [100_000], { against: findResult(rows, ROW.buildCold, 'decade') }));
  rows.push(resultOf(ROW.buildWarm, 'decade', 'ms', [60_000], { against: rows[0] }));

  const checksOf = (results: Parameters<typeof checkTargets>[0]) => Object.fromEntries(checkTargets(results).map((t) => [t.target, t]));
  const byTarget = checksOf(rows);

  it('meets a target under its limit and misses one over it', () => {
    expect(byTarget['wins engine on huge (100,000 runs) under 0.5 s']?.met).toBe(true);
    expect(byTarget['huge read and computed under 500 MB']?.met).toBe(false);
    expect(byTarget['small cold build under 5× F1']?.met).toBe(false);
    expect(byTarget['decade cold build (three card formats) under 25× F1']?.met).toBe(true);
    // 100 s for the endpoint against 60 s warm: 1.67×, short of 2×.
    expect(byTarget['decade rebuild with its caches at least 2× faster than the common approach']).toMatchObject({ met: false });
    expect(byTarget['decade cold build at least 2× faster than the common approach']).toBeUndefined();
    const faster = checksOf([...rows.filter((r) => r.name !== ROW.buildWarm), resultOf(ROW.buildWarm, 'decade', 'ms', [40_000], { against: rows[0] })]);
    expect(faster['decade rebuild with its caches at least 2× faster than the common approach']?.met).toBe(true);
  });

  it('says "not measured" rather than guessing', () => {
    expect(byTarget['huge read and computed under 1.5 s']).toMatchObject({ measured: null, met: null });
  });

  it('checks the import targets on the 3,000-activity export only', () => {
    const imports = [
      resultOf(ROW.importFirst, '3000 activities', 'ms', [45_000]),
      resultOf(ROW.importCached, '3000 activities', 'ms', [900]),
      // A quick run's export is far smaller: it must not stand in for the full one.
      resultOf(ROW.importFirst, '100 activities', 'ms', [1_000]),
    ];
    const checks = checksOf(imports);
    expect(checks['first import of a 3,000-activity Strava export under 30 s']).toMatchObject({ measured: '45000 ms', met: false });
    expect(checks['the same export re-imported from the cache under 2 s']).toMatchObject({ measured: '900 ms', met: true });
    const quickOnly = checksOf([imports[2]!]);
    expect(quickOnly['first import of a 3,000-activity Strava export under 30 s']?.met).toBeNull();
  });

  it('bounds the import command in time and memory at the sizes the issue names only', () => {
    const rows = [
      resultOf(ROW.importZipFirst, '3000 activities', 'ms', [24_000]),
      resultOf(ROW.importZipAgain, '3000 activities', 'ms', [3_500]),
      resultOf(ROW.importZipMemory, '3000 activities', 'MB', [430]),
      resultOf(ROW.importGarminZip, '5000 FIT files', 'ms', [61_000]),
      resultOf(ROW.importGarminMemory, '5000 FIT files', 'MB', [600]),
      resultOf(ROW.importGarminMemory, '200 FIT files', 'MB', [100]),
    ];
    const checks = checksOf(rows);
    expect(checks['npm run import of a 3,000-activity Strava ZIP under 30 s']).toMatchObject({ measured: '24000 ms', met: true });
    expect(checks['the same ZIP imported again, nothing new, under 3 s']).toMatchObject({ met: false });
    expect(checks['npm run import of the 3,000-activity Strava ZIP in under 512 MB']).toMatchObject({ measured: '430 MB', met: true });
    expect(checks['npm run import of a Garmin ZIP of 5,000 FIT files in nested archives under 60 s']).toMatchObject({ met: false });
    expect(checks['npm run import of the 5,000-file Garmin ZIP in under 512 MB']).toMatchObject({ measured: '600 MB', met: false });
    expect(checksOf([rows[5]!])['npm run import of the 5,000-file Garmin ZIP in under 512 MB']?.met).toBeNull();
  });

  it('bounds the 50 MB CSV, and only that size', () => {
    const rows = [
      resultOf(ROW.largeCsvRead, '50 MB CSV', 'ms', [1400]),
      resultOf(ROW.largeCsvMemory, '50 MB CSV', 'MB', [1500]),
      resultOf(ROW.largeCsvMemory, '5 MB CSV', 'MB', [100]),
    ];
    const checks = checksOf(rows);
    expect(checks['a 50 MB runs.csv read in under 10 s']).toMatchObject({ measured: '1400 ms', met: true });
    expect(checks['a 50 MB runs.csv read in under 1 GB']).toMatchObject({ measured: '1500 MB', met: false });
  });
});

describe('formatTable', () => {
  it('prints one line per row, with the reason a row is missing', () => {
    const table = formatTable([resultOf(ROW.nodeFloor, 'none', 'ms', [40, 42, 41]), unavailable(ROW.engine, 'huge', 'ms', 'not available yet')]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('41 ms');
    expect(lines[3]).toContain('not available yet');
  });
});
