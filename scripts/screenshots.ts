// `npm run screenshots [-- --no-build]`: the README's pictures, made again from the sample journal.
// Builds the site into dist/ (or uses the dist/ already there with --no-build), takes Chromium's
// picture of the home page and copies the share card of the first record on /progress/ into
// docs/images/, both compressed to stay small.
import { spawn } from 'node:child_process';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const DIST = join(PROJECT, 'dist');
const IMAGES = join(PROJECT, 'docs', 'images');

async function build(): Promise<void> {
  const astro = join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // The README shows the site as it is served from the root of its address.
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [astro, 'build', '--base', '/'], { cwd: PROJECT, stdio: 'inherit' });
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`astro build failed (exit code ${code})`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
  if (values['no-build']) {
    await access(join(DIST, 'index.html')).catch(() => {
      throw new Error('dist/index.html is missing: run without --no-build, or build first with `npm run build`');
    });
  } else {
    await build();
  }
  await mkdir(IMAGES, { recursive: true });

  const site = await serveStatic(DIST, '/');
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site.root, { waitUntil: 'networkidle' });
    const shot = await page.screenshot({ type: 'png' });
    await sharp(shot).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(join(IMAGES, 'site.png'));

    // The first record of /progress/: a personal best, the kind of card a runner shares.
    const progress = await (await fetch(`${site.root}progress/`)).text();
    const slug = /href="\/wins\/(\d{4}-\d{2}-\d{2}-[^"/]+)\/"/.exec(progress)?.[1];
    if (!slug) throw new Error('no record win linked from dist/progress/');
    const card = await readFile(join(DIST, 'wins', slug, 'card-1200x630.png'));
    await sharp(card).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(join(IMAGES, 'card.png'));
    process.stdout.write(`docs/images/site.png: the home page at 1280 px\ndocs/images/card.png: the card of wins/${slug}/\n`);
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
