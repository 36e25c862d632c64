// One card's work, the same in a worker and in the calling thread: draw it and store it in the cache.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CardInput } from './card-input.ts';
import type { CardFormat } from './formats.ts';
import type { CardRenderer } from './render-card.ts';

export interface RenderTask {
  input: CardInput;
  format: CardFormat;
  /** Where the PNG is kept between builds; the build copies it to its pages from there. */
  cachePath: string;
}

/** Write via a temporary file so an interrupted build never leaves half a PNG in the cache. */
async function writeAtomic(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

export async function runRenderTask(renderer: CardRenderer, task: RenderTask): Promise<number> {
  const png = await renderer.render(task.input, task.format);
  await writeAtomic(task.cachePath, png);
  return png.length;
}
