// The walk's slugs: unique per date whatever order the wins of a date come in, an earlier
// (back-dated) win included, with -2, -3... for later duplicates only.
import { describe, expect, it } from 'vitest';
import { KIND_ORDER } from '../../src/lib/model/kinds.ts';
import { createWalk } from '../../src/lib/wins/walk.ts';
import { compareRunIds } from '../../src/lib/model/run-order.ts';
import { createNameSlugger } from '../../src/lib/format/slug.ts';
import { makeProfile, makeRun } from './make-run.ts';

describe('createWalk slugs', () => {
  it('numbers duplicates on their date, for wins on the current date and for wins dated earlier', () => {
    const { walk, advance } = createWalk(makeProfile(), [], KIND_ORDER);
    const emit = (runDate: string, name: string, date?: string): string => {
      const run = makeRun({ date: runDate, km: 5 });
      return walk.emit(run, { kind: 'custom', name, title: name, value: 5000, unit: 'm', ...(date ? { date } : {}) }).slug;
    };
    advance(makeRun({ date: '2024-01-01', km: 5 }), 0);
    expect(emit('2024-01-01', 'x')).toBe('2024-01-01-x');
    expect(emit('2024-01-01', 'x')).toBe('2024-01-01-x-2');
    expect(emit('2024-01-05', 'x')).toBe('2024-01-05-x');
    // Dated on days the walk has left: the one it has slugs for, and one it never saw.
    expect(emit('2024-01-05', 'x', '2024-01-01')).toBe('2024-01-01-x-3');
    expect(emit('2024-01-05', 'y', '2024-01-03')).toBe('2024-01-03-y');
    expect(emit('2024-01-05', 'y', '2024-01-03')).toBe('2024-01-03-y-2');
    expect(emit('2024-01-05', 'y', '2023-12-31')).toBe('2023-12-31-y');
    // A plain slug that looks like a numbered one is taken too.
    expect(emit('2024-01-05', 'x-2')).toBe('2024-01-05-x-2');
    expect(emit('2024-01-05', 'x')).toBe('2024-01-05-x-3');
    expect(emit('2024-01-09', 'x')).toBe('2024-01-09-x');
  });
});

describe('compareRunIds', () => {
  it('orders by date, then by the number after it (-10 after -9), the plain id first', () => {
    const ids = ['2024-03-02-10', '2024-03-01-2', '2024-03-02', '2024-03-02-9', '2023-12-31-3', '2024-03-02-2', '2024-03-01'];
    expect([...ids].sort(compareRunIds)).toEqual(['2023-12-31-3', '2024-03-01', '2024-03-01-2', '2024-03-02', '2024-03-02-2', '2024-03-02-9', '2024-03-02-10']);
    expect(compareRunIds('2024-03-02-2', '2024-03-02-2')).toBe(0);
  });
});

describe('createNameSlugger', () => {
  it('slugs a name once, folds accents, cuts long names at a word and falls back when nothing is left', () => {
    const slugOf = createNameSlugger(20, 'race');
    expect(slugOf('Göteborgsvarvet — Half')).toBe('goteborgsvarvet-half');
    expect(slugOf('Lakeside parkrun #12')).toBe('lakeside-parkrun-12');
    expect(slugOf('A very long race name indeed')).toBe('a-very-long-race-nam');
    expect(slugOf('Nineteen characters here')).toBe('nineteen-characters');
    expect(slugOf('✨🏃')).toBe('race');
    expect(slugOf('Lakeside parkrun #12')).toBe('lakeside-parkrun-12');
  });
});
