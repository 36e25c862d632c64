// Near-miss spellings of `private` in a story's front matter, read from a real journal folder: each
// warns at its own line (a story marked `privat: yes` is public, so the runner must hear of it).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/lib/journal/read-journal.ts';
import { isNearPrivate } from '../../src/lib/journal/private-spelling.ts';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function journalWith(stories: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-private-spelling-'));
  made.push(dir);
  await writeFile(join(dir, 'runs.csv'), 'date,distance,time\n2025-03-01,5,30:00\n2025-03-08,6,36:00\n');
  await mkdir(join(dir, 'journal'));
  for (const [name, text] of Object.entries(stories)) await writeFile(join(dir, 'journal', name), text);
  return dir;
}

describe('near-miss spellings of private in front matter', () => {
  it('warns at the line of privat:, is_private: and private?: in a story, and a private: story is quiet', async () => {
    const dir = await journalWith({
      'a.md': '---\ndate: 2025-03-01\ntitle: Hills\nprivat: yes\n---\nThe hill by the school.\n',
      'b.md': '---\ndate: 2025-03-08\nis_private: yes\n"private?": true\n---\nAlone.\n',
      'c.md': '---\ndate: 2025-03-15\ndistance: 4\nprivate: yes\n---\nMy own.\n',
    });
    const journal = await readJournal(dir);
    expect(journal.errors).toEqual([]);
    expect(journal.warnings.map((p) => [p.path.slice(p.path.indexOf('journal/')), p.line, p.field, p.value])).toEqual([
      ['journal/a.md', 4, 'privat', 'yes'],
      ['journal/b.md', 3, 'is_private', 'yes'],
      ['journal/b.md', 4, 'private?', 'true'],
    ]);
    expect(journal.warnings.every((p) => p.message.includes('"private"'))).toBe(true);
    // Warned, not guessed: the story it marks is public until the runner spells it.
    expect(journal.stories.find((s) => s.id === 'journal/a')?.private).toBe(false);
    expect(journal.stories.find((s) => s.id === 'journal/c')?.private).toBe(true);
  });

  it('is one rule: near misses in, the field itself and other fields out', () => {
    expect(['privat', 'Privaat', 'is_private', 'private?', 'pirvate', 'privte', 'private_run', 'PRIVATE:'].map(isNearPrivate)).toEqual(
      Array(8).fill(true),
    );
    expect(['private', ' Private ', 'title', 'tags', 'priority', 'pace', 'virtual', 'race'].map(isNearPrivate)).toEqual(Array(8).fill(false));
  });
});
