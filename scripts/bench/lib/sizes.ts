// The benchmark's journals: fixed seeds and start dates, so every run measures the same data.
import type { GenerateOptions } from './generate-journal.ts';

export type JournalSize = 'small' | 'decade' | 'huge';

export const JOURNAL_SIZES: Record<JournalSize, GenerateOptions> = {
  small: { runs: 300, seed: 300, startDate: '2024-01-01' },
  // Ten years of near-daily running with some doubles: the runner the targets are written for.
  decade: { runs: 4000, seed: 4000, startDate: '2016-01-04', years: 10 },
  // Far beyond any real journal (2–3 runs a day for a century): only the engine is measured on it.
  huge: { runs: 100_000, seed: 100_000, startDate: '1926-01-04', years: 100 },
};
