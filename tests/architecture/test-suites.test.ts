import { globSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { misfiledTests, suitesOf, TEST_FILES } from '../../vitest.config.ts';

// The config refuses to start when a test file is in no suite; these tests pin that rule down.
describe('test suites', () => {
  it('puts every test file in exactly one suite', () => {
    const files = globSync(TEST_FILES);
    expect(files.length).toBeGreaterThan(50);
    expect(misfiledTests(files)).toEqual([]);
  });

  it('names a test file in a folder no suite covers', () => {
    expect(misfiledTests(['tests/new-area/thing.test.ts'])).toEqual(['tests/new-area/thing.test.ts (in no suite)']);
  });

  it('keeps the slow files out of the unit suite', () => {
    expect(suitesOf('tests/e2e/site.test.ts')).toEqual(['browser']);
    expect(suitesOf('tests/trust/site.test.ts')).toEqual(['browser']);
    expect(suitesOf('tests/trust/stable-links.test.ts')).toEqual(['build']);
    // It runs `check` under a lower open-files limit and writes 10,000 entry files.
    expect(suitesOf('tests/trust/limits.test.ts')).toEqual(['build']);
    expect(suitesOf('tests/trust/fuzz.test.ts')).toEqual(['unit']);
  });
});
