// Once the build is written, no image in it carries camera, GPS or other metadata, whatever path it
// took there (see src/lib/build/image-metadata.ts). Listed before the share cards, which are drawn
// without any and placed after.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stripImageMetadata } from '../lib/build/image-metadata.ts';

export default function imageMetadata(): AstroIntegration {
  return {
    name: 'small-wins:image-metadata',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const stripped = await stripImageMetadata(fileURLToPath(dir));
        if (stripped.length > 0) {
          process.stdout.write(`images: metadata removed from ${stripped.length} (camera, GPS, XMP, comments)\n`);
        }
      },
    },
  };
}
