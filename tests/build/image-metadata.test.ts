// Every image in the output folder loses its camera, GPS, XMP and comments, whatever its path: real
// photos written with sharp into a real folder, stripped, and decoded again.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageMetadataError, stripImageMetadata } from '../../src/lib/build/image-metadata.ts';

const CAMERA = 'StripCam-EXIF-MARKER';
const EXIF = {
  IFD0: { Make: CAMERA, Model: 'Model 2', DateTime: '2025:03:03 07:30:00' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 4548/100', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 1/1' },
};

/** A `width`×`height` photo with a camera and a GPS position in its EXIF (and XMP when asked). */
async function photo(width: number, height: number, format: 'jpeg' | 'png' | 'webp', extra: { orientation?: number; xmp?: boolean } = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: '#3a7' } }).toFormat(format).withExif(EXIF);
  if (extra.xmp) image = image.withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${CAMERA}"/></rdf:RDF></x:xmpmeta>`);
  if (extra.orientation) image = image.withMetadata({ orientation: extra.orientation });
  const bytes = await image.toBuffer();
  const metadata = await sharp(bytes).metadata();
  if (metadata.exif === undefined || !bytes.includes(CAMERA)) throw new Error('the test photo carries no EXIF');
  return bytes;
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function outputOf(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-metadata-'));
  folders.push(dir);
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

describe('images in the output folder', () => {
  it('lose EXIF, GPS, camera and XMP whatever their path and format, keeping their pixels upright', async () => {
    const files = {
      // Where Astro copies a photo an MDX story imports, and where public/ files land.
      '_astro/finish.B1x2y3.jpg': await photo(300, 200, 'jpeg', { xmp: true }),
      'photos/portrait.JPG': await photo(300, 200, 'jpeg', { orientation: 6 }),
      'logo.png': await photo(120, 80, 'png'),
      'deep/er/still.webp': await photo(90, 60, 'webp'),
    };
    const dir = outputOf(files);
    expect(await stripImageMetadata(dir)).toEqual(['_astro/finish.B1x2y3.jpg', 'deep/er/still.webp', 'logo.png', 'photos/portrait.JPG']);
    for (const path of Object.keys(files)) {
      const bytes = readFileSync(join(dir, path));
      const { exif, xmp, iptc, comments } = await sharp(bytes).metadata();
      expect({ path, exif, xmp, iptc, comments, camera: bytes.includes(CAMERA) }).toEqual({ path, exif: undefined, xmp: undefined, iptc: undefined, comments: undefined, camera: false });
    }
    // Orientation 6 (turned a quarter): the pixels are turned instead, so the photo still shows upright.
    expect(await sharp(join(dir, 'photos/portrait.JPG')).metadata()).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    expect(await sharp(join(dir, 'logo.png')).metadata()).toMatchObject({ format: 'png', width: 120, height: 80 });
  });

  it('are stripped to the same bytes every time (builds stay byte-identical), and a clean image is left alone', async () => {
    const original = await photo(300, 200, 'jpeg', { xmp: true });
    const clean = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#123' } }).png().toBuffer();
    const first = outputOf({ 'a.jpg': original, 'clean.png': clean });
    const second = outputOf({ 'a.jpg': original, 'clean.png': clean });
    const before = statSync(join(first, 'clean.png')).mtimeMs;
    expect(await stripImageMetadata(first)).toEqual(['a.jpg']);
    await stripImageMetadata(second);
    expect(readFileSync(join(first, 'a.jpg')).equals(readFileSync(join(second, 'a.jpg')))).toBe(true);
    expect(readFileSync(join(first, 'clean.png')).equals(clean)).toBe(true);
    expect(statSync(join(first, 'clean.png')).mtimeMs).toBe(before);
    // Once stripped, a second pass finds nothing to do.
    expect(await stripImageMetadata(first)).toEqual([]);
  });

  it('that cannot be read fail the build, naming each, rather than being published unread', async () => {
    const dir = outputOf({ 'good.jpg': await photo(30, 20, 'jpeg'), '_astro/broken.jpg': Buffer.from('not a jpeg at all'), 'page.html': Buffer.from('<p>hi</p>') });
    const error = await stripImageMetadata(dir).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImageMetadataError);
    expect((error as Error).message).toMatch(/^these images could not be read, so their camera and GPS metadata could not be removed; .*\n {2}_astro\/broken\.jpg: /);
    expect((error as Error).message).not.toContain('good.jpg');
  });
});
