// `---` YAML front matter of journal entries, goals and the profile, with each field's line.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from '../types.ts';
import { problem } from './problems.ts';
import { canonicalFieldName, type RawField } from './run-record.ts';

export interface FrontMatterField extends RawField {
  /** The items when the value is a YAML list (tags, fonts); null for a single value. */
  list: string[] | null;
  /** The line of each item of `list`, in its order; null for a single value. */
  listLines: number[] | null;
  /** The keys and values, each with its line, when the value is a map of single values (`bests`). */
  entries?: Array<{ key: string; text: string; line: number }>;
}

export interface FrontMatter {
  /** Fields by lowercased name; the first wins when a key repeats (that is an error too). */
  fields: Map<string, FrontMatterField>;
  body: string;
  /** False when the YAML could not be read at all: callers skip their own field checks. */
  readable: boolean;
  problems: Problem[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/** `maps`: accept a map of single values as a field (the profile's `bests`); elsewhere it is an error. */
export function parseFrontMatter(text: string, path: string, options: { maps?: boolean } = {}): FrontMatter {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const fields = new Map<string, FrontMatterField>();
  const open = OPENING.exec(source);
  if (!open) {
    const p = problem('error', { path, line: 1 }, 'front matter', null, 'a front matter between "---" lines at the top of the file');
    return { fields, body: source, readable: false, problems: [p] };
  }
  const rest = source.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close) {
    const p = problem('error', { path, line: 1 }, 'front matter', null, 'a closing "---" line after the front matter');
    return { fields, body: '', readable: false, problems: [p] };
  }
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  // The YAML starts on line 2, after the opening `---`.
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const problems: Problem[] = [];
  let readable = true;

  for (const error of doc.errors) {
    const line = lineOf(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(yamlText.slice(error.pos[0]))?.[0].trim() ?? null;
      problems.push(problem('error', { path, line }, key, null, 'each field once in the front matter'));
    } else {
      readable = false;
      const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? '';
      problems.push(problem('error', { path, line }, 'front matter', null, `valid YAML (${reason})`));
    }
  }
  if (!readable) return { fields, body, readable, problems };

  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    const line = lineOf(contents.range?.[0] ?? 0);
    problems.push(problem('error', { path, line }, 'front matter', null, 'fields like "date: 2025-03-14", one per line'));
    return { fields, body, readable: false, problems };
  }
  for (const pair of contents?.items ?? []) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) continue;
    const name = String(key.value ?? '');
    const canonical = canonicalFieldName(name);
    const line = lineOf(key.range?.[0] ?? 0);
    if (fields.has(canonical)) continue;
    const value = pair.value as Node | null;
    if (value === null || isScalar(value)) {
      fields.set(canonical, { name, text: scalarText(value?.value), line, list: null, listLines: null });
    } else if (isSeq(value) && value.items.every((item) => isScalar(item))) {
      const items = value.items
        .map((item) => ({ text: scalarText(isScalar(item) ? item.value : null), line: lineOf((item as Node).range?.[0] ?? 0) }))
        .filter((item) => item.text !== '');
      const list = items.map((item) => item.text);
      fields.set(canonical, { name, text: list.join(';'), line, list, listLines: items.map((item) => item.line) });
    } else if (options.maps && isMap(value) && value.items.every((item) => isScalar(item.key) && (item.value === null || isScalar(item.value)))) {
      const entries = value.items.map((item) => {
        const key = item.key as Node;
        return {
          key: scalarText(isScalar(key) ? key.value : null),
          text: scalarText(isScalar(item.value) ? item.value.value : null),
          line: lineOf(key.range?.[0] ?? 0),
        };
      });
      fields.set(canonical, { name, text: '', line, list: null, listLines: null, entries });
    } else {
      problems.push(problem('error', { path, line }, name, null, 'a single value or a list of values'));
    }
  }
  return { fields, body, readable, problems };
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

