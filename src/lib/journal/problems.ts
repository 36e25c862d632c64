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

export function formatProblem(p: Problem): string {
  const parts = [problemLocation(p)];
  if (p.field !== null) parts.push(`${p.field}:`);
  const got = p.value === null ? '' : `got "${p.value}", `;
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
