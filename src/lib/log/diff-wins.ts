// What a change to the journal did to its wins: the ones it added and the ones it took away.
// A win is the same win when its slug, kind, date and title are (what a shared link shows).
import type { Win } from '../types.ts';

export interface WinsDiff {
  added: Win[];
  removed: Win[];
}

function identity(win: Win): string {
  return JSON.stringify([win.slug, win.kind, win.date, win.title]);
}

export function diffWins(before: readonly Win[], after: readonly Win[]): WinsDiff {
  const was = new Set(before.map(identity));
  const is = new Set(after.map(identity));
  return {
    added: after.filter((win) => !was.has(identity(win))),
    removed: before.filter((win) => !is.has(identity(win))),
  };
}
