// Shared by the card tests: the hand-made wins, and pixels decoded with sharp.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Profile, Win } from '../../src/lib/types.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/cards/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function loadWins(): Win[] {
  return JSON.parse(readFileSync(`${FIXTURES}wins.json`, 'utf8')) as Win[];
}

export function loadProfile(): Profile {
  return JSON.parse(readFileSync(`${FIXTURES}profile.json`, 'utf8')) as Profile;
}

export function winBySlug(slug: string): Win {
  const win = loadWins().find((candidate) => candidate.slug === slug);
  if (!win) throw new Error(`no fixture win ${slug}`);
  return win;
}

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

export async function decode(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Variance of luminance: a blank or single-colour image is near 0. */
export function luminanceVariance({ data }: Pixels): number {
  let sum = 0;
  let squares = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const y = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
    sum += y;
    squares += y * y;
  }
  const mean = sum / n;
  return squares / n - mean * mean;
}

/** Pixels inside the outer band of `inset` px (per side) that differ from the background colour. */
export function inkInMargins(pixels: Pixels, inset: { top: number; right: number; bottom: number; left: number }): number {
  const { data, width, height } = pixels;
  const background = [data[0]!, data[1]!, data[2]!];
  let ink = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inBand = y < inset.top || y >= height - inset.bottom || x < inset.left || x >= width - inset.right;
      if (!inBand) continue;
      const i = (y * width + x) * 4;
      const distance = Math.abs(data[i]! - background[0]!) + Math.abs(data[i + 1]! - background[1]!) + Math.abs(data[i + 2]! - background[2]!);
      if (distance > 24) ink += 1;
    }
  }
  return ink;
}

/** Pixels that differ between two images of one size. */
export function differingPixels(a: Pixels, b: Pixels): number {
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count += 1;
  }
  return count;
}
