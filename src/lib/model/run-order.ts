// The order runs are walked and listed in, shared by the reader, the engine and the pages.

/** Id order: the date, then the N of `YYYY-MM-DD-N` (so `-10` follows `-9`). */
export function compareRunIds(a: string, b: string): number {
  const dateA = a.slice(0, 10);
  const dateB = b.slice(0, 10);
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  // The first run of a day has no suffix: it is run 1.
  return Number(a.slice(11) || 1) - Number(b.slice(11) || 1);
}
