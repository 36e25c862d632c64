// `node scripts/fuzz.ts [--runs N] [--seed S] [--only TEXT]`: the trust suite's "never crash, always
// say where" properties, run longer than the test suite affords. Prints the seed, so a failure replays.
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PROPERTIES } from './fuzz/properties.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' }, only: { type: 'string' } },
  strict: true,
});
const runs = Number(values.runs);
// The one place a clock is read: to pick a seed when none is given (it is printed, so it replays).
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: node scripts/fuzz.ts [--runs N] [--seed S] [--only TEXT]\n');
  process.exit(2);
}

// Importers cache parsed GPS files: keep that cache out of the working tree.
const cache = mkdtempSync(join(tmpdir(), 'small-wins-fuzz-cache-'));
process.env.SMALL_WINS_CACHE = cache;

let failed = 0;
for (const { name, property } of PROPERTIES.filter((p) => values.only === undefined || p.name.includes(values.only))) {
  const started = performance.now();
  const result = await fc.check(property(), { seed, numRuns: runs });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.failed) {
    failed++;
    process.stdout.write(`FAIL ${name} (${seconds} s)\n${fc.defaultReportMessage(result) ?? ''}\n`);
  } else {
    process.stdout.write(`ok   ${name}: ${result.numRuns} cases (${seconds} s)\n`);
  }
}
rmSync(cache, { recursive: true, force: true });
process.stdout.write(`seed ${seed}, ${runs} runs per property: ${failed === 0 ? 'all held' : `${failed} failed`}\n`);
process.exitCode = failed === 0 ? 0 : 1;
