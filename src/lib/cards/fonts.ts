// Fonts for the cards, read from installed npm font packages (and the profile's own files):
// nothing is fetched over the network. Satori reads TTF/OTF/WOFF; WOFF2 is refused so a build
// never depends on a decoder.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cardFontNameProblem, cardFontProblem } from '../journal/font-files.ts';

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
  /** The same families as a list, the emoji font last. */
  families: string[];
  /** Hash of every font byte: part of each card's cache key. */
  hash: string;
}

/** Inter's subsets in fallback order. Each gets its own family name: satori falls back between
 * families, not between files of one family. */
export const INTER_SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
const INTER_WEIGHTS = [500, 700, 800] as const;
const EMOJI_FAMILY = 'Noto Emoji';
function packageDir(root: string, name: string): string {
  const require = createRequire(join(root, 'package.json'));
  return dirname(require.resolve(`${name}/package.json`));
}

/** Families as CSS writes them: `"Inter latin", "Noto Emoji"`. */
export function familyList(families: readonly string[]): string {
  return families.map((name) => `"${name}"`).join(', ');
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
  return { fonts, family: familyList(families), families, hash: hash.digest('hex') };
}
