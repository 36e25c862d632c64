// One card: input → satori SVG → sharp PNG. A renderer holds the parsed fonts, so a worker loads
// them once and then draws cards in a few milliseconds each.
import satori from 'satori';
import sharp from 'sharp';
import type { CardInput } from './card-input.ts';
import { loadEmojiCoverage, tidyCardText, type CodePointTest } from './emoji.ts';
import { satoriMeasurer, type TextMeasurer } from './fit-text.ts';
import { loadCardFonts, type CardFonts, type LoadFontsOptions } from './fonts.ts';
import { CARD_SIZE, type CardFormat } from './formats.ts';
import { cardTree } from './template.ts';

/**
 * Measured on the sample cards (docs/share-cards.md): a 64-colour palette keeps the flat colours
 * and the text edges clean at about half the bytes of truecolour; effort 1 quantises 2–3× faster
 * than the default with no visible change, and compression 6 costs little over 9 in bytes.
 */
export const PNG_OPTIONS = { compressionLevel: 6, palette: true, colours: 64, effort: 1, dither: 0 } as const;

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
    headline: tidy(input.headline),
    figure: maybe(input.figure),
    date: maybe(input.date),
    detail: maybe(input.detail),
    spark: input.spark ? { ...input.spark, label: tidy(input.spark.label) } : null,
    name: tidy(input.name),
    site: maybe(input.site),
  };
}

export function createCardRenderer(options: LoadFontsOptions = {}): CardRenderer {
  const fonts = loadCardFonts(options);
  const covered = loadEmojiCoverage(options.root);
  const measure: TextMeasurer = satoriMeasurer(fonts.fonts);
  async function svg(input: CardInput, format: CardFormat): Promise<string> {
    const tree = await cardTree(tidyInput(input, covered), format, fonts.family, measure);
    return satori(tree as never, { ...CARD_SIZE[format], fonts: fonts.fonts });
  }
  return {
    fonts,
    svg,
    async render(input, format) {
      return sharp(Buffer.from(await svg(input, format))).png(PNG_OPTIONS).toBuffer();
    },
  };
}
