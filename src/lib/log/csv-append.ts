// Appending one run to a journal CSV without disturbing a byte of what is already there.
// The new row follows the file's own conventions: its line ending, its column order, its
// quoting style; the existing text is kept exactly (BOM, unknown columns, trailing newline or not).
import Papa from 'papaparse';
import { canonicalFieldName } from '../journal/run-record.ts';
import { guardSpreadsheetText } from '../format/spreadsheet-text.ts';
import { RUN_FIELDS, TEXT_RUN_FIELDS } from '../model/run-columns.ts';

/** Values by canonical (lowercase) column name, as the runner typed them. */
export type RowValues = Record<string, string>;

/** The header a new journal file starts with: every run column, in the documented order. */
export const NEW_FILE_COLUMNS: readonly string[] = RUN_FIELDS.filter((name) => name !== 'virtual');

const BOM = '\uFEFF';

export interface CsvLayout {
  bom: boolean;
  /** `\n`, `\r\n` or (old Mac files) `\r`, as the file writes its records. */
  eol: string;
  /** Column names as the header spells them. */
  header: string[];
  /** Per column: quoted even when the value does not need it. */
  quoteColumns: boolean[];
  endsWithNewline: boolean;
  /** True when the text holds no header yet (empty, or only a BOM / blank lines). */
  empty: boolean;
}

export class MissingColumnsError extends Error {
  readonly columns: string[];
  constructor(columns: string[]) {
    const list = columns.map((c) => `"${c}"`).join(', ');
    super(`the journal has no ${list} column${columns.length > 1 ? 's' : ''}: add ${list} to its header row to log ${columns.length > 1 ? 'these' : 'this'}`);
    this.name = 'MissingColumnsError';
    this.columns = columns;
  }
}

function parseRecords(text: string): { records: Array<{ fields: string[]; raw: string }>; eol: string } {
  const records: Array<{ fields: string[]; raw: string }> = [];
  let previous = 0;
  let eol = '\n';
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step(result) {
      const cursor = result.meta.cursor;
      // papaparse's cursor sits before the record's line break: trim breaks off both ends.
      const raw = text.slice(previous, cursor).replace(/^(\r\n|\n|\r)/, '').replace(/(\r\n|\n|\r)$/, '');
      previous = cursor;
      eol = result.meta.linebreak;
      const fields = result.data;
      if (fields.length === 1 && fields[0] === '') return;
      records.push({ fields, raw });
    },
  });
  return { records, eol: eol === '\r\n' || eol === '\r' ? eol : '\n' };
}

function unparse(fields: string[], quotes: boolean | boolean[], eol: string): string {
  return Papa.unparse([fields], { quotes, newline: eol, header: false });
}

/** Which columns the record quotes, when that can be read back exactly; otherwise quote only where needed. */
function quotingOf(record: { fields: string[]; raw: string }, eol: string): boolean[] {
  const n = record.fields.length;
  // A naive split is right whenever no quoted field holds a comma; the round-trip check below proves it.
  const naive = record.raw.split(',').map((token) => token.startsWith('"'));
  const candidates = [naive, new Array<boolean>(n).fill(true), new Array<boolean>(n).fill(false)];
  for (const flags of candidates) {
    if (flags.length === n && unparse(record.fields, flags, eol) === record.raw) return flags;
  }
  return new Array<boolean>(n).fill(false);
}

export function readLayout(fileText: string): CsvLayout {
  const bom = fileText.startsWith(BOM);
  const text = bom ? fileText.slice(1) : fileText;
  const endsWithNewline = /[\r\n]$/.test(text);
  const { records, eol } = parseRecords(text);
  const headerRecord = records[0];
  if (headerRecord === undefined) {
    return { bom, eol: /\r\n/.test(text) ? '\r\n' : '\n', header: [], quoteColumns: [], endsWithNewline, empty: true };
  }
  const last = records[records.length - 1] ?? headerRecord;
  const header = headerRecord.fields;
  const quoting = quotingOf(last.fields.length === header.length ? last : headerRecord, eol);
  return { bom, eol, header, quoteColumns: header.map((_, i) => quoting[i] ?? false), endsWithNewline, empty: false };
}

/** Columns named in `values` (with a non-empty value) that the file's header lacks. */
export function missingColumns(fileText: string, values: RowValues): string[] {
  const layout = readLayout(fileText);
  if (layout.empty) return [];
  const present = new Set(layout.header.map(canonicalFieldName));
  return Object.keys(values).filter((name) => values[name] !== '' && !present.has(canonicalFieldName(name)));
}

/**
 * The values as a journal CSV holds them: text that a spreadsheet would run as a formula behind a
 * quote the reader takes off again (format/spreadsheet-text.ts); numbers, dates and flags as typed.
 */
export function spreadsheetSafe(values: RowValues): RowValues {
  const safe: RowValues = {};
  for (const [name, value] of Object.entries(values)) safe[name] = TEXT_RUN_FIELDS.has(canonicalFieldName(name)) ? guardSpreadsheetText(value) : value;
  return safe;
}

/** The text a brand-new journal file starts with, holding this one run. */
export function newJournalText(values: RowValues, eol = '\n'): string {
  const columns = [...NEW_FILE_COLUMNS];
  for (const name of Object.keys(values)) if (!columns.includes(name)) columns.push(name);
  return unparse(columns, false, eol) + eol + unparse(columns.map((c) => values[c] ?? ''), false, eol) + eol;
}

export interface AppendResult {
  text: string;
  /** What follows the file's old text: `text` is the old text then this (append these bytes, never rewrite the old). */
  addition: string;
  /** 1-based line of the new record in the new text (the line `check` would name). */
  line: number;
}

function lineCount(text: string): number {
  return (text.match(/\r\n|\n|\r/g) ?? []).length;
}

/**
 * The file's text with one more record at the end. Throws MissingColumnsError when a value has no column.
 * An empty (or blank) file gets a header first.
 */
export function appendRow(fileText: string, typed: RowValues): AppendResult {
  const values = spreadsheetSafe(typed);
  const layout = readLayout(fileText);
  if (layout.empty) {
    // Keep whatever was there (a BOM, blank lines) and start the header on a line of its own.
    const bare = layout.bom ? fileText.slice(1) : fileText;
    const separator = bare === '' || layout.endsWithNewline ? '' : layout.eol;
    const addition = separator + newJournalText(values, layout.eol);
    return { text: fileText + addition, addition, line: lineCount(fileText + separator) + 2 };
  }
  const missing = missingColumns(fileText, values);
  if (missing.length > 0) throw new MissingColumnsError(missing);
  const byName = new Map(Object.entries(values).map(([k, v]) => [canonicalFieldName(k), v]));
  const fields = layout.header.map((name) => byName.get(canonicalFieldName(name)) ?? '');
  const row = unparse(fields, layout.quoteColumns, layout.eol);
  // A file without a final line break keeps ending without one.
  const addition = layout.endsWithNewline ? row + layout.eol : layout.eol + row;
  return { text: fileText + addition, addition, line: lineCount(fileText) + (layout.endsWithNewline ? 1 : 2) };
}
