import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { FAMILY_COLOUR, THEME_STYLE, contrastRatio, familyCss, iconSvg, type CardTheme } from '../../src/lib/cards/family-style.ts';
import { WIN_FAMILIES } from '../../src/lib/model/kinds.ts';
import { ROOT } from './helpers.ts';

const themes = Object.keys(THEME_STYLE) as CardTheme[];

describe.each(themes)('%s theme', (theme) => {
  const style = THEME_STYLE[theme];

  it('meets WCAG AA for text on its background', () => {
    expect(contrastRatio(style.ink, style.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(style.accent, style.background)).toBeGreaterThanOrEqual(4.5);
    // The icon is drawn in the background colour on an accent tile.
    expect(contrastRatio(style.background, style.accent)).toBeGreaterThanOrEqual(3);
  });

  it('has an icon that draws something', async () => {
    const { data } = await sharp(Buffer.from(iconSvg(theme, '#000000'))).resize(48, 48).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 128) opaque += 1;
    expect(opaque).toBeGreaterThan(48 * 48 * 0.08);
  });
});

it('gives each family its own colour', () => {
  expect(new Set(themes.map((theme) => THEME_STYLE[theme].background)).size).toBe(themes.length);
});

it('computes contrast like WCAG', () => {
  expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 5);
  expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
});

describe('one identity per family, on cards and pages', () => {
  const cssFile = join(ROOT, 'src', 'styles', 'families.css');

  it('gives the site the colours the cards wear (families.css is generated from the table)', () => {
    // Regenerate on purpose, like the goldens: UPDATE_GOLDENS=1 npx vitest run tests/cards/family-style.test.ts
    // (never in CI, where the file must already be what the table makes).
    if (process.env.UPDATE_GOLDENS === '1' && !process.env.CI) writeFileSync(cssFile, familyCss());
    const css = readFileSync(cssFile, 'utf8');
    expect(css, 'src/styles/families.css is not what the family table makes: regenerate it with UPDATE_GOLDENS=1').toBe(familyCss());
    for (const family of WIN_FAMILIES) {
      expect(THEME_STYLE[family].background).toBe(FAMILY_COLOUR[family].deep);
      expect(css).toContain(`--${family}: ${FAMILY_COLOUR[family].deep.toLowerCase()};`);
      expect(css).toContain(`--${family}: ${FAMILY_COLOUR[family].bright.toLowerCase()};`);
      expect(css).toContain(`[data-family='${family}'] { --family: var(--${family}); }`);
    }
    // The site's stylesheet takes them from there and sets none of its own.
    const global = readFileSync(join(ROOT, 'src', 'styles', 'global.css'), 'utf8');
    expect(global).toContain("@import './families.css';");
    for (const family of WIN_FAMILIES) expect(global).not.toMatch(new RegExp(`--${family}:\\s*#`));
  });

  it('keeps the family colour readable on the page: on light paper, and in dark mode', () => {
    for (const family of WIN_FAMILIES) {
      expect(contrastRatio(FAMILY_COLOUR[family].deep, '#FBF8F3')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(FAMILY_COLOUR[family].bright, '#14120F')).toBeGreaterThanOrEqual(4.5);
    }
  });
});
