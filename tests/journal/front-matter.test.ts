import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/lib/journal/front-matter.ts';
import { fixture, located } from './helpers.ts';

describe('parseFrontMatter', () => {
  it('gives each field its file line, lists as items, and the body', () => {
    const fm = parseFrontMatter(fixture('good/journal/2024/2024-02-10-trail.mdx'), 'trail.mdx');
    expect(fm.problems).toEqual([]);
    expect(fm.readable).toBe(true);
    const lines = Object.fromEntries([...fm.fields].map(([name, f]) => [name, f.line]));
    expect(lines).toEqual({ date: 2, distance: 3, time: 4, title: 5, type: 6, elevation: 7, tags: 8, shoes: 11, private: 12 });
    expect(fm.fields.get('tags')).toMatchObject({ text: 'trail;hills', list: ['trail', 'hills'] });
    expect(fm.fields.get('distance')?.text).toBe('12.5');
    // YAML 1.2: a time like 1:30:00 stays text, not a base-60 number.
    expect(fm.fields.get('time')?.text).toBe('1:30:00');
    expect(fm.body).toBe("import Photo from '../components/Photo.astro';\n\nMist on the hills.\n");
  });

  it('a repeated key is an error on the repeat, and the first value counts', () => {
    const fm = parseFrontMatter(fixture('bad/journal/dup-key.md'), 'dup-key.md');
    expect(located(fm.problems)).toEqual([[4, 'title', null]]);
    expect(fm.problems[0]?.message).toBe('expected each field once in the front matter');
    expect(fm.fields.get('title')?.text).toBe('Once');
  });

  it('invalid YAML is an error with a line, and nothing is read', () => {
    const fm = parseFrontMatter(fixture('bad/journal/bad-yaml.md'), 'bad-yaml.md');
    expect(fm.readable).toBe(false);
    expect(located(fm.problems)).toEqual([[4, 'front matter', null]]);
    expect(fm.problems[0]?.message).toMatch(/^expected valid YAML \(.+\)$/);
  });

  it('a file without front matter, or without its closing line, is an error on line 1', () => {
    const missing = parseFrontMatter(fixture('bad/journal/no-front-matter.md'), 'x.md');
    expect(located(missing.problems)).toEqual([[1, 'front matter', null]]);
    const unclosed = parseFrontMatter('---\ndate: 2024-01-01\nbody', 'y.md');
    expect(unclosed.problems[0]?.message).toBe('expected a closing "---" line after the front matter');
  });

  it('handles BOM and CRLF', () => {
    const fm = parseFrontMatter('\uFEFF---\r\ndate: 2024-01-01\r\nfeeling: 4\r\n---\r\nHi\r\n', 'z.md');
    expect(fm.problems).toEqual([]);
    expect([...fm.fields].map(([n, f]) => [n, f.text, f.line])).toEqual([
      ['date', '2024-01-01', 2],
      ['feeling', '4', 3],
    ]);
    expect(fm.body).toBe('Hi\r\n');
  });

  it('a nested value is an error naming its field', () => {
    const fm = parseFrontMatter('---\ndate: 2024-01-01\ndistance:\n  km: 5\n---\n', 'n.md');
    expect(located(fm.problems)).toEqual([[3, 'distance', null]]);
  });
});
