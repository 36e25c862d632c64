import { globSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The three suites, by speed. `npm test` runs them all; `npm run test:unit` (and `test:build`,
 * `test:browser`) runs one. Every test file belongs to exactly one suite: the check below stops
 * vitest when a file is in none (it would never run) or in two (it would run twice).
 */
export const SUITES = {
  /** Real Chromium against a built site. */
  browser: ['tests/e2e/layout.test.ts', 'tests/e2e/site.test.ts', 'tests/e2e/weeks.test.ts', 'tests/e2e/years.test.ts', 'tests/trust/site.test.ts'],
  /** Starts other programs: `astro build`, the command-line tools, git or npm. */
  build: [
    'tests/bench/bench-cli.test.ts',
    'tests/bench/data-untouched.test.ts',
    'tests/cards/build.test.ts',
    'tests/cards/sample-cards.test.ts',
    'tests/e2e/journal-edges.test.ts',
    'tests/import/publish-workflow.test.ts',
    'tests/import/raw-files.test.ts',
    'tests/install/*.test.ts',
    'tests/journal/check-cli.test.ts',
    'tests/log/log-command.test.ts',
    'tests/log/log-lock.test.ts',
    'tests/trust/bad-environment.test.ts',
    'tests/trust/cli.test.ts',
    'tests/trust/incremental-build.test.ts',
    'tests/trust/limits.test.ts',
    'tests/trust/log-append.test.ts',
    'tests/trust/mdx-story-error.test.ts',
    'tests/trust/publish.test.ts',
    'tests/trust/stable-links.test.ts',
    'tests/typecheck/*.test.ts',
    'tests/wins/cli.test.ts',
    'tests/workflow/*.test.ts',
  ],
  /** In-process unit and property tests: everything else in these folders. */
  unit: [
    'tests/architecture/*.test.ts',
    'tests/bench/*.test.ts',
    'tests/build/*.test.ts',
    'tests/cards/*.test.ts',
    'tests/fs/*.test.ts',
    'tests/import/*.test.ts',
    'tests/imports/*.test.ts',
    'tests/journal/*.test.ts',
    'tests/log/*.test.ts',
    'tests/site/*.test.ts',
    'tests/trust/*.test.ts',
    'tests/wins/*.test.ts',
  ],
} as const;

export type Suite = keyof typeof SUITES;

/** The suite a test file (a path relative to the repository root) belongs to, or every match when it is not one. */
export function suitesOf(file: string): Suite[] {
  const inBrowser = SUITES.browser.some((glob) => matchesGlob(file, glob));
  const inBuild = SUITES.build.some((glob) => matchesGlob(file, glob));
  // The unit folders hold some slower files too; those belong to the slower suite only.
  const inUnit = !inBrowser && !inBuild && SUITES.unit.some((glob) => matchesGlob(file, glob));
  return (['browser', 'build', 'unit'] as const).filter((suite) => ({ browser: inBrowser, build: inBuild, unit: inUnit })[suite]);
}

/** Test files that are in no suite or in more than one, with the suites they are in. */
export function misfiledTests(files: readonly string[]): string[] {
  return files
    .map((file) => ({ file, suites: suitesOf(file) }))
    .filter(({ suites }) => suites.length !== 1)
    .map(({ file, suites }) => `${file} (${suites.length === 0 ? 'in no suite' : `in ${suites.join(' and ')}`})`);
}

export const TEST_FILES = 'tests/**/*.test.ts';

const misfiled = misfiledTests(globSync(TEST_FILES, { cwd: import.meta.dirname }));
if (misfiled.length > 0) {
  throw new Error(`vitest.config.ts: every test file must be in exactly one of SUITES (browser, build, unit):\n  ${misfiled.join('\n  ')}`);
}

const slower = [...SUITES.browser, ...SUITES.build];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    projects: [
      // In-process tests share their worker threads and modules (no fresh module graph per file):
      // they hold no global state between files, and the loop stays short.
      { extends: true, test: { name: 'unit', include: [...SUITES.unit], exclude: slower, pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'build', include: [...SUITES.build] } },
      { extends: true, test: { name: 'browser', include: [...SUITES.browser], globalSetup: ['tests/e2e/sample-site.global.ts'] } },
    ],
  },
});
