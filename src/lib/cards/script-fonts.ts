// Noto fonts for the scripts Inter lacks (Arabic, Hebrew, Japanese), from installed npm font
// packages. A card loads only the subsets its own text needs, so a card in Latin letters costs
// nothing more, and a Japanese title reads a few of the font's many small subset files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CardFont } from './fonts.ts';

/** Each package's files are `<prefix>-<subset>-<weight>-normal.woff`. */
export const SCRIPT_PACKAGES = [
  { name: '@fontsource/noto-sans-arabic', prefix: 'noto-sans-arabic' },
  { name: '@fontsource/noto-sans-hebrew', prefix: 'noto-sans-hebrew' },
  { name: '@fontsource/noto-sans-jp', prefix: 'noto-sans-jp' },
] as const;

/** The card's weights (as Inter's in fonts.ts). */
const WEIGHTS = [500, 700, 800] as const;

type Ranges = Array<[number, number]>;

interface Subset {
  /** The family satori knows it by, and the file stem. */
  family: string;
  file: string;
  ranges: Ranges;
}

/** A fontsource package's `unicode.json`: subset name to `U+0600-06FF,U+200C,...`. */
function readRanges(dir: string): Map<string, Ranges> {
  const table = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const subsets = new Map<string, Ranges>();
  for (const [name, list] of Object.entries(table)) {
    const ranges: Ranges = [];
    for (const part of list.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(from ?? '', 16);
      if (!Number.isNaN(start)) ranges.push([start, to ? Number.parseInt(to, 16) : start]);
    }
    subsets.set(name.replace(/^\[(\d+)\]$/, '$1'), ranges);
  }
  return subsets;
}

function inRanges(ranges: Ranges, code: number): boolean {
  return ranges.some(([start, end]) => code >= start && code <= end);
}

function packageDir(root: string, name: string): string {
  return dirname(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`));
}

export interface ScriptFonts {
  /** The families (in fallback order) and fonts the text needs beyond the card's own fonts; empty for most text. */
  fontsFor(text: string): { families: string[]; fonts: CardFont[] };
}

/**
 * `covered` says which code points the card's own fonts (Inter's subsets, the emoji font) draw;
 * the first script subset that has any other letter of the text is loaded, once per renderer.
 */
export function loadScriptFonts(root: string, covered: (code: number) => boolean): ScriptFonts {
  const subsets: Subset[] = [];
  for (const pkg of SCRIPT_PACKAGES) {
    const dir = packageDir(root, pkg.name);
    for (const [name, ranges] of readRanges(dir)) {
      // Latin, Greek and Cyrillic are Inter's: the Noto copies would only change its look.
      if (/^(latin|greek|cyrillic|vietnamese)/u.test(name)) continue;
      subsets.push({ family: `${pkg.prefix} ${name}`, file: join(dir, 'files', `${pkg.prefix}-${name}`), ranges });
    }
  }
  const loaded = new Map<string, CardFont[]>();
  const fontsOf = (subset: Subset): CardFont[] => {
    let fonts = loaded.get(subset.family);
    if (fonts === undefined) {
      fonts = WEIGHTS.map((weight) => ({ name: subset.family, data: readFileSync(`${subset.file}-${weight}-normal.woff`), weight, style: 'normal' as const }));
      loaded.set(subset.family, fonts);
    }
    return fonts;
  };
  return {
    fontsFor(text) {
      const needed = new Set<Subset>();
      for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        if (code < 0x80 || covered(code) || /\s/u.test(char)) continue;
        const subset = subsets.find((candidate) => inRanges(candidate.ranges, code));
        if (subset) needed.add(subset);
      }
      // In the packages' order, so a card's font list depends only on its text.
      const chosen = subsets.filter((subset) => needed.has(subset));
      return { families: chosen.map((subset) => subset.family), fonts: chosen.flatMap(fontsOf) };
    },
  };
}

/** The code points a set of fontsource packages' subsets cover (`unicode.json`). */
export function fontsourceCoverage(root: string, packages: ReadonlyArray<{ name: string; subsets: readonly string[] }>): (code: number) => boolean {
  const ranges: Ranges = [];
  for (const pkg of packages) {
    const table = readRanges(packageDir(root, pkg.name));
    for (const subset of pkg.subsets) ranges.push(...(table.get(subset) ?? []));
  }
  return (code) => inRanges(ranges, code);
}
