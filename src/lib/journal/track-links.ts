// `track:` (a runs.csv column, or a story's front-matter field) ties a run to the GPS file recorded
// on it, named relative to the journal folder: the file's run is merged into it whatever its date
// or distance (imports/merge.ts). A value that leaves the folder, or that names no file the journal
// read a run from, would tie nothing, silently: each is a warning at its line.
import type { Problem, RunDraft } from '../types.ts';
import { problem } from './problems.ts';

/** The `track:` of a run as the journal compares it: forward slashes, no leading `./`; null when none. */
export function linkedTrack(run: RunDraft): string | null {
  const track = run.extra.track?.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  return track ? track : null;
}

/** True when the imported run was read from the file `track` names. */
export function isTrackOf(track: string, imported: RunDraft): boolean {
  const path = imported.source.path;
  return path === track || path.endsWith(`/${track}`);
}

/** An absolute path, a home folder, or one that climbs out: not inside the journal folder. */
function leavesJournal(track: string): boolean {
  if (/^(\/|~|[A-Za-z]:)/.test(track)) return true;
  let depth = 0;
  for (const part of track.split('/')) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * A warning for each hand-written run whose `track:` is outside the journal or names no file a run
 * was read from. `lineOf` gives the field's own line where it has one (a story's front matter).
 */
export function trackLinkProblems(
  handWritten: readonly RunDraft[],
  imported: readonly RunDraft[],
  lineOf: (run: RunDraft) => number | null = () => null,
): Problem[] {
  const problems: Problem[] = [];
  for (const run of handWritten) {
    const track = linkedTrack(run);
    if (track === null) continue;
    const at = { path: run.source.path, line: lineOf(run) ?? run.source.line };
    const value = run.extra.track!.trim();
    if (leavesJournal(track)) {
      problems.push(problem('warning', at, 'track', value, 'a GPS file inside the journal folder, named from it (like tracks/porto-half.gpx): the journal reads nothing outside it'));
    } else if (!imported.some((candidate) => isTrackOf(track, candidate))) {
      problems.push(problem('warning', at, 'track', value, 'a .gpx, .tcx or .fit file in the journal folder that a run was read from, named from the folder (like tracks/porto-half.gpx): no run was read from a file by that name'));
    }
  }
  return problems;
}
