// The feed is written with the pages, before the share cards are placed; once they are, each
// enclosure's length becomes the byte size of its card file, as RSS 2.0 asks.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The output-relative path of a card at the end of its URL, whatever site and base precede it. */
const CARD_PATH = /(?:wins|goals)\/[^/"]+\/card-[0-9]+x[0-9]+\.png$/;

/** Sets `length` on every enclosure whose card `sizeOf` knows; others stay as they are. */
export function setEnclosureLengths(xml: string, sizeOf: (cardPath: string) => number | null): string {
  return xml.replace(/<enclosure\b[^>]*>/g, (tag) => {
    const url = /\burl="([^"]*)"/.exec(tag)?.[1] ?? '';
    const path = CARD_PATH.exec(url)?.[0];
    const size = path ? sizeOf(path) : null;
    return size === null ? tag : tag.replace(/\blength="[^"]*"/, `length="${size}"`);
  });
}

/** Rewrites `feedFile` in `outDir` (if the build wrote one) with its cards' true lengths. */
export async function writeEnclosureLengths(outDir: string, feedFile = 'rss.xml'): Promise<void> {
  const feed = join(outDir, feedFile);
  const xml = await readFile(feed, 'utf8').catch(() => null);
  if (xml === null) return;
  const sizes = new Map<string, number | null>();
  for (const match of xml.matchAll(/<enclosure\b[^>]*\burl="([^"]*)"/g)) {
    const path = CARD_PATH.exec(match[1] ?? '')?.[0];
    if (path && !sizes.has(path)) sizes.set(path, (await stat(join(outDir, path)).catch(() => null))?.size ?? null);
  }
  const updated = setEnclosureLengths(xml, (path) => sizes.get(path) ?? null);
  if (updated !== xml) await writeFile(feed, updated);
}
