// `astro dev` only: the cards the build would write, drawn on request from the current journal.
import type { APIRoute } from 'astro';
import { cardJobsForJournal } from '../lib/cards/card-jobs.ts';
import { profileFontPaths } from '../lib/journal/font-files.ts';
import { createCardRenderer, type CardRenderer } from '../lib/cards/render-card.ts';
import { absoluteUrl, pathWithBase } from '../utils/base.ts';
import { buildJournalSource, readJournalAndWins } from '../utils/journal-reading.ts';

export const prerender = false;

let renderer: { fonts: string; renderer: CardRenderer } | null = null;

function rendererFor(extra: string[]): CardRenderer {
  const key = extra.join('\n');
  if (!renderer || renderer.fonts !== key) renderer = { fonts: key, renderer: createCardRenderer({ extra }) };
  return renderer.renderer;
}

export const GET: APIRoute = async ({ url }) => {
  // Read afresh on every request: in dev the journal changes while the server runs.
  const { dataDir, today } = buildJournalSource();
  const { journal, wins } = await readJournalAndWins(dataDir, today);
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const path = decodeURIComponent(url.pathname).slice(base.length).replace(/^\/+/, '');
  const site = import.meta.env.SITE ? absoluteUrl(pathWithBase('', import.meta.env.BASE_URL), import.meta.env.SITE) : null;
  const job = cardJobsForJournal(journal, wins, { site }).find((candidate) => candidate.path === path);
  if (!job) return new Response('No such card', { status: 404 });
  const png = await rendererFor(profileFontPaths(journal.profile.fonts, dataDir)).render(job.input, job.format);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' } });
};
