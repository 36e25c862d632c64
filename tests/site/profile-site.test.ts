import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { readProfileSite } from '../../src/utils/profile-site.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/site/profiles');

test.each([
  ['with-site', 'https://ana.github.io/runs'],
  ['no-site', null],
  ['bad-yaml', null],
  ['not-a-url', null],
  ['missing-folder', null],
])('the profile in %s gives the site %s', (folder, expected) => {
  expect(readProfileSite(resolve(fixtures, folder))).toBe(expected);
});
