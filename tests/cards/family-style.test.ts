import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { THEME_STYLE, contrastRatio, iconSvg, type CardTheme } from '../../src/lib/cards/family-style.ts';

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
