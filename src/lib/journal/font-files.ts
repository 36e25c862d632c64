// Which files can be a share card's extra font: the rule `check` applies to the profile's `fonts:`
// and the card renderer relies on, kept where the journal is read.
import { extname, isAbsolute, resolve } from 'node:path';

/** The profile's extra font files, which are written relative to the journal folder. */
export function profileFontPaths(fonts: readonly string[], dataDir: string): string[] {
  return fonts.map((font) => (isAbsolute(font) ? font : resolve(dataDir, font)));
}

const ALLOWED = new Set(['.ttf', '.otf', '.woff']);

/** How a font file the renderer reads begins: TrueType (`00 01 00 00` or `true`), OpenType (`OTTO`), WOFF (`wOFF`). */
const SFNT_SIGNATURES = new Set([0x00010000, 0x74727565, 0x4f54544f]);
const WOFF_SIGNATURE = 0x774f4646;

/** What is wrong with a file's name as a card font's (judged before reading it), or null. */
export function cardFontNameProblem(path: string): string | null {
  const ext = extname(path).toLowerCase();
  return ALLOWED.has(ext) ? null : `a .ttf, .otf or .woff font file (got ${ext || 'no extension'})`;
}

/**
 * True when every table the font's directory lists lies inside the file: the renderer reads them
 * all, so a truncated or mislabelled file would fail it. SFNT records are 16 bytes from offset 12
 * (offset, length at 8 and 12); WOFF records are 20 bytes from offset 44 (offset, compressed length
 * at 4 and 8), and the WOFF header states the file's length.
 */
function tablesFit(data: Uint8Array): boolean {
  if (data.length < 12) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const woff = view.getUint32(0) === WOFF_SIGNATURE;
  if (woff && (data.length < 44 || view.getUint32(8) !== data.length)) return false;
  const tables = view.getUint16(woff ? 12 : 4);
  const [first, size, at, length] = woff ? [44, 20, 4, 8] : [12, 16, 8, 12];
  if (tables === 0 || first + tables * size > data.length) return false;
  for (let i = 0; i < tables; i++) {
    const record = first + i * size;
    if (view.getUint32(record + at) + view.getUint32(record + length) > data.length) return false;
  }
  return true;
}

/** What is wrong with a file as a card font, as the `expected ...` clause; null when it is one. */
export function cardFontProblem(path: string, data: Uint8Array): string | null {
  const wrongName = cardFontNameProblem(path);
  if (wrongName !== null) return wrongName;
  const signature = data.length < 4 ? -1 : new DataView(data.buffer, data.byteOffset, 4).getUint32(0);
  if (!SFNT_SIGNATURES.has(signature) && signature !== WOFF_SIGNATURE) {
    return `a font file (this ${extname(path).toLowerCase()} file does not hold a TrueType, OpenType or WOFF font)`;
  }
  if (!tablesFit(data)) return 'a whole font file (this one is cut short or damaged)';
  return null;
}

