// The share cards, rendered outside Astro's page rendering: during `astro build` a worker pool
// draws every card the cache lacks, and once the pages are written every card is copied beside
// its page; `astro dev` serves the same images from an endpoint, drawn on request. A rebuild
// does not empty the output folder as Astro would: it keeps what is still right there (the
// pages Astro's incremental build skips, cards in place) and removes the rest (keep-output.ts).
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardJobsForJournal } from '../lib/cards/card-jobs.ts';
import { profileFontPaths } from '../lib/journal/font-files.ts';
import { openOutputFolder, type OutputFolder } from '../lib/build/keep-output.ts';
import { toRecordPath } from '../lib/build/output-record.ts';
import { absoluteUrl, pathWithBase } from '../utils/base.ts';
import { writeEnclosureLengths } from '../lib/build/feed-enclosures.ts';
import { startCardRendering, type CardJob, type CardRendering } from '../lib/cards/render-all.ts';
import { yearCardJobs } from '../lib/cards/year-slides.ts';
import { buildJournalSource, takeJournalReading } from '../utils/journal-reading.ts';

export interface ShareCardsOptions {
  /** Worker threads; defaults to one per core (0 renders on the main thread). */
  workers?: number;
}

/** URL patterns of the dev endpoint: the same paths the build writes. */
export const CARD_ROUTES = ['/card-[format].png', '/wins/[slug]/card-[format].png', '/goals/[slug]/card-[format].png'];

/** The journal the pages are built from, and its cards. */
async function journalCards(site: string | null): Promise<{ jobs: CardJob[]; extraFonts: string[]; errors: number }> {
  // The same folder and "today" as the pages; usually the content loader's own reading.
  const { dataDir, today } = buildJournalSource();
  const { journal, wins } = await takeJournalReading(dataDir, today);
  return { jobs: [...cardJobsForJournal(journal, wins, { site }), ...yearCardJobs(journal, wins, { site })], extraFonts: profileFontPaths(journal.profile.fonts, dataDir), errors: journal.errors.length };
}

export default function shareCards(options: ShareCardsOptions = {}): AstroIntegration {
  let root = process.cwd();
  let outDir: string | null = null;
  let recordPath: string | null = null;
  // The address cards print: the build's `--site` and `--base` (the profile's `site` is the
  // config's default, so it shows only when the command line gives none).
  let site: string | null = null;
  let userKeepsOutDir = false;
  let output: OutputFolder | null = null;
  let early: Promise<CardRendering | null> | null = null;
  const start = async (background: boolean): Promise<CardRendering | null> => {
    const { jobs, extraFonts, errors } = await journalCards(site);
    // A journal with errors fails the build in the content loader, with every problem listed.
    if (errors > 0 && background) return null;
    return startCardRendering(jobs, { root, workers: options.workers, extraFonts, background });
  };
  return {
    name: 'small-wins:share-cards',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute, updateConfig }) => {
        root = fileURLToPath(config.root);
        // The output folder is sorted at build start below instead (see keep-output.ts).
        userKeepsOutDir = config.vite?.build?.emptyOutDir === false;
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
        if (command !== 'dev') return;
        const entrypoint = resolve(root, 'src/integrations/share-cards-endpoint.ts');
        for (const pattern of CARD_ROUTES) injectRoute({ pattern, entrypoint, prerender: false });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        site = config.site ? absoluteUrl(pathWithBase('', config.base), config.site) : null;
        recordPath = fileURLToPath(new URL('small-wins-output.json', config.cacheDir));
      },
      // Cards only need the journal, not the pages: drawing starts with the build, in worker
      // threads beside Astro's own (mostly single-threaded) page rendering, and they are placed
      // once the pages are written.
      'astro:build:start': async () => {
        early = start(true).catch(() => null);
        if (outDir === null || recordPath === null) return;
        output = await openOutputFolder(outDir, recordPath, { clear: !userKeepsOutDir });
      },
      'astro:build:done': async ({ dir, assets }) => {
        const rendering = (await early) ?? (await start(false));
        const folder = fileURLToPath(dir);
        const tty = Boolean(process.stdout.isTTY) && !process.env.CI;
        const inPlace = new Map<string, string>();
        for (const [path, file] of output?.kept ?? []) if (file.key) inPlace.set(path, file.key);
        let placed = new Map<string, string>();
        if (rendering) {
          const summary = await rendering.place(folder, { tty, log: (text) => process.stdout.write(text) }, inPlace);
          placed = summary.placed;
          // The one line a build prints about cards (the benchmark reads it).
          process.stdout.write(`cards: ${summary.rendered} rendered, ${summary.cached} cached\n`);
        }
        // The feed's enclosures give the byte size of the cards now in place.
        await writeEnclosureLengths(folder);
        if (output) {
          // Every page of this build, rendered or left in place by the incremental build.
          const pages = [...assets.values()].flat().map((url) => toRecordPath(relative(folder, fileURLToPath(url))));
          await output.close(pages, placed);
          output = null;
        }
      },
    },
  };
}
