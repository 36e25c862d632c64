// What a build publishes from a journal written here: nothing of a private story (text, images) or
// of a private week reflection, no camera or GPS metadata in any image, and feeds that a strict XML
// parser (Chromium's) accepts whatever characters the runner typed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser.ts';
import { listTree } from './helpers.ts';
import { buildSite, prepareProject, type BuildResult } from './site-build.ts';

/** Written into every photo's EXIF (camera make) and GPS block: no published file may hold it. */
const CAMERA = 'TrustCam-EXIF-MARKER';
const PRIVATE_MARKER = 'PRIVATE-PUBLISH-MARKER';
/** Characters XML 1.0 forbids, typed into a title and a race name. */
const CONTROL = '\u0000\u0001\u0008\u001b';

/** A photo (JPEG unless said) of `width`×`height` carrying a camera and a GPS position in its EXIF. */
async function photo(width: number, height: number, colour: string, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const image = await sharp({ create: { width, height, channels: 3, background: colour } })
    .toFormat(format)
    .withExif({
      IFD0: { Make: CAMERA, Model: 'Model 1', DateTime: '2025:03:03 07:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 4548/100', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 1/1' },
    })
    .toBuffer();
  // The photo must hold what the checks look for: the camera, and a GPS block (tag 0x8825 in IFD0).
  const { exif } = await sharp(image).metadata();
  const gps = exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
  if (!exif?.includes(CAMERA) || !gps) throw new Error('the test photo carries no EXIF GPS');
  return image;
}

/** Private photos have sizes no public one has, so a re-encoded copy is recognised by its size too. */
const PRIVATE_SIZES = [
  [331, 217],
  [337, 219],
  [347, 223],
] as const;

async function writeJournal(dir: string): Promise<Record<string, Buffer>> {
  const photos: Record<string, Buffer> = {
    'public.jpg': await photo(320, 240, '#3a7'),
    'public-mdx.jpg': await photo(300, 200, '#7a3'),
    // Imported by an MDX story: Astro copies it as it is, past its image service.
    'imported-mdx.jpg': await photo(305, 205, '#77a'),
    'public.png': await photo(310, 210, '#3aa', 'png'),
    'public.webp': await photo(290, 190, '#a33', 'webp'),
    'private-story.jpg': await photo(...PRIVATE_SIZES[0], '#a37'),
    'private-run.jpg': await photo(...PRIVATE_SIZES[1], '#37a'),
    'private-csv-run.jpg': await photo(...PRIVATE_SIZES[2], '#aa3'),
  };
  const files: Record<string, string | Buffer> = {
    'profile.md': ['---', 'name: Ana', `title: "Small wins ${CONTROL} <script>"`, 'site: https://example.github.io/publish', 'units: km', 'locale: en', '---', ''].join('\n'),
    'runs.csv': [
      'date,distance,time,title,type,race,private',
      '2025-03-01,3.0,20:00,First one,easy,,',
      `2025-03-03,4.0,26:00,Bell ${CONTROL} <script>alert(1)</script> & co,easy,,`,
      `2025-03-05,5.0,30:00,Race day,race,Park ${CONTROL} run <b> & co,`,
      '2025-03-07,6.0,38:00,With a private story,easy,,',
      `2025-03-09,6.5,41:00,${PRIVATE_MARKER}-CSV-TITLE,easy,,yes`,
      '',
    ].join('\n'),
    'journal/2025-03-03-public.md': ['---', 'date: 2025-03-03', '---', 'A public story with photos.', '', '![The bell](./public.jpg)', '', '![A PNG](./public.png)', '', '![A WebP](./public.webp)', ''].join('\n'),
    'journal/2025-03-05-race.mdx': [
      '---',
      'date: 2025-03-05',
      '---',
      "import medal from './imported-mdx.jpg';",
      '',
      'A public MDX story with a photo.',
      '',
      '![The finish](./public-mdx.jpg)',
      '',
      '<img src={medal.src} alt="The medal" />',
      '',
    ].join('\n'),
    'journal/2025-03-07-private (rain) [x] {a,b}.md': ['---', 'date: 2025-03-07', 'private: yes', '---', `${PRIVATE_MARKER}-STORY.`, '', '![](./private-story.jpg)', ''].join('\n'),
    'journal/2025-03-08-private-run.mdx': [
      '---',
      'date: 2025-03-08',
      'distance: 7',
      'time: 45:00',
      `title: ${PRIVATE_MARKER}-RUN-TITLE`,
      'private: yes',
      '---',
      `${PRIVATE_MARKER}-RUN-BODY.`,
      '',
      '![](./private-run.jpg)',
      '',
    ].join('\n'),
    // The story of a run the CSV marks private is private too, though its own front matter says nothing.
    'journal/2025-03-09-csv-private.md': ['---', 'date: 2025-03-09', '---', `${PRIVATE_MARKER}-CSV-STORY.`, '', '![](./private-csv-run.jpg)', ''].join('\n'),
    ...Object.fromEntries(Object.entries(photos).map(([name, bytes]) => [`journal/${name}`, bytes])),
    // Week reflections: a private one (none of its words published) and a public one whose title and
    // words hold characters XML forbids (the weeks feed must still parse).
    'weeks/2025-W10.md': ['---', `title: ${PRIVATE_MARKER}-REFLECTION-TITLE`, 'private: yes', '---', `${PRIVATE_MARKER}-REFLECTION.`, ''].join('\n'),
    'weeks/2025-W09.md': ['---', `title: "Bell ${CONTROL} <b> & co"`, '---', `Words ${CONTROL} and <i>more</i> & co.`, ''].join('\n'),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return photos;
}

const root = mkdtempSync(join(tmpdir(), 'small-wins-publish-'));
const dist = join(root, 'dist');
let photos: Record<string, Buffer> = {};
let result: BuildResult | null = null;

beforeAll(async () => {
  photos = await writeJournal(join(root, 'journal'));
  const project = prepareProject(join(root, 'project'));
  // A photo in public/, which Astro copies to dist/ as it is.
  writeFileSync(join(project, 'public', 'team.jpg'), await photo(315, 215, '#a7a'));
  result = await buildSite({ project, data: join(root, 'journal'), outDir: dist, cache: join(root, 'cache') });
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function built(): string[] {
  if (result?.code !== 0) throw new Error(`build failed (${result?.code}):\n${result?.stderr.slice(-3000)}\n${result?.stdout.slice(-2000)}`);
  return listTree(dist);
}

const IMAGE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

describe('a private story', () => {
  it('publishes none of its text', () => {
    const leaks = built().filter((path) => readFileSync(join(dist, path)).includes(PRIVATE_MARKER));
    expect(leaks).toEqual([]);
  });

  it('publishes none of its images, neither as written nor re-encoded', async () => {
    const files = built();
    const originals = Object.entries(photos).filter(([name]) => name.startsWith('private'));
    const copies = files.filter((path) => originals.some(([, bytes]) => readFileSync(join(dist, path)).equals(bytes)));
    expect(copies).toEqual([]);
    expect(files.filter((path) => path.includes('private'))).toEqual([]);
    const sizes: string[] = [];
    for (const path of files.filter((p) => IMAGE.test(p))) {
      const { width, height } = await sharp(join(dist, path)).metadata();
      if (PRIVATE_SIZES.some(([w, h]) => w === width && h === height)) sizes.push(path);
    }
    expect(sizes).toEqual([]);
  });

  it('while the public stories show their photos', async () => {
    const files = built();
    const pages = files.filter((p) => /^runs\/[^/]+\/index\.html$/.test(p)).map((p) => readFileSync(join(dist, p), 'utf8'));
    for (const alt of ['The bell', 'A PNG', 'A WebP', 'The finish', 'The medal']) {
      const tag = pages.map((html) => new RegExp(`<img[^>]*alt="${alt}"[^>]*>`).exec(html)?.[0]).find(Boolean);
      expect(tag, alt).toMatch(/src="\/_astro\/[^"]+"/);
    }
    const sizes = await Promise.all(files.filter((p) => IMAGE.test(p)).map(async (p) => sharp(join(dist, p)).metadata()));
    expect(sizes.some(({ width, height }) => width === 320 && height === 240)).toBe(true);
    for (const [w, h] of [[300, 200], [310, 210], [290, 190], [305, 205], [315, 215]]) expect(sizes.some(({ width, height }) => width === w && height === h)).toBe(true);
  });
});

describe('images in dist/', () => {
  it('carry no EXIF, GPS or camera metadata: optimised, imported by an MDX story, or copied from public/', async () => {
    const images = built().filter((path) => IMAGE.test(path));
    expect(images.length).toBeGreaterThan(0);
    const tagged: string[] = [];
    for (const path of images) {
      const bytes = readFileSync(join(dist, path));
      const { exif, xmp, iptc } = await sharp(bytes).metadata();
      if (exif !== undefined || xmp !== undefined || iptc !== undefined || bytes.includes(CAMERA)) tagged.push(path);
    }
    expect(tagged).toEqual([]);
  });
});

/** Chromium's XML parser (libxml2): its error for `xml`, or null when the document is well-formed. */
async function strictXmlErrors(documents: Record<string, string>): Promise<Record<string, string | null>> {
  const { browser, close } = await openBrowser();
  try {
    const page = await browser.newPage();
    return await page.evaluate((docs) => {
      const out: Record<string, string | null> = {};
      for (const [name, text] of Object.entries(docs)) {
        const parsed = new DOMParser().parseFromString(text, 'application/xml');
        out[name] = parsed.querySelector('parsererror')?.textContent ?? null;
      }
      return out;
    }, documents);
  } finally {
    await close();
  }
}

describe('XML the site writes', () => {
  let errors: Record<string, string | null> = {};

  beforeAll(async () => {
    const xml = Object.fromEntries(built().filter((p) => /\.(xml|svg)$/.test(p)).map((p) => [p, readFileSync(join(dist, p), 'utf8')]));
    errors = await strictXmlErrors({ ...xml, 'a document with \\x01': '<a>\u0001</a>' });
  }, 120_000);

  it('is well-formed for a strict parser: the feed, the sitemap and every SVG', () => {
    // The parser itself refuses a forbidden character.
    const { ['a document with \\x01']: control, ...site } = errors;
    expect(control).toMatch(/error/i);
    expect(Object.keys(site)).toEqual(expect.arrayContaining(['rss.xml', 'weeks/rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'favicon.svg']));
    expect(site).toEqual(Object.fromEntries(Object.keys(site).map((name) => [name, null])));
  });

  it('keeps the text around the forbidden characters, and escapes the description as HTML', () => {
    const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(readFileSync(join(dist, 'rss.xml'), 'utf8'));
    expect(feed.rss.channel.title).toBe('Small wins  <script>');
    const items: Array<{ title: string; description: string }> = [feed.rss.channel.item].flat();
    const race = items.find((item) => item.title.startsWith('First race'));
    expect(race?.title).toBe('First race: Park  run <b> & co');
    // The description is HTML: the race name's `<b>` and `&` are text there, not markup.
    expect(race?.description).toContain('First race: Park  run &lt;b&gt; &amp; co');
  });

  it('gives the weeks feed a public reflection, less the forbidden characters', () => {
    const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(readFileSync(join(dist, 'weeks', 'rss.xml'), 'utf8'));
    const items: Array<{ title: string; description: string }> = [feed.rss.channel.item].flat();
    const week = items.find((item) => item.title.startsWith('Week 2025-W09'));
    expect(week?.title).toBe('Week 2025-W09: Bell  <b> & co');
    expect(week?.description).toContain('Words  and <i>more</i>');
  });
});
