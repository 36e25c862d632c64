// One reading of the journal per build. The content loader and the share-cards integration both
// need the journal and its wins, but Astro loads the config and the content config as separate
// module graphs, so a module-level memo would read it twice. The loader hands its reading to the
// integration through the process instead; the integration takes it once, so a later build in the
// same process reads afresh.
import { resolve } from 'node:path';
import { journalSource } from '../lib/journal-source.ts';
import { readJournal } from '../lib/journal/read-journal.ts';
import type { Journal, Win } from '../lib/types.ts';
import { findWins } from '../lib/wins/find-wins.ts';

export interface JournalReading {
  journal: Journal;
  /** Empty for a journal with errors (the build fails on them first). */
  wins: Win[];
}

/** The journal every part of a build reads (see `journalSource`), its folder made absolute. */
export function buildJournalSource(env: NodeJS.ProcessEnv = process.env): { dataDir: string; today: string | null } {
  const { dataDir, today } = journalSource(env);
  return { dataDir: resolve(dataDir), today };
}

const HANDED_OVER = Symbol.for('small-wins:journal-reading');
type Shelf = Map<string, Promise<JournalReading>>;

function shelf(): Shelf {
  const holder = globalThis as { [HANDED_OVER]?: Shelf };
  return (holder[HANDED_OVER] ??= new Map());
}

const shelfKey = (dataDir: string, today: string | null): string => `${resolve(dataDir)}\n${today ?? ''}`;

export async function readJournalAndWins(dataDir: string, today: string | null): Promise<JournalReading> {
  const journal = await readJournal(dataDir, { today });
  return { journal, wins: journal.errors.length > 0 ? [] : findWins(journal.runs, journal.goals, journal.profile) };
}

/** Reads the journal and leaves the reading for one `takeJournalReading` of the same folder and day. */
export function readJournalToShare(dataDir: string, today: string | null): Promise<JournalReading> {
  const reading = readJournalAndWins(dataDir, today);
  shelf().set(shelfKey(dataDir, today), reading);
  return reading;
}

/** The reading the content loader left for this folder and day, else a fresh one. */
export function takeJournalReading(dataDir: string, today: string | null): Promise<JournalReading> {
  const key = shelfKey(dataDir, today);
  const left = shelf().get(key);
  shelf().delete(key);
  return left ?? readJournalAndWins(dataDir, today);
}
