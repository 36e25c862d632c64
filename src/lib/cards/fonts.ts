// Fonts for the cards, read from installed npm font packages (and the profile's own files):
// nothing is fetched over the network. Satori reads TTF/OTF/WOFF; WOFF2 is refused so a build
// never depends on a decoder.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 500 | 700 | 800;
  style: 'normal';
}

export interface CardFonts {
  fonts: CardFont[];
  /** The CSS `font-family` list, in fallback order. */
  family: string;
  /** Hash of every font byte: part of each card's cache key. */
  hash: string;
}

/** Inter's subsets in fallback order. Each gets its own family name: satori falls back between
 * families, not between files of one family. */
const INTER_SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
const INTER_WEIGHTS = [500, 700, 800] as const;
const EMOJI_FAMILY = 'Noto Emoji';
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

function packageDir(root: string, name: string): string {
  const require = createRequire(join(root, 'package.json'));
  return dirname(require.resolve(`${name}/package.json`));
}

export interface LoadFontsOptions {
  /** Project root, where node_modules is found. Defaults to the working directory. */
  root?: string;
  /** Extra font files (absolute paths), e.g. a CJK font the profile names; tried after Inter. */
  extra?: readonly string[];
}

export function loadCardFonts(options: LoadFontsOptions = {}): CardFonts {
  const root = options.root ?? process.cwd();
  const inter = join(packageDir(root, '@fontsource/inter'), 'files');
  const fonts: CardFont[] = [];
  const families: string[] = [];
  for (const subset of INTER_SUBSETS) {
    const name = `Inter ${subset}`;
    families.push(name);
    for (const weight of INTER_WEIGHTS) {
      fonts.push({ name, data: readFileSync(join(inter, `inter-${subset}-${weight}-normal.woff`)), weight, style: 'normal' });
    }
  }
  (options.extra ?? []).forEach((path, index) => {
    const wrongName = cardFontNameProblem(path);
    if (wrongName !== null) throw new Error(`${path}: expected ${wrongName}`);
    const data = readFileSync(path);
    const wrong = cardFontProblem(path, data);
    if (wrong !== null) throw new Error(`${path}: expected ${wrong}`);
    const name = `Extra ${index + 1}`;
    families.push(name);
    // One file serves every weight: most CJK fonts ship one weight per file.
    for (const weight of INTER_WEIGHTS) fonts.push({ name, data, weight, style: 'normal' });
  });
  const emoji = join(packageDir(root, '@fontsource/noto-emoji'), 'files', 'noto-emoji-emoji-400-normal.woff');
  families.push(EMOJI_FAMILY);
  fonts.push({ name: EMOJI_FAMILY, data: readFileSync(emoji), weight: 500, style: 'normal' });

  const hash = createHash('sha256');
  for (const font of fonts) hash.update(`${font.name}:${font.weight}:`).update(font.data);
  return { fonts, family: families.map((name) => `"${name}"`).join(', '), hash: hash.digest('hex') };
}
