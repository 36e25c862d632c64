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
  const source = text.replace(/^\uFEFF/, '');
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

/** Reads only the header line(s) of a CSV: enough to recognise its layout. */
export function readCsvHeader(text: string): string[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1 });
  return (parsed.data[0] ?? []).map((c) => c.trim());
}
