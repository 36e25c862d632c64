// The share cards, rendered outside Astro's page rendering: during `astro build` a worker pool
// draws every card the cache lacks, and once the pages are written every card is copied beside
// its page; `astro dev` serves the same images from an endpoint, drawn on request.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardJobsForJournal, profileFontPaths } from '../lib/cards/card-jobs.ts';
import { startCardRendering, type CardJob, type CardRendering } from '../lib/cards/render-all.ts';
import { readJournal } from '../lib/journal/read-journal.ts';
import { findWins } from '../lib/wins/find-wins.ts';

export interface ShareCardsOptions {
  /** Worker threads; defaults to one per core (0 renders on the main thread). */
  workers?: number;
}

/** URL patterns of the dev endpoint: the same paths the build writes. */
export const CARD_ROUTES = ['/card-[format].png', '/wins/[slug]/card-[format].png', '/goals/[slug]/card-[format].png'];

/** The journal the pages are built from, and its cards. */
async function journalCards(): Promise<{ jobs: CardJob[]; extraFonts: string[]; errors: number }> {
  // The same folder the content loader reads (relative to the working directory).
  const dataDir = resolve(process.env.SMALL_WINS_DATA ?? 'data');
  // The same "today" as the pages (SMALL_WINS_TODAY, else the last run's date).
  const journal = await readJournal(dataDir, { today: process.env.SMALL_WINS_TODAY || null });
  const wins = findWins(journal.runs, journal.goals, journal.profile);
  return { jobs: cardJobsForJournal(journal, wins), extraFonts: profileFontPaths(journal.profile.fonts, dataDir), errors: journal.errors.length };
}

export default function shareCards(options: ShareCardsOptions = {}): AstroIntegration {
  let root = process.cwd();
  let early: Promise<CardRendering | null> | null = null;
  const start = async (background: boolean): Promise<CardRendering | null> => {
    const { jobs, extraFonts, errors } = await journalCards();
    // A journal with errors fails the build in the content loader, with every problem listed.
    if (errors > 0 && background) return null;
    return startCardRendering(jobs, { root, workers: options.workers, extraFonts, background });
  };
  return {
    name: 'small-wins:share-cards',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute }) => {
        root = fileURLToPath(config.root);
        if (command !== 'dev') return;
        const entrypoint = resolve(root, 'src/integrations/share-cards-endpoint.ts');
        for (const pattern of CARD_ROUTES) injectRoute({ pattern, entrypoint, prerender: false });
      },
      // Cards only need the journal, not the pages: drawing starts with the build, in worker
      // threads beside Astro's own (mostly single-threaded) page rendering, and they are placed
      // once the pages are written.
      'astro:build:start': () => {
        early = start(true).catch(() => null);
      },
      'astro:build:done': async ({ dir }) => {
        const rendering = (await early) ?? (await start(false));
        if (!rendering) return;
        const tty = Boolean(process.stdout.isTTY) && !process.env.CI;
        const summary = await rendering.place(fileURLToPath(dir), { tty, log: (text) => process.stdout.write(text) });
        // The one line a build prints about cards (the benchmark reads it).
        process.stdout.write(`cards: ${summary.rendered} rendered, ${summary.cached} cached\n`);
      },
    },
  };
}
