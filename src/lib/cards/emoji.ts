// Emoji in journal text: drawn from the bundled monochrome Noto Emoji where the font has the
// glyph, otherwise dropped — never a tofu box. The monochrome font has no ZWJ or skin-tone
// ligatures, so a sequence is drawn as its first pictograph.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type CodePointTest = (codePoint: number) => boolean;

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const REGIONAL = /\p{Regional_Indicator}/u;
const KEYCAP = '\u20e3';
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The code points the bundled emoji font covers, from the package's own subset table. */
export function loadEmojiCoverage(root: string = process.cwd()): CodePointTest {
  const require = createRequire(join(root, 'package.json'));
  const table = JSON.parse(
    readFileSync(join(dirname(require.resolve('@fontsource/noto-emoji/package.json')), 'unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const ranges: Array<[number, number]> = [];
  for (const list of Object.values(table)) {
    for (const part of list.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from ?? '', 16);
      if (Number.isNaN(start)) continue;
      ranges.push([start, to ? Number.parseInt(to, 16) : start]);
    }
  }
  return (codePoint) => ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

function isEmojiGrapheme(grapheme: string): boolean {
  return PICTOGRAPH.test(grapheme) || REGIONAL.test(grapheme) || grapheme.includes(KEYCAP);
}

/** One grapheme as the card can draw it: itself, its first pictograph, or nothing. */
function drawableEmoji(grapheme: string, covered: CodePointTest): string {
  // Keycaps (1️⃣) have no monochrome glyph: drop them rather than draw a bare digit.
  if (grapheme.includes(KEYCAP)) return '';
  const points = [...grapheme].map((char) => char.codePointAt(0) ?? 0);
  if (REGIONAL.test(grapheme)) return points.every(covered) ? grapheme : '';
  const first = [...grapheme].find((char) => PICTOGRAPH.test(char));
  if (!first) return '';
  const code = first.codePointAt(0) ?? 0;
  // Plain-text forms like © or ™ also count as pictographs; Inter draws those itself.
  if (code < 0x2000) return first;
  return covered(code) ? first : '';
}

/**
 * Journal text made safe to draw: composed (NFC), emoji reduced to what the font has, control
 * characters made spaces and format characters removed, runs of whitespace collapsed. Satori draws strings as text, so nothing here is markup.
 */
export function tidyCardText(text: string, covered: CodePointTest): string {
  let out = '';
  // Composed: "e" and a combining acute become "é", which Inter draws.
  for (const { segment } of segmenter.segment(text.normalize('NFC'))) {
    out += isEmojiGrapheme(segment) ? drawableEmoji(segment, covered) : segment;
  }
  return out
    .replace(/\p{Cc}/gu, ' ')
    // Format characters (a joiner left after an emoji, a soft hyphen, a direction mark) draw
    // nothing: as spaces they would open a gap inside a word.
    .replace(/\p{Cf}/gu, '')
    // A no-break space is kept: it holds a title's last two words together.
    .replace(/[^\S\u00A0]+/gu, ' ')
    .trim();
}
