// Hand-written journal CSVs: one run per row, header row first, names case-insensitive.
import Papa from 'papaparse';
import type { Problem, Profile, RunDraft } from '../types.ts';
import { csvHeadText } from './imports/csv-records.ts';
import { problem } from './problems.ts';
import {
  canonicalFieldName,
  KNOWN_RUN_FIELDS,
  parseRunRecord,
  toRunDraft,
  type FieldSource,
} from './run-record.ts';
import { unguardSpreadsheetText } from '../format/spreadsheet-text.ts';
import { NO_EXTRA, RUN_FIELDS, TEXT_RUN_FIELDS, type RunFieldName } from '../model/run-columns.ts';

const BOM = '\uFEFF';
const NO_ERRORS: readonly string[] = Object.freeze([]);

export interface CsvRow {
  /** The file's own line where the record starts (header = line 1, quoted newlines counted). */
  line: number;
  fields: string[];
  /** What is wrong with the row's quoting, as the `expected ...` clause. */
  errors: readonly string[];
}

/** Every non-blank record with the line it starts on. */
export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  forEachCsvRow(text, (row) => rows.push(row));
  return rows;
}

/** Hands over each non-blank record as it is parsed, so a large file's rows need not all be held at once. */
export function forEachCsvRow(text: string, visit: (row: CsvRow) => void): void {
  const body = oneKindOfLineBreak(text.startsWith(BOM) ? text.slice(BOM.length) : text);
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
      if (isBlankRecord(fields)) return;
      visit({ line: rowLine, fields, errors: result.errors.length === 0 ? NO_ERRORS : result.errors.map(expectedQuoting) });
    },
  });
}

/** A line feed that is not the end of a CRLF. */
const LONE_LF = /(?:^|[^\r])\n/;

/**
 * The text with CRLF read as LF when the file mixes both (a header saved on Windows, rows appended
 * elsewhere): Papaparse splits on the one line break it guesses, so a mixed file would read as one
 * row. Each CRLF stays one line break, so line numbers do not move. A file of one kind is left as it is.
 */
function oneKindOfLineBreak(text: string): string {
  if (!text.includes('\r\n') || !LONE_LF.test(text)) return text;
  return text.replaceAll('\r\n', '\n');
}

/** A record of empty or blank cells only (a blank line, or a row of commas). */
function isBlankRecord(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i]!.trim() !== '') return false;
  return true;
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
  const parsed = Papa.parse<string[]>(csvHeadText(text), { delimiter: ',', preview: 1 });
  return (parsed.data[0] ?? []).map((name) => name.trim());
}

/** A header column the rows are read by: its canonical name, its name as written, its index. */
interface Column {
  name: string;
  written: string;
  index: number;
}

/** Each run field's column, -1 when the header lacks it. */
type ColumnOf = Record<RunFieldName, number>;

/** The header once per file: where each field is, so every row is read in place. */
class CsvLayout {
  readonly columns: readonly Column[];
  /**
   * An object with every run field as a key, in one fixed order, rather than a Map: each field is
   * read at its own call site with its name as a constant, so a lookup is a plain property load.
   */
  readonly columnOf: ColumnOf;
  /** Columns that are not run fields, kept as each run's `extra`. */
  readonly unknownColumns: readonly Column[];
  constructor(columns: readonly Column[]) {
    this.columns = columns;
    const columnOf = {} as ColumnOf;
    for (const name of RUN_FIELDS) columnOf[name] = columns.find((column) => column.name === name)?.index ?? -1;
    this.columnOf = columnOf;
    this.unknownColumns = columns.filter((column) => !KNOWN_RUN_FIELDS.has(column.name));
  }
}

/**
 * The rows of one file read through its layout, one row at a time: a cell's text is read when asked,
 * nothing is copied, and one reader serves every row (a 100,000-row file makes no object per row here).
 */
class CsvRowFields implements FieldSource {
  private readonly layout: CsvLayout;
  private fields: readonly string[] = [];
  private rowLine = 0;
  constructor(layout: CsvLayout) {
    this.layout = layout;
  }
  /** Points the reader at the next row. */
  at(fields: readonly string[], rowLine: number): this {
    this.fields = fields;
    this.rowLine = rowLine;
    return this;
  }
  text(name: RunFieldName): string | undefined {
    const index = this.layout.columnOf[name];
    if (index < 0) return undefined;
    const text = this.fields[index];
    // The quote a tool put before a formula start comes off (format/spreadsheet-text.ts).
    return text !== undefined && TEXT_RUN_FIELDS.has(name) ? unguardSpreadsheetText(text) : text;
  }
  line(): number {
    return this.rowLine;
  }
  unknown(): Record<string, string> {
    if (this.layout.unknownColumns.length === 0) return NO_EXTRA;
    const extra: Record<string, string> = {};
    for (const column of this.layout.unknownColumns) {
      const text = this.fields[column.index] ?? '';
      if (text !== '') extra[column.written.trim()] = text;
    }
    return extra;
  }
}

export function parseRunsCsv(text: string, path: string, profile: Profile): { runs: RunDraft[]; problems: Problem[] } {
  const runs: RunDraft[] = [];
  const problems: Problem[] = [];
  // Rows are read as they are parsed: the first is the header; without date and distance, none are.
  let layout: CsvLayout | null = null;
  let reader: CsvRowFields | null = null;
  let width = 0;
  forEachCsvRow(text, (row) => {
    if (layout === null) {
      layout = new CsvLayout(readHeader(row, path, problems));
      reader = new CsvRowFields(layout);
      width = row.fields.length;
      return;
    }
    if (layout.columns.length === 0 || reader === null) return;
    const draft = parseRunRow(row, reader, width, path, profile, problems);
    if (draft) runs.push(draft);
  });
  return { runs, problems };
}

/** The columns rows are read by (first of each name); empty when the header lacks date or distance. */
function readHeader(header: CsvRow, path: string, problems: Problem[]): Column[] {
  const names = header.fields.map(canonicalFieldName);
  const headerAt = { path, line: header.line };
  const columns: Column[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') return;
    if (seen.has(name)) {
      problems.push(problem('error', headerAt, name, header.fields[i]?.trim() ?? name, 'each column name once in the header'));
    } else {
      seen.add(name);
      columns.push({ name, written: header.fields[i] ?? name, index: i });
    }
  });
  const missing = ['date', 'distance'].filter((name) => !seen.has(name));
  if (missing.length > 0) {
    const absent = missing.join(' and ');
    problems.push(
      problem('error', headerAt, 'header', header.fields.join(','), `a header row naming the ${absent} column${missing.length > 1 ? 's' : ''}`),
    );
    return [];
  }
  return columns;
}

function parseRunRow(row: CsvRow, reader: CsvRowFields, width: number, path: string, profile: Profile, problems: Problem[]): RunDraft | null {
  for (const expected of row.errors) problems.push(problem('error', { path, line: row.line }, 'row', null, expected));
  if (row.fields.length > width && row.fields.slice(width).some((f) => f.trim() !== '')) {
    problems.push(
      problem('error', { path, line: row.line }, 'row', `${row.fields.length} fields`, `${width} fields, one per header column (quote a value that contains a comma)`),
    );
  }
  const values = parseRunRecord(reader.at(row.fields, row.line), { path, line: row.line, unit: profile.units, requireDistance: true }, problems);
  return toRunDraft(values, { path, line: row.line, kind: 'csv' });
}
