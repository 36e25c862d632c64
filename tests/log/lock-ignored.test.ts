import { readFileSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../../src/lib/log/journal-lock';

// A lock left by a killed `log` must never be published by `git add data`.
describe('the journal lock file', () => {
  it('is ignored by git wherever the journal lies', () => {
    const patterns = readFileSync(new URL('../../.gitignore', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const file of ['data/runs.csv', 'journal/runs.csv']) {
      const lock = lockPathFor(file);
      expect(patterns.some((pattern) => matchesGlob(lock.split('/').pop()!, pattern) || matchesGlob(lock, pattern))).toBe(true);
    }
  });
});
