// Shorthands for the engine's tests: wins of a small journal, and picking wins by kind.
import type { Goal, Profile, Win, WinKind } from '../../src/lib/types.ts';
import { findWins } from '../../src/lib/wins/find-wins.ts';
import { makeProfile, makeRuns, type RunSpec } from './make-run.ts';

export function winsOf(specs: RunSpec[], options: { goals?: Goal[]; profile?: Partial<Profile> } = {}): Win[] {
  return findWins(makeRuns(specs), options.goals ?? [], makeProfile(options.profile));
}

export function ofKind(wins: Win[], kind: WinKind): Win[] {
  return wins.filter((win) => win.kind === kind);
}

/** `date title` per win of a kind: compact to compare in a test. */
export function titles(wins: Win[], kind: WinKind): string[] {
  return ofKind(wins, kind).map((win) => `${win.date} ${win.title}`);
}
