// CSV records with the line each starts on, so a problem can name it (descriptions may span lines).
import Papa from 'papaparse';

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export function readCsvRecords(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRecord[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const start = consumed;
      consumed = result.meta.cursor;
      const cells = result.data;
      const recordLine = line;
      line += countNewlines(source, start, consumed);
      if (cells.length === 1 && cells[0] === '') return;
      rows.push({ cells, line: recordLine });
    },
  });
  const [head, ...records] = rows;
  return { header: head ? head.cells.map((c) => c.trim()) : [], records };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** A header is read from the file's first this many characters (a whole 100,000-row file is 7 MB). */
const HEAD_CHARS = 65_536;

/**
 * The start of a CSV, BOM dropped, that holds its header record: the first HEAD_CHARS characters
 * when a line ends within them, else the whole text (a header that long is read whole).
 */
export function csvHeadText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length <= HEAD_CHARS) return body;
  const head = body.slice(0, HEAD_CHARS);
  return head.includes('\n') || head.includes('\r') ? head : body;
}

/** Reads only the header line(s) of a CSV: enough to recognise its layout. */
export function readCsvHeader(text: string): string[] {
  const parsed = Papa.parse<string[]>(csvHeadText(text), { preview: 1 });
  return (parsed.data[0] ?? []).map((c) => c.trim());
}
