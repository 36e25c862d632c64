// A journal file's bytes as text. Files are meant to be UTF-8; bytes that are not (a file saved as
// Latin-1 or Windows-1252) would reach the site as "�", so each file that holds some gets a warning
// naming its first such line. The text itself is decoded as before: nothing is refused or rewritten.
import { isUtf8 } from 'node:buffer';
import type { Problem } from '../types.ts';
import { problem } from './problems.ts';

const LF = 0x0a;
const CR = 0x0d;

/** Bytes of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let continuations: number;
  // The second byte's range narrows for overlong forms, surrogates and code points above U+10FFFF.
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) continuations = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    continuations = 2;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    continuations = 3;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k <= continuations; k++) {
    const byte = bytes[i + k];
    if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return 0;
  }
  return continuations + 1;
}

/** Characters quoted before the first bad byte, and bytes quoted from it: a problem line stays short. */
const CONTEXT_BEFORE = 40;
const BYTES_AFTER = 120;

const isContinuation = (byte: number): boolean => byte >= 0x80 && byte <= 0xbf;

/**
 * The line around its first bad byte: UTF-8 shown as text, every other byte written `\xNN`. Only a
 * window is looked at, so a bad byte at the end of a 10 MB line costs no more than one near its start.
 */
function shownLine(bytes: Uint8Array, start: number, end: number, firstBad: number): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = firstBad;
  for (let chars = 0; from > start && chars < CONTEXT_BEFORE; chars++) {
    from--;
    while (from > start && isContinuation(bytes[from]!)) from--;
  }
  const to = Math.min(end, firstBad + BYTES_AFTER);
  let shown = from > start ? '…' : '';
  let run = from;
  let i = from;
  while (i < to) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      if (i + length > to) break; // a character the window cuts: left out
      i += length;
      continue;
    }
    shown += `${buffer.toString('utf8', run, i)}\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
    i++;
    run = i;
  }
  return `${shown}${buffer.toString('utf8', run, i)}${i < end ? '…' : ''}`;
}

/** The warning for bytes that are not UTF-8, at the first line holding some; null when all are UTF-8. */
export function invalidUtf8Warning(bytes: Uint8Array, path: string): Problem | null {
  if (isUtf8(bytes)) return null;
  let line = 1;
  let lineStart = 0;
  let first: { line: number; start: number; bad: number } | null = null;
  let badLines = 0;
  let lineHasBad = false;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    // Lines end as an editor counts them: LF, CRLF or a lone CR.
    if (byte === LF || byte === CR) {
      i += byte === CR && bytes[i + 1] === LF ? 2 : 1;
      line++;
      lineStart = i;
      lineHasBad = false;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (!lineHasBad) badLines++;
      lineHasBad = true;
      first ??= { line, start: lineStart, bad: i };
      i++;
    } else {
      i += length;
    }
  }
  if (first === null) return null;
  let end = first.bad;
  while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
  const others = badLines - 1;
  const more = others === 0 ? '' : `; ${others} more line${others === 1 ? '' : 's'} too`;
  return problem(
    'warning',
    { path, line: first.line },
    'text',
    shownLine(bytes, first.start, end, first.bad),
    `UTF-8 text (bytes written \\xNN here are not UTF-8 and show as "\uFFFD" on the site: save the file as UTF-8${more})`,
  );
}

/** The file's text, and the warning when some of its bytes are not UTF-8. */
export function decodeJournalText(bytes: Uint8Array, path: string): { text: string; problems: Problem[] } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const warning = invalidUtf8Warning(bytes, path);
  return { text, problems: warning === null ? [] : [warning] };
}
