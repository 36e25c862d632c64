// Which journal a command or a build reads, from the environment: the one place SMALL_WINS_DATA
// and SMALL_WINS_TODAY are read and checked, so the site build, `check`, `wins`, `next` and `log`
// agree on what they mean and refuse the same bad values with the same words.
import { parseDate } from './journal/fields.ts';
import type { IsoDate } from './types.ts';

export const DEFAULT_DATA_DIR = 'data';

/** A bad SMALL_WINS_* value: its message names the variable, what it got and what was expected. */
export class JournalSourceError extends Error {
  override name = 'JournalSourceError';
}

export interface JournalSource {
  /** SMALL_WINS_DATA as given (relative to the working folder), else `data`. */
  dataDir: string;
  /** SMALL_WINS_TODAY, the journal's "today" override; null when unset. */
  today: IsoDate | null;
}

/** The journal folder and "today" from the environment; unset and empty mean the default. */
export function journalSource(env: Readonly<Record<string, string | undefined>> = process.env): JournalSource {
  const data = env.SMALL_WINS_DATA ?? '';
  const todayText = (env.SMALL_WINS_TODAY ?? '').trim();
  let today: IsoDate | null = null;
  if (todayText !== '') {
    const parsed = parseDate(todayText);
    if (!parsed.ok) throw new JournalSourceError(`SMALL_WINS_TODAY: got "${todayText}", expected ${parsed.expected}`);
    today = parsed.value;
  }
  return { dataDir: data.trim() === '' ? DEFAULT_DATA_DIR : data, today };
}
