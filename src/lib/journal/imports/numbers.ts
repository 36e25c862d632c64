// Numbers and durations as exports write them: `--` for missing, `"4,808"`, `5,03`, `1:02:03.4`.

/** True for the cells exports use to mean "no value". */
export function isMissing(cell: string | undefined): boolean {
  const value = (cell ?? '').trim();
  return value === '' || value === '--' || value.toLowerCase() === 'no';
}

/**
 * A number in either convention. With both `,` and `.`, the last one is the decimal mark; a lone
 * `,` followed by exactly three digits groups thousands (`4,808`), otherwise it is a decimal comma
 * (`5,03`).
 */
export function parseLocaleNumber(cell: string | undefined): number | null {
  if (isMissing(cell)) return null;
  let value = cell!.trim().replace(/[\s\u00a0\u202f']/g, '');
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    value = comma > dot ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  } else if (comma >= 0) {
    value = /^-?\d{1,3}(,\d{3})+$/.test(value) ? value.replace(/,/g, '') : value.replace(',', '.');
  } else if ((value.match(/\./g) ?? []).length > 1) {
    value = value.replace(/\./g, '');
  }
  if (!/^-?\d*\.?\d+$/.test(value)) return null;
  return Number(value);
}

/** `HH:MM:SS(.s)`, `MM:SS` or plain seconds → seconds; null when unreadable. */
export function parseDuration(cell: string | undefined): number | null {
  if (isMissing(cell)) return null;
  const value = cell!.trim();
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)$/.exec(value);
  if (match) {
    return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]!.replace(',', '.'));
  }
  return parseLocaleNumber(value);
}
