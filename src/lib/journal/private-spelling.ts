// The one rule for a field name that means `private` but is not spelled so (`privat`, `is_private`,
// `private?`, `Privaat`): rewards.md and a story's front matter warn at its line, since a privacy
// flag read as nothing makes the run, story or reward public without a word.

const PRIVATE = 'private';

/** Letters only, lowercased: `is_private?` → `isprivate`. */
function lettersOf(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** Edits (insert, delete, change, swap of two neighbours) from `a` to `b`. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether `name` (a field name as written) is a near miss of `private`: not `private` itself,
 * but holding it (`is_private`, `private?`, `private_run`) or two edits from it (`privat`, `pirvate`).
 */
export function isNearPrivate(name: string): boolean {
  if (name.trim().toLowerCase() === PRIVATE) return false;
  const letters = lettersOf(name);
  if (letters.length > 40) return false;
  if (letters.includes('privat')) return true;
  return letters.length >= 5 && editDistance(letters, PRIVATE) <= 2;
}

/** The words of a line that are near `private` or are it: for a line under a reward that is not read. */
export function mentionsPrivate(text: string): boolean {
  return text.split(/[^\p{L}_?]+/u).some((word) => word.trim().toLowerCase() === PRIVATE || isNearPrivate(word));
}

/** What a near-miss warning expects. */
export const PRIVATE_SPELLING_EXPECTED = 'the field "private" spelled so (like "private: yes"); this one is not read, so what it marks is public';
