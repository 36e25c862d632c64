// The build at the journal's edges: a journal with errors fails with the same lines `npm run check`
// prints; an empty journal still builds a friendly site.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from './build-site.ts';

test('a broken journal fails the build and names every problem, and nothing else', { timeout: 300_000 }, async () => {
  const failure = await buildSite({ data: 'tests/fixtures/site/broken-journal' }).then(
    async (site) => {
      await site.dispose();
      return null;
    },
    (error: unknown) => String(error),
  );
  expect(failure).toMatch(/The journal has 2 errors/);
  expect(failure).toMatch(/runs\.csv:3: distance: got "10,5", expected/);
  expect(failure).toMatch(/runs\.csv:4: date: got "2025-02-30", expected/);
  // Only the runner's lines: no stack trace or source location of this project under them.
  expect(failure).not.toMatch(/Stack trace|Location:|journal-loader/);
});

test('an empty journal builds a site that says so', { timeout: 300_000 }, async () => {
  const site = await buildSite({ data: 'tests/fixtures/site/empty-journal' });
  try {
    const home = await readFile(join(site.outDir, 'index.html'), 'utf8');
    expect(home).toContain('New Runner');
    expect(home).toContain('No runs in the journal yet');
    expect(await readFile(join(site.outDir, 'wins', 'index.html'), 'utf8')).toContain('No wins yet');
    for (const page of ['wins/index.html', 'runs/index.html', 'progress/index.html', '404.html', 'rss.xml']) {
      expect((await readFile(join(site.outDir, page), 'utf8')).length).toBeGreaterThan(100);
    }
  } finally {
    await site.dispose();
  }
});
