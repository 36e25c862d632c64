import { availableParallelism } from 'node:os';
import { matchesGlob } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The three suites, by speed, named by the test file's own name: `*.browser.test.ts` runs real
 * Chromium against a built site, `*.build.test.ts` starts other programs (`astro build`, the
 * command-line tools, git or npm), and every other `*.test.ts` runs in process. `npm test` runs them
 * all; `npm run test:unit` (and `test:build`, `test:browser`) runs one. There is no list to keep:
 * tests/architecture/test-suites.test.ts holds each in-process file to running no other program.
 */
export const SUITE_FILES = {
  browser: 'tests/**/*.browser.test.ts',
  build: 'tests/**/*.build.test.ts',
  unit: 'tests/**/*.test.ts',
} as const;

export type Suite = keyof typeof SUITE_FILES;

/** The suites a test file (a path relative to the repository root) runs in: exactly one for a file named as above. */
export function suitesOf(file: string): Suite[] {
  const browser = matchesGlob(file, SUITE_FILES.browser);
  const build = matchesGlob(file, SUITE_FILES.build);
  const unit = matchesGlob(file, SUITE_FILES.unit) && !browser && !build;
  return (['browser', 'build', 'unit'] as const).filter((suite) => ({ browser, build, unit })[suite]);
}

const slower = [SUITE_FILES.browser, SUITE_FILES.build];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Vitest leaves one core free by default, which on a two-core CI machine runs every file one
    // after another. Most of the slow files wait on programs they start (astro build, Chromium,
    // the command-line tools), so one worker per core keeps both cores busy.
    maxWorkers: availableParallelism(),
    projects: [
      // In-process tests share their worker threads and modules (no fresh module graph per file):
      // they hold no global state between files, and the loop stays short.
      { extends: true, test: { name: 'unit', include: [SUITE_FILES.unit], exclude: slower, pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'build', include: [SUITE_FILES.build] } },
      { extends: true, test: { name: 'browser', include: [SUITE_FILES.browser], globalSetup: ['tests/e2e/sample-site.global.ts'] } },
    ],
  },
});
