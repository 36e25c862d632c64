import { readFileSync } from 'node:fs';
import type { Problem } from '../../src/lib/types.ts';

/** Fixture folders as problems name them: relative to the repository root, where vitest runs. */
export const FIXTURES = 'tests/fixtures/journal';

export function fixture(path: string): string {
  return readFileSync(`${FIXTURES}/${path}`, 'utf8');
}

/** `line field value` triples: what a reader needs to find and fix each problem. */
export function located(problems: Problem[]): Array<[number | null, string | null, string | null]> {
  return problems.map((p) => [p.line, p.field, p.value]);
}
