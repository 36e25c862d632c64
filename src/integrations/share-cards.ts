// The share cards, rendered outside Astro's page rendering: after `astro build` every card is
// drawn (or copied from the cache) by a worker pool; `astro dev` serves the same images from an
// endpoint, drawn on request.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardJobsForJournal, profileFontPaths } from '../lib/cards/card-jobs.ts';
import { renderCards } from '../lib/cards/render-all.ts';
import { readJournal } from '../lib/journal/read-journal.ts';
import { findWins } from '../lib/wins/find-wins.ts';

export interface ShareCardsOptions {
  /** Worker threads; defaults to one per core (0 renders on the main thread). */
  workers?: number;
}

/** URL patterns of the dev endpoint: the same paths the build writes. */
export const CARD_ROUTES = ['/card-[format].png', '/wins/[slug]/card-[format].png', '/goals/[slug]/card-[format].png'];

export default function shareCards(options: ShareCardsOptions = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'small-wins:share-cards',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute }) => {
        root = fileURLToPath(config.root);
        if (command !== 'dev') return;
        const entrypoint = resolve(root, 'src/integrations/share-cards-endpoint.ts');
        for (const pattern of CARD_ROUTES) injectRoute({ pattern, entrypoint, prerender: false });
      },
      'astro:build:done': async ({ dir }) => {
        // The same folder the content loader reads (relative to the working directory).
        const dataDir = resolve(process.env.SMALL_WINS_DATA ?? 'data');
        // The same "today" as the pages (SMALL_WINS_TODAY, else the last run's date).
        const journal = await readJournal(dataDir, { today: process.env.SMALL_WINS_TODAY || null });
        const wins = findWins(journal.runs, journal.goals, journal.profile);
        const jobs = cardJobsForJournal(journal, wins);
        const tty = Boolean(process.stdout.isTTY) && !process.env.CI;
        const summary = await renderCards(jobs, {
          outDir: fileURLToPath(dir),
          root,
          workers: options.workers,
          extraFonts: profileFontPaths(journal.profile.fonts, dataDir),
          tty,
          log: (text) => process.stdout.write(text),
        });
        // The one line a build prints about cards (the benchmark reads it).
        process.stdout.write(`cards: ${summary.rendered} rendered, ${summary.cached} cached\n`);
      },
    },
  };
}
