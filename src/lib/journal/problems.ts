// One wording for every problem: `path:line: field: got "X", expected Y`.
// `Problem.message` always holds the `expected ...` clause, so tools can show it alone.
import type { Problem, Severity } from '../types.ts';

export function problem(
  severity: Severity,
  at: { path: string; line: number | null },
  field: string | null,
  value: string | null,
  expected: string,
): Problem {
  return { severity, path: at.path, line: at.line, field, value, message: `expected ${expected}` };
}

/** `path:line:` (or `path:` for a whole file): what editors and terminals turn into a link. */
export function problemLocation(p: Problem): string {
  return p.line === null ? `${p.path}:` : `${p.path}:${p.line}:`;
}

/** Longest value a problem line quotes: a 10 MB field must not become a 10 MB line. */
const MAX_SHOWN_VALUE = 100;

/**
 * A value as a problem line quotes it: on one line (line breaks and control characters escaped),
 * with bidi controls escaped so they cannot reorder the terminal line, and shortened.
 */
function shownValue(value: string): string {
  const oneLine = value.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const chars = [...oneLine];
  return chars.length > MAX_SHOWN_VALUE ? `${chars.slice(0, MAX_SHOWN_VALUE - 1).join('')}…` : oneLine;
}

export function formatProblem(p: Problem): string {
  const parts = [problemLocation(p)];
  if (p.field !== null) parts.push(`${shownValue(p.field)}:`);
  const got = p.value === null ? '' : `got "${shownValue(p.value)}", `;
  parts.push(`${got}${p.message}`);
  return parts.join(' ');
}

/** By path, then line (stable: problems of one line keep their order), so a listing reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

export function splitProblems(problems: Problem[]): { errors: Problem[]; warnings: Problem[] } {
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}
