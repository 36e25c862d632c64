// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import imageMetadata from './src/integrations/image-metadata.ts';
import mdxStoryCheck from './src/integrations/mdx-story-check.ts';
import shareCards from './src/integrations/share-cards.ts';
import { journalSource, JournalSourceError } from './src/lib/journal-source.ts';
import { readProfileSite } from './src/utils/profile-site.ts';

/** SMALL_WINS_DATA and SMALL_WINS_TODAY, checked before anything is built. */
function checkedJournalSource() {
  try {
    return journalSource();
  } catch (error) {
    if (!(error instanceof JournalSourceError)) throw error;
    // The message says what to fix; Astro would add a stack trace under it.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

// `--site`, `--base` and `--outDir` on the command line win over this file (Astro merges them last).
const { dataDir } = checkedJournalSource();

export default defineConfig({
  site: readProfileSite(dataDir) ?? undefined,
  // GitHub Pages serves `wins/x/index.html` at `wins/x/`: directories and trailing slashes agree.
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External CSS and JS only: pages stay clean under a strict Content-Security-Policy.
    inlineStylesheets: 'never',
    // Two pages at a time: one renders while the other's folder and file are written (creating
    // a thousand folders is much of a big site's build). Output does not depend on it.
    concurrency: 2,
  },
  compressHTML: true,
  // Pages with a cache key (wins, runs: see src/lib/site/page-keys.ts) are rendered again only
  // when their data or code changed; the rest of a rebuild copies them from Astro's cache.
  experimental: { incrementalBuild: true },
  // Every image in dist/ loses its metadata before the share cards are placed (they carry none).
  integrations: [mdx(), mdxStoryCheck(), sitemap(), imageMetadata(), shareCards()],
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
