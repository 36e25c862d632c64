// One card: input → satori SVG → sharp PNG. A renderer holds the parsed fonts, so a worker loads
// them once and then draws cards in a few milliseconds each.
import satori from 'satori';
import sharp from 'sharp';
import type { CardInput } from './card-input.ts';
import { loadEmojiCoverage, tidyCardText, type CodePointTest } from './emoji.ts';
import { keepFiguresWithUnits } from '../format/figures-with-units.ts';
import { satoriMeasurer, type TextMeasurer } from './fit-text.ts';
import { familyList, INTER_SUBSETS, loadCardFonts, type CardFont, type CardFonts, type LoadFontsOptions } from './fonts.ts';
import { fontsourceCoverage, loadScriptFonts } from './script-fonts.ts';
import { CARD_SIZE, type CardFormat } from './formats.ts';
import { cardTree } from './template.ts';

/**
 * How cards are encoded, measured on the sample cards (docs/share-cards.md). Truecolour RGB at
 * zlib level 6 is the fast path: quantising to a palette costs 3–4× the whole encode. A card
 * that comes out over the byte budget (a very long title on a story card, dense CJK text) is
 * encoded again with a 64-colour palette, which keeps these flat-colour cards visually the same
 * at about a third of the bytes.
 */
export const PNG_OPTIONS = { compressionLevel: 6, palette: false } as const;
export const PNG_FALLBACK_OPTIONS = { compressionLevel: 6, palette: true, colours: 64, effort: 1, dither: 0 } as const;
/** Cards above this many bytes take the palette path. Social sites accept far more; pages load them. */
export const CARD_BYTE_BUDGET = 150 * 1024;
const FALLBACK_ABOVE = Math.round(CARD_BYTE_BUDGET * 0.9);

/** SVG → PNG. Cards are opaque, so they are encoded as RGB: a quarter less to deflate than RGBA. */
export async function encodeCard(svg: string): Promise<Buffer> {
  const source = Buffer.from(svg);
  // Straight through is faster than keeping the raw pixels for the rare second encode.
  const png = await sharp(source).removeAlpha().png(PNG_OPTIONS).toBuffer();
  if (png.length <= FALLBACK_ABOVE) return png;
  return sharp(source).removeAlpha().png(PNG_FALLBACK_OPTIONS).toBuffer();
}

export interface CardRenderer {
  render(input: CardInput, format: CardFormat): Promise<Buffer>;
  /** The SVG alone (for timing and debugging). */
  svg(input: CardInput, format: CardFormat): Promise<string>;
  fonts: CardFonts;
}

function tidyInput(input: CardInput, covered: CodePointTest): CardInput {
  const tidy = (value: string): string => tidyCardText(value, covered);
  const maybe = (value: string | null): string | null => (value === null ? null : tidy(value) || null);
  return {
    ...input,
    kicker: tidy(input.kicker),
    headline: keepFiguresWithUnits(tidy(input.headline)),
    figure: maybe(input.figure),
    date: maybe(input.date),
    detail: maybe(input.detail),
    ...(input.reward === undefined ? {} : { reward: tidy(input.reward) }),
    spark: input.spark ? { ...input.spark, label: tidy(input.spark.label) } : null,
    name: tidy(input.name),
    site: maybe(input.site),
  };
}

/** Every word a card draws, to find the scripts it needs. */
function cardText(input: CardInput): string {
  return [input.kicker, input.headline, input.figure, input.date, input.detail, input.reward, input.spark?.label, input.name, input.site].join(' ');
}

interface FontSet {
  fonts: CardFont[];
  family: string;
  measure: TextMeasurer;
}

export function createCardRenderer(options: LoadFontsOptions = {}): CardRenderer {
  const root = options.root ?? process.cwd();
  const fonts = loadCardFonts(options);
  const covered = loadEmojiCoverage(root);
  const inter = fontsourceCoverage(root, [{ name: '@fontsource/inter', subsets: INTER_SUBSETS }]);
  const scripts = loadScriptFonts(root, (code) => inter(code) || covered(code));
  const base: FontSet = { fonts: fonts.fonts, family: fonts.family, measure: satoriMeasurer(fonts.fonts) };
  // One set per combination of scripts: satori parses a font list once and caches it by the array.
  const sets = new Map<string, FontSet>();
  function fontSet(text: string): FontSet {
    const extra = scripts.fontsFor(text);
    if (extra.families.length === 0) return base;
    const key = extra.families.join('\n');
    let set = sets.get(key);
    if (set === undefined) {
      const list = [...base.fonts, ...extra.fonts];
      // Before the emoji font, which has a few letters of its own.
      const families = [...fonts.families.slice(0, -1), ...extra.families, ...fonts.families.slice(-1)];
      set = { fonts: list, family: familyList(families), measure: satoriMeasurer(list) };
      sets.set(key, set);
    }
    return set;
  }
  async function svg(input: CardInput, format: CardFormat): Promise<string> {
    const tidy = tidyInput(input, covered);
    const set = fontSet(cardText(tidy));
    const tree = await cardTree(tidy, format, set.family, set.measure);
    return satori(tree as never, { ...CARD_SIZE[format], fonts: set.fonts });
  }
  return {
    fonts,
    svg,
    async render(input, format) {
      return encodeCard(await svg(input, format));
    },
  };
}
