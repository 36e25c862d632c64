// Writes the synthetic journals into a temporary folder (never into data/).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateJournal, journalFiles, type GeneratedJournal } from './lib/generate-journal.ts';
import { largeJournalCsv } from './lib/large-journal-csv.ts';
import { JOURNAL_SIZES, type JournalSize } from './lib/sizes.ts';

export function writeJournal(dir: string, journal: GeneratedJournal): void {
  for (const file of journalFiles(journal)) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}

export interface WrittenJournal {
  size: JournalSize;
  dir: string;
  journal: GeneratedJournal;
}

export function writeBenchJournal(root: string, size: JournalSize): WrittenJournal {
  const journal = generateJournal(JOURNAL_SIZES[size]);
  const dir = join(root, 'journals', size);
  rmSync(dir, { recursive: true, force: true });
  writeJournal(dir, journal);
  return { size, dir, journal };
}

/** An empty journal folder: the floor build F1 reads it. */
export function writeEmptyJournal(root: string): string {
  const dir = join(root, 'journals', 'empty');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A journal whose runs.csv is about `bytes` long (long notes, the small journal's rows repeated). */
export function writeLargeCsvJournal(root: string, bytes: number): { dir: string; rows: number } {
  const base = generateJournal(JOURNAL_SIZES.small);
  const { text, rows } = largeJournalCsv(base.csv, bytes, 50);
  const dir = join(root, 'journals', 'large-csv');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'runs.csv'), text);
  writeFileSync(join(dir, 'profile.md'), base.profile);
  return { dir, rows };
}
