import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suitesOf, SUITE_FILES } from '../../vitest.config.ts';

// A test file's name says its suite. These rules keep the in-process suite fast and every file run
// exactly once.

/** What an in-process test must not do: each starts another program or a build. */
const STARTS_A_PROGRAM = [
  { what: 'imports node:child_process', pattern: /from ['"]node:child_process['"]/ },
  { what: 'builds a site', pattern: /\bbuildSite(Now)?\(/ },
  { what: 'starts Chromium', pattern: /\blaunchBrowser\(/ },
];

/** The rules an in-process test file's source breaks, as "why" lines. */
function programStarts(source: string): string[] {
  return STARTS_A_PROGRAM.filter(({ pattern }) => pattern.test(source)).map(({ what }) => what);
}

describe('test suites', () => {
  const files = globSync('tests/**/*.test.ts');

  it('runs every test file in exactly one suite', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => suitesOf(file).length !== 1)).toEqual([]);
  });

  it('tells the suites apart by the file name alone', () => {
    expect(suitesOf('tests/e2e/site.browser.test.ts')).toEqual(['browser']);
    expect(suitesOf('tests/trust/stable-links.build.test.ts')).toEqual(['build']);
    expect(suitesOf('tests/new-area/thing.test.ts')).toEqual(['unit']);
    expect(suitesOf('tests/new-area/notes.ts')).toEqual([]);
    // A file named for both slower suites would run twice.
    expect(suitesOf('tests/x/both.build.browser.test.ts').length).toBe(1);
    expect(SUITE_FILES.unit).toBe('tests/**/*.test.ts');
  });

  it('starts no program, build or browser from an in-process test file', () => {
    const offenders = files
      // This file names the patterns in its own planted examples.
      .filter((file) => suitesOf(file)[0] === 'unit' && file !== 'tests/architecture/test-suites.test.ts')
      .flatMap((file) => programStarts(readFileSync(file, 'utf8')).map((why) => `${file} ${why}: name it *.build.test.ts`));
    expect(offenders).toEqual([]);
  });

  it('sees a planted program start in an in-process file', () => {
    expect(programStarts("import { spawn } from 'node:child_process';")).toEqual(['imports node:child_process']);
    expect(programStarts('const site = await buildSite({ data });')).toEqual(['builds a site']);
    expect(programStarts('browser = await launchBrowser();')).toEqual(['starts Chromium']);
    expect(programStarts("import { join } from 'node:path';")).toEqual([]);
  });
});
