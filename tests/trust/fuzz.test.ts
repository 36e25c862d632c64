// Hostile and broken input never crashes the readers: a bounded, seeded run of every property.
// `node scripts/fuzz.ts --runs N --seed S` runs the same properties longer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PROPERTIES } from '../../scripts/fuzz/properties.ts';
import { useTempCache } from './helpers.ts';

const SEED = 20_251_124;
const RUNS = 200;

describe('fuzzed input', () => {
  const cache = useTempCache();
  beforeAll(cache.setup);
  afterAll(cache.teardown);

  it.each(PROPERTIES.map((p) => [p.name, p] as const))('%s', async (_name, { property, suiteRuns }) => {
    await fc.assert(property(), { seed: SEED, numRuns: suiteRuns ?? RUNS });
  }, 60_000);
});
