// GPX and TCX are read as a stream of elements (htmlparser2's tokenizer in XML mode), not as a tree:
// a track is thousands of points and only a few fields of each are wanted, so building an object
// per element and per attribute (what a tree parser does) was most of an import's time. The
// tokenizer is driven directly rather than through htmlparser2's Parser: the Parser's HTML rules
// are not needed here, and its per-element work was a large part of the reading. What this hands
// over is what the Parser would: the same elements, attributes, text and implied closes.
import { QuoteType, Tokenizer } from 'htmlparser2';

export interface ElementVisitor {
  /** An element opens: its local name (namespace prefix removed) and its parent's. */
  open?(name: string, parent: string | null, attributes: Readonly<Record<string, string>>): void;
  /** An element closes, with the text directly inside it (entities decoded, CDATA included). */
  close?(name: string, parent: string | null, text: string): void;
}

export interface ElementsRead {
  /** Local name of the first element; null when the text holds no element at all. */
  root: string | null;
  /** False when the text ends before the root element closes (a cut-off download). */
  complete: boolean;
}

/**
 * GPX and TCX go about ten elements deep. A file nested far deeper (a hostile one) is refused: a
 * close tag that matches no open element is searched for through all of them, so such a file
 * would take time quadratic in its size.
 */
export const MAX_XML_DEPTH = 100;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function readElements(xml: string, visitor: ElementVisitor): ElementsRead {
  // Open elements, innermost last: as written (to match close tags) and by local name.
  const raw: string[] = [];
  const names: string[] = [];
  let text = '';
  let root: string | null = null;
  let complete = false;
  // The open tag being read: its name as written and its attributes so far.
  let tag = '';
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';

  const open = (): void => {
    if (names.length >= MAX_XML_DEPTH) throw new Error(`elements nested more than ${MAX_XML_DEPTH} deep: not a GPS file this can read`);
    const name = localName(tag);
    root ??= name;
    visitor.open?.(name, names.at(-1) ?? null, attributes);
    raw.push(tag);
    names.push(name);
    text = '';
  };
  const closeInnermost = (implied: boolean): void => {
    raw.pop();
    const name = names.pop()!;
    visitor.close?.(name, names.at(-1) ?? null, text);
    text = '';
    // Elements closed only because the text ended (or an outer element closed) were never closed in it.
    if (names.length === 0 && name === root && !implied) complete = true;
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = xml.slice(start, end);
        attributes = {};
      },
      onattribname(start, end) {
        attributeName = xml.slice(start, end);
      },
      onattribdata(start, end) {
        attributeValue += xml.slice(start, end);
      },
      onattribentity(codePoint) {
        attributeValue += String.fromCodePoint(codePoint);
      },
      onattribend(_quote: QuoteType) {
        // The first of two attributes with the same name is the one kept.
        if (!Object.hasOwn(attributes, attributeName)) attributes[attributeName] = attributeValue;
        attributeValue = '';
      },
      onopentagend() {
        open();
      },
      onselfclosingtag() {
        open();
        closeInnermost(true);
      },
      onclosetag(start, end) {
        // A close tag closes the innermost open element of its name, and every element inside it
        // (those implied); one that matches no open element is ignored.
        const at = raw.lastIndexOf(xml.slice(start, end));
        if (at === -1) return;
        while (raw.length > at + 1) closeInnermost(true);
        closeInnermost(false);
      },
      ontext(start, end) {
        text += xml.slice(start, end);
      },
      ontextentity(codePoint) {
        text += String.fromCodePoint(codePoint);
      },
      oncdata(start, end, offset) {
        text += xml.slice(start, end - offset);
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        while (raw.length > 0) closeInnermost(true);
      },
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
  return { root, complete };
}

// Powers of ten a double holds exactly: a decimal with fewer than 16 digits divided by one of these
// is rounded once, so it is the same double Number() reads from the text.
const EXACT_POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The plain decimal form track points carry millions of times (`59.8541545`, `-3`, `154.4`), read by
 * its digits; NaN for anything else (left to Number()).
 */
function plainDecimal(text: string): number {
  const length = text.length;
  let i = 0;
  const negative = text.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  let digits = 0;
  let value = 0;
  let fraction = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0; // '.'
    else return Number.NaN;
  }
  // No digit, a bare point, a trailing point, or too many digits to stay exact: Number() decides.
  if (digits === 0 || digits > 15 || fraction === 0) return Number.NaN;
  const n = fraction > 0 ? value / EXACT_POWERS[fraction]! : value;
  return negative ? -n : n;
}

/** A number from an element's text or an attribute; null when empty or not a number. */
export function numberOf(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const quick = plainDecimal(text);
  if (!Number.isNaN(quick)) return quick;
  // Number() skips surrounding white space itself, and reads white space alone as 0.
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  return n === 0 && text.trim() === '' ? null : n;
}

/** The number written by the `count` digits of `text` from `at`; -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** `YYYY-MM-DDTHH:MM:SSZ` exactly (the form nearly every track point has), read by its digits; NaN otherwise. */
function plainUtc(t: string): number {
  if (t.length !== 20 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84) return Number.NaN;
  if (t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58 || t.charCodeAt(19) !== 90) return Number.NaN;
  const year = digitsAt(t, 0, 4);
  const month = digitsAt(t, 5, 2);
  const day = digitsAt(t, 8, 2);
  const hour = digitsAt(t, 11, 2);
  const minute = digitsAt(t, 14, 2);
  const second = digitsAt(t, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** A date and time that ends in `Z` or an offset (`+02:00`, `-0500`). */
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** True for a date and time written without `Z` or an offset: local to where it was recorded. */
export function isZoneless(text: string): boolean {
  const t = text.trim();
  return /\d[T ]\d/.test(t) && !ZONED.test(t);
}

/**
 * Epoch ms of an XML dateTime; NaN when it is not one. A time without a zone is read as if it were
 * UTC (its wall clock, never the computer's zone: Date.parse would take that): the caller marks
 * the file's times as local and the journal's time zone places them (`settleLocalTimes`). Track
 * points carry `2024-03-10T07:00:00Z` thousands of times a file: that form is read by its digits.
 */
export function timeOf(text: string): number {
  const quick = plainUtc(text);
  if (!Number.isNaN(quick)) return quick;
  const t = text.trim();
  return Date.parse(isZoneless(t) ? `${t}Z` : t);
}
