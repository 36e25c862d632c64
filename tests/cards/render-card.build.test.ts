import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardInputForWin, type CardInput } from '../../src/lib/cards/card-input.ts';
import { satoriMeasurer, fitText } from '../../src/lib/cards/fit-text.ts';
import { keepFiguresWithUnits } from '../../src/lib/format/figures-with-units.ts';
import { CARD_FORMATS, CARD_SIZE, type CardFormat } from '../../src/lib/cards/formats.ts';
import { CARD_BYTE_BUDGET, createCardRenderer, encodeCard, type CardRenderer } from '../../src/lib/cards/render-card.ts';
import { cardMargins } from '../../src/lib/cards/template.ts';
import { FIXTURES, ROOT, decode, differingPixels, inkInMargins, loadProfile, loadWins, luminanceVariance, winBySlug, type Pixels } from './helpers.ts';

const profile = loadProfile();
const REPRESENTATIVE = ['2024-12-14-sub-25-5k', '2024-03-10-first-4-km-without-stopping', '2025-01-05-1000-km'];
const SIZE_BUDGET = 150 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const LONG_TITLE =
  'The morning I finally ran the whole way around the reservoir, past the rowing club and the old mill, up the hill I always walked, and back along the river without stopping once';
const GOLDENS = `${FIXTURES}golden/`;

let renderer: CardRenderer;
beforeAll(() => {
  renderer = createCardRenderer({ root: ROOT });
});

function baseInput(headline: string): CardInput {
  return { ...cardInputForWin(winBySlug('2024-06-30-30-day-streak'), profile), headline };
}

describe.each(REPRESENTATIVE)('the card of %s', (slug) => {
  it.each(CARD_FORMATS)('is a %s PNG with content, under the size budget', async (format) => {
    const png = await renderer.render(cardInputForWin(winBySlug(slug), profile), format);
    const pixels = await decode(png);
    expect([pixels.width, pixels.height]).toEqual([CARD_SIZE[format].width, CARD_SIZE[format].height]);
    expect(luminanceVariance(pixels)).toBeGreaterThan(200);
    expect(png.length).toBeLessThan(SIZE_BUDGET);
    expect(inkInMargins(pixels, inset(format))).toBe(0);
  });
});

/** The margins less two pixels, for antialiasing at the content's very edge. */
function inset(format: CardFormat): { top: number; right: number; bottom: number; left: number } {
  const m = cardMargins(format);
  return { top: m.top - 2, right: m.right - 2, bottom: m.bottom - 2, left: m.left - 2 };
}

/** The tallest band of rows, inside the margins, with nothing drawn on them. */
function tallestEmptyBand(pixels: Pixels, top: number, bottom: number): number {
  const { data, width } = pixels;
  const background = [data[0]!, data[1]!, data[2]!];
  let tallest = 0;
  let run = 0;
  for (let y = top; y < pixels.height - bottom; y++) {
    let ink = false;
    for (let x = 0; x < width && !ink; x++) {
      const i = (y * width + x) * 4;
      ink = Math.abs(data[i]! - background[0]!) + Math.abs(data[i + 1]! - background[1]!) + Math.abs(data[i + 2]! - background[2]!) > 24;
    }
    run = ink ? 0 : run + 1;
    tallest = Math.max(tallest, run);
  }
  return tallest;
}

describe('the story format', () => {
  it.each(loadWins().map((win) => win.slug))('%s leaves no large empty band on a phone screen', async (slug) => {
    const png = await renderer.render(cardInputForWin(winBySlug(slug), profile), '1080x1920');
    const m = cardMargins('1080x1920');
    expect(tallestEmptyBand(await decode(png), m.top, m.bottom)).toBeLessThanOrEqual(1920 * 0.1);
  });

  it('leaves no large empty band around a short streak', async () => {
    const win = winBySlug('2024-06-30-30-day-streak');
    const input = cardInputForWin({ ...win, kind: 'weekly-streak', value: 4, unit: 'weeks', title: '4-week streak' }, profile);
    const m = cardMargins('1080x1920');
    expect(tallestEmptyBand(await decode(await renderer.render(input, '1080x1920')), m.top, m.bottom)).toBeLessThanOrEqual(1920 * 0.1);
  });
});

describe('the encoder', () => {
  /** The PNG colour type of the IHDR chunk: 2 is RGB, 3 is a palette. */
  const colourType = (png: Buffer): number => png[25]!;

  it('writes opaque RGB, and a palette only when RGB would be over the budget', async () => {
    expect(CARD_BYTE_BUDGET).toBe(SIZE_BUDGET);
    const card = await renderer.render(cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile), '1200x630');
    expect(card.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true);
    expect(colourType(card)).toBe(2);
    // Noise in every pixel cannot be deflated: as truecolour it would be megabytes.
    const noise =
      '<filter id="noise"><feTurbulence type="fractalNoise" baseFrequency="0.8" numOctaves="2"/></filter>' +
      '<rect width="1080" height="1920" filter="url(#noise)"/>';
    const noisy = await encodeCard(`<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1920">${noise}</svg>`);
    expect(colourType(noisy)).toBe(3);
    const pixels = await decode(noisy);
    expect([pixels.width, pixels.height]).toEqual([1080, 1920]);
  });
});

describe('goldens', () => {
  // A template change shows up here. Regenerate on purpose: UPDATE_GOLDENS=1 npx vitest run tests/cards
  const cases: Array<[string, CardFormat]> = [
    ...REPRESENTATIVE.map((slug): [string, CardFormat] => [slug, '1200x630']),
    ['2024-12-14-sub-25-5k', '1080x1350'],
    ['2024-12-14-sub-25-5k', '1080x1920'],
  ];
  it.each(cases)('%s at %s matches its golden', async (slug, format) => {
    const png = await renderer.render(cardInputForWin(winBySlug(slug), profile), format);
    const file = `${GOLDENS}${slug}-${format}.png`;
    if (process.env.UPDATE_GOLDENS === '1') {
      mkdirSync(GOLDENS, { recursive: true });
      writeFileSync(file, png);
    }
    expect(existsSync(file), `missing golden ${file}: run with UPDATE_GOLDENS=1`).toBe(true);
    const [actual, expected] = await Promise.all([decode(png), decode(readFileSync(file))]);
    const { width, height } = actual;
    const changed = pixelmatch(actual.data, expected.data, undefined, width, height, { threshold: 0.1 });
    // Font rasterising may differ by a few edge pixels between machines; a template change does not.
    expect(changed / (width * height)).toBeLessThan(0.002);
  });
});

describe('a card with a reward earned', () => {
  // Drawn under the context line; a template change shows up here too (UPDATE_GOLDENS=1 to redraw on purpose).
  const slug = '2025-01-05-1000-km';
  const withReward = (reward: string): CardInput => cardInputForWin(winBySlug(slug), profile, { rewards: new Map([[slug, reward]]) });

  it.each(['1200x630', '1080x1920'] as const)('matches its golden at %s', async (format) => {
    const png = await renderer.render(withReward('Reward: New trail shoes'), format);
    const file = `${GOLDENS}${slug}-reward-${format}.png`;
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, png);
    const [actual, expected, without] = await Promise.all([
      decode(png),
      decode(readFileSync(file)),
      decode(await renderer.render(cardInputForWin(winBySlug(slug), profile), format)),
    ]);
    const { width, height } = actual;
    expect(pixelmatch(actual.data, expected.data, undefined, width, height, { threshold: 0.1 }) / (width * height)).toBeLessThan(0.002);
    // The line is really drawn: the same card without it differs.
    expect(differingPixels(actual, without)).toBeGreaterThan(1000);
  });

  it.each(CARD_FORMATS)('keeps a long reward inside the margins at %s', async (format) => {
    const png = await renderer.render(withReward(`Reward: ${LONG_TITLE}`), format);
    expect(inkInMargins(await decode(png), inset(format))).toBe(0);
  });
});

describe('text always fits', () => {
  const titles: Array<[string, string]> = [
    ['a 200-character title', LONG_TITLE],
    ['a one-word title', 'Yes'],
    ['one very long word', 'Donaudampfschifffahrtsgesellschaftskapitänsmütze'],
  ];
  it('has a 200-character title to test', () => {
    expect(LONG_TITLE.length).toBeGreaterThanOrEqual(170);
  });

  describe.each(titles)('%s', (_name, title) => {
    it.each(CARD_FORMATS)('draws nothing in the margins at %s, under the size budget', async (format) => {
      const input = { ...cardInputForWin(winBySlug('2024-12-14-sub-25-5k'), profile), headline: title };
      const png = await renderer.render(input, format);
      expect(inkInMargins(await decode(png), inset(format))).toBe(0);
      expect(png.length).toBeLessThan(SIZE_BUDGET);
    });
  });

  it('shrinks a long title until its real layout fits the box, without reaching the floor', async () => {
    const measure = satoriMeasurer(renderer.fonts.fonts);
    const look = { family: renderer.fonts.family, weight: 800, lineHeight: 1.12 };
    const box = { width: 1056, height: 152, maxSize: 68, minSize: 24 };
    const fitted = await fitText(LONG_TITLE, look, box, measure);
    expect(fitted.fontSize).toBeLessThan(box.maxSize);
    expect(fitted.fontSize).toBeGreaterThan(box.minSize);
    expect(await measure.wrappedHeight(LONG_TITLE, look, fitted.fontSize, box.width)).toBeLessThanOrEqual(box.height);
    const short = await fitText('Yes', look, box, measure);
    expect(short.fontSize).toBe(box.maxSize);
  });

  it('never breaks inside words held together: the size shrinks until the widest unbreakable run fits a line', async () => {
    const measure = satoriMeasurer(renderer.fonts.fonts);
    const look = { family: renderer.fonts.family, weight: 800, lineHeight: 1.12, letterSpacing: -0.02 };
    // Title boxes as wide as the formats give (and narrower, beside a route); the last two words
    // are held together so no word stands alone.
    const title = '75% of the marathon\u00A0distance';
    for (let width = 560; width <= 1000; width += 40) {
      const box = { width, height: 400, maxSize: 104, minSize: 32 };
      const fitted = await fitText(title, look, box, measure);
      expect(await measure.naturalWidth('marathon\u00A0distance', look, fitted.fontSize), `at ${width} px`).toBeLessThanOrEqual(width);
    }
  });

  it('holds a number to its unit so a title never wraps between them', () => {
    expect(keepFiguresWithUnits('First 3 km · First 4 km without stopping')).toBe('First 3\u00A0km · First 4\u00A0km without stopping');
    expect(keepFiguresWithUnits('Back after 24 days, 1,000 km lifetime, 52 weeks')).toBe('Back after 24\u00A0days, 1,000\u00A0km lifetime, 52\u00A0weeks');
    // Not a unit: a word that only starts like one, or a number before an ordinary word.
    expect(keepFiguresWithUnits('Ran 3 mountains in 2 hours')).toBe('Ran 3 mountains in 2 hours');
  });
});

describe('scripts, emoji and markup', () => {
  async function pixelsOf(headline: string) {
    return decode(await renderer.render(baseInput(headline), '1200x630'));
  }
  /** Private-use code points: no font has them, so they draw as missing-glyph boxes. */
  const tofu = (length: number): string => String.fromCodePoint(...Array.from({ length }, (_, i) => 0xe000 + i));

  const scripts: Array<[string, string, string]> = [
    ['Greek', 'Αθήνα Ρόδος', 'Βόλος Χανιά'],
    ['Cyrillic', 'Москва Київ', 'Софія Минск'],
    ['accented Latin', 'Ærøskøbing Łódź', 'Göteborg Ñuñoa'],
    // Inter has none of these: the card loads the Noto subset its text needs.
    ['Arabic', 'سباق القاهرة', 'نصف ماراثون'],
    ['Hebrew', 'מרתון תל אביב', 'ריצת בוקר ים'],
    ['Japanese', '東京マラソン完走', 'はじめての十キロ'],
  ];
  it.each(scripts)('draws %s letters, not boxes', async (_script, one, other) => {
    const [a, b, boxes] = await Promise.all([pixelsOf(one), pixelsOf(other), pixelsOf(tofu([...one].length))]);
    // Two different words of one length differ; missing glyphs would draw identical boxes.
    expect(differingPixels(a, b)).toBeGreaterThan(500);
    expect(differingPixels(a, boxes)).toBeGreaterThan(500);
  });

  it('draws a combining accent as its composed letter, and a joiner or soft hyphen as no gap', async () => {
    const same = async (written: string, drawn: string) => {
      const [a, b] = await Promise.all([renderer.render(baseInput(written), '1200x630'), renderer.render(baseInput(drawn), '1200x630')]);
      expect(a.equals(b), `${JSON.stringify(written)} draws as ${JSON.stringify(drawn)}`).toBe(true);
    };
    await same('Cafe\u0301 run', 'Café run');
    await same('Mum 👩‍👧 and me', 'Mum 👩 and me');
    await same('Run🏃‍♀️fast', 'Run🏃fast');
    await same('Mara\u00ADthon day\u200E', 'Marathon day');
  });

  it('draws emoji from the bundled font', async () => {
    const [party, boxes, none] = await Promise.all([pixelsOf('Done 🎉'), pixelsOf(`Done ${tofu(1)}`), pixelsOf('Done')]);
    expect(differingPixels(party, boxes)).toBeGreaterThan(100);
    expect(differingPixels(party, none)).toBeGreaterThan(100);
  });

  it('drops emoji it cannot draw without leaving a trace', async () => {
    const [keycap, none] = await Promise.all([
      renderer.render(baseInput('Done 1️⃣'), '1200x630'),
      renderer.render(baseInput('Done'), '1200x630'),
    ]);
    expect(keycap.equals(none)).toBe(true);
  });

  it('draws journal text as text, never as markup', async () => {
    const svg = await renderer.svg(baseInput('<b>bold</b> & <img src=x onerror=alert(1)>'), '1200x630');
    expect(svg).not.toMatch(/<b>|<img|onerror/);
    const [marked, plain] = await Promise.all([pixelsOf('<b>bold</b>'), pixelsOf('bold')]);
    expect(differingPixels(marked, plain)).toBeGreaterThan(500);
  });
});

describe('profile fonts', () => {
  it('refuses WOFF2 files', () => {
    expect(() => createCardRenderer({ root: ROOT, extra: ['fonts/NotoSansJP.woff2'] })).toThrow(/\.ttf, \.otf or \.woff/);
  });

  // CJK only renders with a font the profile names; use one the system has, if any.
  const cjkFont = (() => {
    try {
      const files = execFileSync('fc-list', [':lang=ja', 'file'], { encoding: 'utf8' }).split('\n');
      return files.map((line) => line.replace(/:\s*$/, '').trim()).find((file) => /\.(ttf|otf)$/i.test(file)) ?? null;
    } catch {
      return null;
    }
  })();

  it.skipIf(!cjkFont)('draws CJK from a font the profile names', async () => {
    const withCjk = createCardRenderer({ root: ROOT, extra: [cjkFont!] });
    const render = async (r: CardRenderer, headline: string) => decode(await r.render(baseInput(headline), '1200x630'));
    const [a, b] = await Promise.all([render(withCjk, '東京マラソン'), render(withCjk, '大阪城公園走')]);
    expect(differingPixels(a, b)).toBeGreaterThan(500);
    // Without the font the same text cannot be drawn as letters.
    const [plainA, plainB] = await Promise.all([render(renderer, '東京マラソン'), render(renderer, '大阪城公園走')]);
    expect(differingPixels(plainA, plainB)).toBeLessThan(differingPixels(a, b));
  });
});
