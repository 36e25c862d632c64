// GPX and TCX are read as a stream of elements (htmlparser2 in XML mode), not as a tree: a track
// is thousands of points and only a few fields of each are wanted, so building an object per
// element and per attribute (what a tree parser does) was most of an import's time.
import { Parser } from 'htmlparser2';

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
 * GPX and TCX go about ten elements deep. The parser's cost per element grows with the depth, so a
 * file nested far deeper (a hostile one) would take time quadratic in its size: it is refused.
 */
export const MAX_XML_DEPTH = 100;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function readElements(xml: string, visitor: ElementVisitor): ElementsRead {
  const stack: string[] = [];
  let text = '';
  let root: string | null = null;
  let complete = false;
  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        if (stack.length >= MAX_XML_DEPTH) throw new Error(`elements nested more than ${MAX_XML_DEPTH} deep: not a GPS file this can read`);
        const name = localName(rawName);
        root ??= name;
        visitor.open?.(name, stack.at(-1) ?? null, attributes);
        stack.push(name);
        text = '';
      },
      ontext(chunk) {
        text += chunk;
      },
      onclosetag(rawName, isImplied) {
        const name = stack.pop() ?? localName(rawName);
        visitor.close?.(name, stack.at(-1) ?? null, text);
        text = '';
        // Elements the parser closes itself at the end of the text were never closed in it.
        if (stack.length === 0 && name === root && !isImplied) complete = true;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { root, complete };
}

/** A number from an element's text or an attribute; null when empty or not a number. */
export function numberOf(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  // Number() skips surrounding white space itself, and reads white space alone as 0.
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  return n === 0 && text.trim() === '' ? null : n;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$/;

/**
 * Epoch ms of an XML dateTime, as Date.parse reads it; NaN when it is not one. Track points carry
 * `2024-03-10T07:00:00Z` thousands of times a file: that form is read by its digits, the rest by Date.parse.
 */
export function timeOf(text: string): number {
  const t = text.trim();
  const m = ISO_UTC.exec(t);
  if (!m) return Date.parse(t);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const year = Number(m[1]);
  // Out of the plain ranges, Date.parse decides (it is the reference this must agree with; and
  // Date.UTC would read years 0–99 as 1900–1999).
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return Date.parse(t);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}
