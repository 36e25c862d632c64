import { describe, expect, it } from 'vitest';
import { createProgress, progressBar, PROGRESS_THRESHOLD } from '../../src/lib/cards/progress.ts';

describe('progressBar', () => {
  it('shows count, share and the time left', () => {
    expect(progressBar(50, 200, 10_000, 8)).toBe('cards [##------] 50/200 ETA 0:30');
    expect(progressBar(0, 200, 0, 4)).toBe('cards [----] 0/200 ETA --:--');
  });
});

describe('createProgress', () => {
  function run(total: number, tty: boolean): string[] {
    const out: string[] = [];
    let clock = 0;
    const progress = createProgress({ total, tty, write: (text) => out.push(text), now: () => (clock += 150) });
    for (let i = 0; i < total; i++) progress.tick();
    progress.done();
    return out;
  }

  it('stays quiet for a handful of cards', () => {
    expect(run(PROGRESS_THRESHOLD, false)).toEqual([]);
    expect(run(PROGRESS_THRESHOLD, true)).toEqual([]);
  });

  it('prints four plain lines in CI', () => {
    expect(run(100, false)).toEqual([
      'cards: 25/100 rendered\n',
      'cards: 50/100 rendered\n',
      'cards: 75/100 rendered\n',
      'cards: 100/100 rendered\n',
    ]);
  });

  it('redraws one bar on a terminal and clears it at the end', () => {
    const out = run(40, true);
    expect(out.every((line) => line.startsWith('\r'))).toBe(true);
    expect(out.at(-2)).toContain('40/40');
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });
});

describe('createProgress after rendering began', () => {
  it('counts the cards already drawn and skips the quarters they passed', () => {
    const out: string[] = [];
    const progress = createProgress({ total: 100, tty: false, write: (text) => out.push(text), initial: 60, startedAt: 0, now: () => 1 });
    for (let i = 0; i < 40; i++) progress.tick();
    expect(out).toEqual(['cards: 75/100 rendered\n', 'cards: 100/100 rendered\n']);
  });

  it('times the ETA from when rendering started, not from when the bar appeared', () => {
    const out: string[] = [];
    let clock = 10_000;
    const progress = createProgress({ total: 100, tty: true, write: (text) => out.push(text), initial: 49, startedAt: 0, now: () => clock });
    clock = 20_000;
    progress.tick();
    // 50 cards in 20 s: 50 more take 20 s.
    expect(out.at(-1)).toContain('50/100 ETA 0:20');
  });
});

