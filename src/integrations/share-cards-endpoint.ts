// `astro dev` only: the cards the build would write, drawn on request from the current journal.
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { cardJobsForJournal, profileFontPaths } from '../lib/cards/card-jobs.ts';
import { createCardRenderer, type CardRenderer } from '../lib/cards/render-card.ts';
import { readJournal } from '../lib/journal/read-journal.ts';
import { findWins } from '../lib/wins/find-wins.ts';

export const prerender = false;

let renderer: { fonts: string; renderer: CardRenderer } | null = null;

function rendererFor(extra: string[]): CardRenderer {
  const key = extra.join('\n');
  if (!renderer || renderer.fonts !== key) renderer = { fonts: key, renderer: createCardRenderer({ extra }) };
  return renderer.renderer;
}

export const GET: APIRoute = async ({ url }) => {
  const dataDir = resolve(process.env.SMALL_WINS_DATA ?? 'data');
  const journal = await readJournal(dataDir, { today: process.env.SMALL_WINS_TODAY || null });
  const wins = findWins(journal.runs, journal.goals, journal.profile);
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const path = decodeURIComponent(url.pathname).slice(base.length).replace(/^\/+/, '');
  const job = cardJobsForJournal(journal, wins).find((candidate) => candidate.path === path);
  if (!job) return new Response('No such card', { status: 404 });
  const png = await rendererFor(profileFontPaths(journal.profile.fonts, dataDir)).render(job.input, job.format);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' } });
};
