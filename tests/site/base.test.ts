import { describe, expect, test } from 'vitest';
import { absoluteUrl, fileWithBase, joinBase, pathWithBase, PLACEHOLDER_SITE } from '../../src/utils/base.ts';

describe.each([
  ['/', 'wins/', '/wins/'],
  ['/', '', '/'],
  ['/small-wins/', 'wins/2025/', '/small-wins/wins/2025/'],
  ['/small-wins', '/wins/', '/small-wins/wins/'],
  ['small-wins/', 'rss.xml', '/small-wins/rss.xml'],
])('joinBase(%s, %s)', (base, path, expected) => {
  test(`is ${expected}`, () => expect(joinBase(base, path)).toBe(expected));
});

describe('pathWithBase', () => {
  test.each([
    ['wins', '/small-wins/', '/small-wins/wins/'],
    ['wins/x/#share', '/small-wins/', '/small-wins/wins/x/#share'],
    ['runs/2', '/', '/runs/2/'],
    ['', '/small-wins/', '/small-wins/'],
    ['favicon.svg', '/small-wins/', '/small-wins/favicon.svg'],
  ])('%s under %s is %s', (path, base, expected) => {
    expect(pathWithBase(path, base)).toBe(expected);
  });

  test('files keep their name', () => {
    expect(fileWithBase('wins/a/card-1200x630.png', '/repo/')).toBe('/repo/wins/a/card-1200x630.png');
  });
});

describe('absoluteUrl', () => {
  test('joins the site origin and the based path', () => {
    expect(absoluteUrl('/repo/wins/a/', 'https://ana.github.io/repo')).toBe('https://ana.github.io/repo/wins/a/');
    expect(absoluteUrl('/wins/a/', new URL('https://runs.example.org/'))).toBe('https://runs.example.org/wins/a/');
  });

  test('falls back to the documented placeholder without a site', () => {
    expect(absoluteUrl('/wins/a/', undefined)).toBe(`${PLACEHOLDER_SITE}/wins/a/`);
    expect(absoluteUrl('/x/', null)).toBe('https://example.com/x/');
  });
});

describe('absoluteUrl with a site path', () => {
  test.each([
    ['/wins/a/', 'https://ana.github.io/runs', 'https://ana.github.io/runs/wins/a/'],
    ['/runs/wins/a/', 'https://ana.github.io/runs/', 'https://ana.github.io/runs/wins/a/'],
    ['/', 'https://ana.github.io/runs', 'https://ana.github.io/runs/'],
    ['/runsx/', 'https://ana.github.io/runs', 'https://ana.github.io/runs/runsx/'],
  ])('%s on %s is %s', (path, site, expected) => {
    expect(absoluteUrl(path, site)).toBe(expected);
  });
});
