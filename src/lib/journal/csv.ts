// Hand-written journal CSVs: one run per row, header row first, names case-insensitive.
import Papa from 'papaparse';
import type { Problem, Profile, RunDraft } from '../types.ts';
import { problem } from './problems.ts';
import { canonicalFieldName, parseRunRecord, toRunDraft, type RawRecord } from './run-record.ts';

const BOM = '\uFEFF';

export interface CsvRow {
  /** The file's own line where the record starts (header = line 1, quoted newlines counted). */
  line: number;
  fields: string[];
  /** What is wrong with the row's quoting, as the `expected ...` clause. */
  errors: string[];
}

/** Every non-blank record with the line it starts on. */
export function parseCsvRows(text: string): CsvRow[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const rows: CsvRow[] = [];
  let offset = 0;
  let line = 1;
  let newline = '\n';
  Papa.parse<string[]>(body, {
    delimiter: ',',
    step(result) {
      const start = offset;
      offset = result.meta.cursor;
      const rowLine = line;
      // Papaparse's cursor sits after the record and its line break: count the breaks it consumed.
      newline = result.meta.linebreak || newline;
      line += countOccurrences(body, newline === '\r' ? '\r' : '\n', start, offset);
      const fields = result.data;
      if (fields.every((f) => f.trim() === '')) return;
      rows.push({ line: rowLine, fields, errors: result.errors.map(expectedQuoting) });
    },
  });
  return rows;
}

function expectedQuoting(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'a closing quote (") for the value opened on this line';
  if (error.code === 'InvalidQuotes') return 'quotes inside a quoted value to be doubled ("")';
  return `well-formed CSV (${error.message})`;
}

function countOccurrences(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** The header row's names as written (empty for an empty file). */
export function csvHeader(text: string): string[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const firstLines = body.slice(0, 4096);
  const parsed = Papa.parse<string[]>(firstLines, { delimiter: ',', preview: 1 });
  return (parsed.data[0] ?? []).map((name) => name.trim());
}

export function parseRunsCsv(text: string, path: string, profile: Profile): { runs: RunDraft[]; problems: Problem[] } {
  const rows = parseCsvRows(text);
  const runs: RunDraft[] = [];
  const problems: Problem[] = [];
  const [header, ...records] = rows;
  if (header === undefined) return { runs, problems };

  const names = header.fields.map(canonicalFieldName);
  const headerAt = { path, line: header.line };
  const firstIndex = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    if (firstIndex.has(name)) {
      problems.push(problem('error', headerAt, name, header.fields[i]?.trim() ?? name, 'each column name once in the header'));
    } else {
      firstIndex.set(name, i);
    }
  });
  const missing = ['date', 'distance'].filter((name) => !firstIndex.has(name));
  if (missing.length > 0) {
    const columns = missing.join(' and ');
    problems.push(
      problem('error', headerAt, 'header', header.fields.join(','), `a header row naming the ${columns} column${missing.length > 1 ? 's' : ''}`),
    );
    return { runs, problems };
  }

  for (const row of records) {
    const at = { path, line: row.line };
    for (const expected of row.errors) problems.push(problem('error', at, 'row', null, expected));
    const surplus = row.fields.slice(names.length);
    if (surplus.some((f) => f.trim() !== '')) {
      problems.push(
        problem('error', at, 'row', `${row.fields.length} fields`, `${names.length} fields, one per header column (quote a value that contains a comma)`),
      );
    }
    const record: RawRecord = new Map();
    for (const [name, i] of firstIndex) {
      record.set(name, { name: header.fields[i] ?? name, text: row.fields[i] ?? '', line: row.line });
    }
    const { values, problems: fieldProblems } = parseRunRecord(record, { path, line: row.line, unit: profile.units, requireDistance: true });
    problems.push(...fieldProblems);
    const draft = toRunDraft(values, { path, line: row.line, kind: 'csv' });
    if (draft) runs.push(draft);
  }
  return { runs, problems };
}
