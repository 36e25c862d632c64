// Records kept as tables: one table per calendar year, each record a row of values in a fixed
// column order. Astro serialises, bundles and parses its whole content store several times in
// every build; a record stored as an object spells out every field name, a row does not.

/** A record of `T` as a row: the values of `Columns`, in that order. */
export type Row<T, Columns extends ReadonlyArray<keyof T>> = { -readonly [I in keyof Columns]: T[Columns[I]] };

export interface YearTable<R> {
  /** `2024`: the year of the rows' dates. */
  year: string;
  rows: R[];
}

export function toRow<T, Columns extends ReadonlyArray<keyof T>>(columns: Columns, record: T): Row<T, Columns> {
  return columns.map((column) => record[column]) as Row<T, Columns>;
}

export function fromRow<T, Columns extends ReadonlyArray<keyof T>>(columns: Columns, row: Row<T, Columns>): T {
  const record: Partial<T> = {};
  columns.forEach((column, i) => {
    record[column] = (row as ReadonlyArray<T[keyof T]>)[i];
  });
  return record as T;
}

/** Records grouped by the year of their date, in the order given (years in order of first appearance). */
export function yearTables<T extends { date: string }, R>(records: readonly T[], row: (record: T) => R): YearTable<R>[] {
  const years = new Map<string, R[]>();
  for (const record of records) {
    const year = record.date.slice(0, 4);
    const rows = years.get(year);
    if (rows === undefined) years.set(year, [row(record)]);
    else rows.push(row(record));
  }
  return [...years].map(([year, rows]) => ({ year, rows }));
}
