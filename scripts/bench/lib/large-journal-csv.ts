// A very large hand-written journal (`runs.csv` of tens of megabytes) for the bounded-memory
// check: the rows of a generated journal, repeated with long notes until the file reaches the
// wanted size. Each copy is shifted past the previous one, so dates stay in order.
import Papa from 'papaparse';
import { addDays, dayNumber } from '../../../src/lib/format/dates.ts';
import type { IsoDate } from '../../../src/lib/types.ts';
import { CSV_COLUMNS } from './generate-journal.ts';
import { createRandom } from './random.ts';

const WORDS = (
  'legs heavy after work but went anyway, easy loop by the river, wind on the bridge, ' +
  'negative split on the last kilometre, shoes finally broken in, rain the whole way, ' +
  'calf tight at the start then fine, sunrise over the park, chatted with a neighbour, ' +
  'walked the hill and ran the rest, new playlist helped, stopped for water at the fountain'
).split(/[ ,]+/);

export interface LargeCsv {
  text: string;
  rows: number;
}

export function largeJournalCsv(baseCsv: string, targetBytes: number, seed: number): LargeCsv {
  const random = createRandom(seed);
  const base = Papa.parse<Record<string, string>>(baseCsv.trim(), { header: true }).data;
  const first = base[0]?.date;
  const last = base.at(-1)?.date;
  if (!first || !last) throw new Error('the base journal has no runs');
  const span = dayNumber(last as IsoDate) - dayNumber(first as IsoDate) + 1;
  const note = () => Array.from({ length: random.int(40, 90) }, () => random.pick(WORDS)).join(' ');
  const chunks: string[] = [Papa.unparse([[...CSV_COLUMNS]], { newline: '\n' }) + '\n'];
  let bytes = chunks[0]!.length;
  let rows = 0;
  for (let copy = 0; bytes < targetBytes; copy++) {
    const records = base.map((row) => {
      const shifted: Record<string, string> = { ...row, date: addDays(row.date as IsoDate, copy * span), notes: note() };
      return CSV_COLUMNS.map((column) => shifted[column] ?? '');
    });
    const text = Papa.unparse(records, { newline: '\n' }) + '\n';
    chunks.push(text);
    bytes += Buffer.byteLength(text);
    rows += records.length;
  }
  return { text: chunks.join(''), rows };
}
