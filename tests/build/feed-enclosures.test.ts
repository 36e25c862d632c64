import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { writeEnclosureLengths } from '../../src/lib/build/feed-enclosures.ts';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const feed = (items: string[]) => `<?xml version="1.0"?><rss><channel>${items.map((e) => `<item>${e}</item>`).join('')}</channel></rss>`;

test('each card enclosure gets its file size, under any site path; others are left as written', async () => {
  dir = await mkdtemp(join(tmpdir(), 'small-wins-feed-'));
  await mkdir(join(dir, 'wins', '2025-06-01-sub-25-5k'), { recursive: true });
  await writeFile(join(dir, 'wins', '2025-06-01-sub-25-5k', 'card-1200x630.png'), Buffer.alloc(12_345));
  await writeFile(
    join(dir, 'rss.xml'),
    feed([
      '<enclosure url="https://ana.github.io/repo/wins/2025-06-01-sub-25-5k/card-1200x630.png" length="0" type="image/png"/>',
      '<enclosure url="https://ana.github.io/repo/wins/2025-07-01-missing/card-1200x630.png" length="0" type="image/png"/>',
      '<enclosure url="https://ana.github.io/repo/podcast.mp3" length="7" type="audio/mpeg"/>',
    ]),
  );
  await writeEnclosureLengths(dir);
  const lengths = [...(await readFile(join(dir, 'rss.xml'), 'utf8')).matchAll(/length="(\d+)"/g)].map((m) => Number(m[1]));
  expect(lengths).toEqual([12_345, 0, 7]);
});

test('a build without a feed is left alone', async () => {
  dir = await mkdtemp(join(tmpdir(), 'small-wins-feed-'));
  await expect(writeEnclosureLengths(dir)).resolves.toBeUndefined();
});
