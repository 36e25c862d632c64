// Benchmark only: the endpoint behind `endpointCards()`. One static path per win and format; each
// GET draws its card with the project's own renderer (the same template, fonts and PNG options),
// so the comparison measures where the rendering happens, not what is drawn.
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardInputForWin, type CardInput } from '../../src/lib/cards/card-input.ts';
import { CARD_FORMATS, cardFileName, type CardFormat } from '../../src/lib/cards/formats.ts';
import { createCardRenderer, type CardRenderer } from '../../src/lib/cards/render-card.ts';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { journalSource } from '../../src/lib/journal-source.ts';

// The benchmark builds from another working directory; the root is where node_modules (fonts) is.
const root = process.env.SMALL_WINS_BENCH_PROJECT_ROOT ?? process.cwd();
const dataDir = resolve(root, journalSource().dataDir);
let renderer: CardRenderer | null = null;

export const getStaticPaths = (async () => {
  const journal = await readJournal(dataDir);
  const wins = findWins(journal.runs, journal.goals, journal.profile);
  return wins.flatMap((win) => {
    const input = cardInputForWin(win, journal.profile);
    return CARD_FORMATS.map((format) => ({
      params: { slug: win.slug, card: cardFileName(format) },
      props: { input, format, fonts: journal.profile.fonts.map((font) => resolve(dataDir, font)) },
    }));
  });
}) satisfies GetStaticPaths;

interface Props {
  input: CardInput;
  format: CardFormat;
  fonts: string[];
}

export const GET: APIRoute<Props> = async ({ props }) => {
  renderer ??= createCardRenderer({ root, extra: props.fonts });
  const png = await renderer.render(props.input, props.format);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
