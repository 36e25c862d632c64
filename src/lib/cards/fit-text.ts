// Long titles wrap and shrink, short ones grow: text is measured with the same layout engine that
// draws it (satori, with the card's fonts), so nothing clips or spills into the margins.
import satori, { type SatoriOptions } from 'satori';
import type { CardFont } from './fonts.ts';

export interface TextLook {
  family: string;
  weight: number;
  /** Multiple of the font size. */
  lineHeight: number;
  /** Em. */
  letterSpacing?: number;
}

export interface FitBox {
  width: number;
  height: number;
  maxSize: number;
  minSize: number;
}

export interface FittedText {
  fontSize: number;
  /** Whole lines that fit the box at that size: the template clamps to it as a last resort. */
  maxLines: number;
}

export interface TextMeasurer {
  /** Width of the text on one line. */
  naturalWidth(text: string, look: TextLook, fontSize: number): Promise<number>;
  /** Height of the text wrapped to `width`. */
  wrappedHeight(text: string, look: TextLook, fontSize: number, width: number): Promise<number>;
}

function textNode(text: string, look: TextLook, fontSize: number, wrap: boolean): Record<string, unknown> {
  return {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        fontFamily: look.family,
        fontWeight: look.weight,
        fontSize,
        lineHeight: look.lineHeight,
        letterSpacing: look.letterSpacing ? `${look.letterSpacing}em` : undefined,
        whiteSpace: wrap ? 'normal' : 'nowrap',
        wordBreak: 'break-word',
      },
      children: text,
    },
  };
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!match) throw new Error('satori returned an SVG without a size');
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** A measurer over satori itself. `fonts` must be the very array used to draw (satori caches by it). */
export function satoriMeasurer(fonts: CardFont[]): TextMeasurer {
  const widths = new Map<string, number>();
  return {
    async naturalWidth(text, look, fontSize) {
      const key = `${look.family}|${look.weight}|${look.letterSpacing ?? 0}|${fontSize}|${text}`;
      const known = widths.get(key);
      if (known !== undefined) return known;
      // Given neither width nor height, satori sizes the root to its content (types insist on one).
      const intrinsic = { fonts, embedFont: false } as unknown as SatoriOptions;
      const svg = await satori(textNode(text, look, fontSize, false) as never, intrinsic);
      const { width } = svgSize(svg);
      if (widths.size > 2000) widths.clear();
      widths.set(key, width);
      return width;
    },
    async wrappedHeight(text, look, fontSize, width) {
      const svg = await satori(textNode(text, look, fontSize, true) as never, { width, fonts, embedFont: false });
      return svgSize(svg).height;
    },
  };
}

/** Where a title may wrap: any space but a no-break space, which holds two words together. */
const BREAKABLE_SPACE = /[^\S\u00A0]+/u;

/** The widest run of text that may not wrap: a word, or words held together by no-break spaces. */
function longestWord(text: string): string {
  return text.split(BREAKABLE_SPACE).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/** Lines of `text` at one size, guessed from its one-line width; wrapping wastes a little. */
function guessLines(oneLineWidth: number, boxWidth: number): number {
  return Math.max(1, Math.ceil((oneLineWidth * 1.06) / boxWidth));
}

const REFERENCE_SIZE = 100;

/**
 * The largest font size (from `maxSize` down to `minSize`) at which `text` fits the box.
 * Guesses from one measured line, then checks the guess by laying the text out for real.
 */
export async function fitText(text: string, look: TextLook, box: FitBox, measure: TextMeasurer): Promise<FittedText> {
  const lineHeightAt = (size: number): number => size * look.lineHeight;
  const linesAt = (size: number): number => Math.max(1, Math.floor(box.height / lineHeightAt(size) + 1e-6));
  if (text.length === 0) return { fontSize: box.maxSize, maxLines: linesAt(box.maxSize) };

  const perPx = (await measure.naturalWidth(text, look, REFERENCE_SIZE)) / REFERENCE_SIZE;
  // On one line at the largest size: exact, since glyph advances scale with the size.
  if (perPx * box.maxSize <= box.width - 1 && lineHeightAt(box.maxSize) <= box.height) {
    return { fontSize: box.maxSize, maxLines: linesAt(box.maxSize) };
  }
  const wordPerPx = (await measure.naturalWidth(longestWord(text), look, REFERENCE_SIZE)) / REFERENCE_SIZE;
  let size = box.maxSize;
  while (size > box.minSize) {
    const oneLine = perPx * size <= box.width - 1;
    const wordFits = wordPerPx * size <= box.width - 1;
    const linesFit = (oneLine ? 1 : guessLines(perPx * size, box.width)) * lineHeightAt(size) <= box.height;
    if (wordFits && linesFit) {
      if (oneLine) return { fontSize: size, maxLines: linesAt(size) };
      break;
    }
    size -= 1;
  }
  // Check the guess with a real layout; shrink until it holds (or the floor is reached).
  while (size > box.minSize && (await measure.wrappedHeight(text, look, size, box.width)) > box.height + 0.5) {
    size = Math.max(box.minSize, Math.floor(size * 0.94));
  }
  return { fontSize: size, maxLines: linesAt(size) };
}
