// A photo carries where and with what it was taken: EXIF (GPS position, camera, time), XMP, IPTC,
// comments. Astro's image service drops them from the images it optimises (`![](./photo.jpg)`),
// but a photo imported into an MDX story (`import photo from './x.jpg'`), or one in `public/`, is
// copied byte for byte. So once the build is written, every image in the output folder, whatever
// its path, is read, and one that still carries any of it is written again without it: the same
// pixels, turned upright by its EXIF orientation first (which goes with the EXIF), its colour
// profile kept. Encoding the same bytes with the same sharp gives the same bytes: builds stay
// byte-identical. An image that cannot be read fails the build: nothing unread is published.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { listOutputFiles } from './output-record.ts';

/** The files looked at, by name: every raster format a browser shows and sharp reads. */
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/** The formats written back, with the quality of a re-encoded photo (close to what a camera wrote). */
const REENCODE = {
  jpeg: (image: Sharp) => image.jpeg({ quality: 90 }),
  png: (image: Sharp) => image.png(),
  webp: (image: Sharp) => image.webp({ quality: 90 }),
  avif: (image: Sharp) => image.avif({ quality: 70 }),
  gif: (image: Sharp) => image.gif(),
  tiff: (image: Sharp) => image.tiff(),
  heif: (image: Sharp) => image.avif({ quality: 70 }),
} as const;

/** An image the build cannot vouch for: it could not be read, so its metadata could not be removed. */
export class ImageMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageMetadataError';
    this.stack = `${this.name}: ${message}`;
  }
}

/** True when the image holds anything beyond its pixels and colour profile. */
export function carriesMetadata(metadata: Metadata): boolean {
  return (
    metadata.exif !== undefined ||
    metadata.xmp !== undefined ||
    metadata.iptc !== undefined ||
    metadata.tifftagPhotoshop !== undefined ||
    (metadata.comments?.length ?? 0) > 0
  );
}

/** The image without its metadata, in its own format; null when it carries none (left as it is). */
export async function withoutMetadata(bytes: Buffer): Promise<Buffer | null> {
  const metadata = await sharp(bytes).metadata();
  if (!carriesMetadata(metadata)) return null;
  const encode = REENCODE[metadata.format as keyof typeof REENCODE];
  if (encode === undefined) throw new Error(`a ${metadata.format} image, a format this build cannot write back without its metadata`);
  // Every frame of an animation; autoOrient applies the EXIF orientation the stripped EXIF held.
  const image = sharp(bytes, { animated: (metadata.pages ?? 1) > 1 }).autoOrient().keepIccProfile();
  return encode(image).toBuffer();
}

/**
 * Rewrites, in place, each image under `outDir` that carries metadata; returns their paths
 * (relative, `/`-separated, sorted). Throws an ImageMetadataError naming the images it could not read.
 */
export async function stripImageMetadata(outDir: string): Promise<string[]> {
  const images = [...listOutputFiles(outDir)]
    .filter(([path, file]) => file.size >= 0 && IMAGE_FILE.test(path))
    .map(([path]) => path)
    .sort();
  const stripped: string[] = [];
  const unreadable: string[] = [];
  for (const path of images) {
    const full = join(outDir, path);
    try {
      const clean = await withoutMetadata(await readFile(full));
      if (clean === null) continue;
      await writeFile(full, clean);
      stripped.push(path);
    } catch (error) {
      unreadable.push(`${path}: ${(error as Error).message}`);
    }
  }
  if (unreadable.length > 0) {
    throw new ImageMetadataError(
      `these images could not be read, so their camera and GPS metadata could not be removed; nothing is published until they are replaced or removed:\n  ${unreadable.join('\n  ')}`,
    );
  }
  return stripped;
}
