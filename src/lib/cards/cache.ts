// A card is rendered once: its file is named by a hash of everything that changes its pixels.
// Change a win, the template, a font, the encoder or a library version, and the hash changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { stableJson } from '../stable-json.ts';
import type { CardInput } from './card-input.ts';
import type { CardFormat } from './formats.ts';
import { CARD_BYTE_BUDGET, PNG_FALLBACK_OPTIONS, PNG_OPTIONS } from './render-card.ts';
import { SCRIPT_PACKAGES } from './script-fonts.ts';
import { TEMPLATE_VERSION } from './template.ts';

/** `SMALL_WINS_CACHE`, else `.cache/small-wins/` under the project (git-ignored). */
export function defaultCacheDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return env.SMALL_WINS_CACHE || join(root, '.cache', 'small-wins');
}

let libraryVersions: string | null = null;

/** satori's and sharp's versions (sharp's includes libvips, librsvg, libpng...), and the script fonts' (read only by cards that need them). */
export function rendererVersions(root: string = process.cwd()): string {
  if (libraryVersions === null) {
    const require = createRequire(join(root, 'package.json'));
    const satori = JSON.parse(readFileSync(require.resolve('satori/package.json'), 'utf8')) as { version: string };
    const fonts = Object.fromEntries(
      SCRIPT_PACKAGES.map(({ name }) => [name, (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version]),
    );
    libraryVersions = stableJson({ satori: satori.version, sharp: sharp.versions, fonts });
  }
  return libraryVersions;
}

const INPUT_MARK = '\u0000input\u0000';

/**
 * The cache key of each card of a build. What is the same for every card (template, encoder
 * settings, fonts, library versions) is serialised once per format, not once per card; the text
 * hashed is exactly that of the whole object serialised at once (the input stands where the mark
 * stood), so the keys are those `cardCacheKey` gives.
 */
export function cardKeys(fontsHash: string, versions: string): (input: CardInput, format: CardFormat) => string {
  const frames = new Map<CardFormat, readonly [string, string]>();
  return (input, format) => {
    let frame = frames.get(format);
    if (frame === undefined) {
      const whole = stableJson({ template: TEMPLATE_VERSION, png: [PNG_OPTIONS, PNG_FALLBACK_OPTIONS, CARD_BYTE_BUDGET], format, fonts: fontsHash, versions, input: INPUT_MARK });
      const mark = JSON.stringify(INPUT_MARK);
      const at = whole.indexOf(mark);
      frame = [whole.slice(0, at), whole.slice(at + mark.length)];
      frames.set(format, frame);
    }
    return createHash('sha256').update(frame[0]).update(stableJson(input)).update(frame[1]).digest('hex');
  };
}

export function cardCacheKey(input: CardInput, format: CardFormat, fontsHash: string, versions: string): string {
  return cardKeys(fontsHash, versions)(input, format);
}

export function cachedCardPath(cacheDir: string, key: string): string {
  return join(cacheDir, 'cards', key.slice(0, 2), `${key}.png`);
}
