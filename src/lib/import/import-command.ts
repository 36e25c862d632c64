// `npm run import -- PATH… [--data DIR]`: reads exports and GPS files where they lie and writes
// into the journal only what is safe to publish, then says what it added and the wins it brought.
import { mkdir } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCount } from '../format/units.ts';
import { formatProblem, sortProblems } from '../journal/problems.ts';
import { displayPath, readJournal } from '../journal/read-journal.ts';
import { openImportCache, type ImportCache } from '../journal/imports/cache.ts';
import { createParsePool, inProcessParser, type ParsePool } from '../journal/imports/parse-pool.ts';
import { MIN_RUN_METRES, MIN_RUN_SECONDS, TOO_SHORT } from '../journal/imports/activity.ts';
import { activityDates } from '../journal/imports/read-imports.ts';
import { DEFAULT_PRIVACY_TRIM_M } from '../journal/imports/privacy.ts';
import { loadPrivacy } from '../journal/imports/privacy-secret.ts';
import { diffWins } from '../log/diff-wins.ts';
import { formatNewWinLine, summarizeWin } from '../log/log-report.ts';
import type { IsoDate, Journal, Problem } from '../types.ts';
import { findWins } from '../wins/find-wins.ts';
import { createProgress, type ProgressOutput } from './progress.ts';
import { readImportSources, type ReadResult } from './read-sources.ts';
import { brokenRoutes, knownSources, writeImported, type WriteResult } from './write-imported.ts';
import { DEFAULT_ZIP_LIMITS, ImportInputError, type ZipLimits } from './zip-limits.ts';

export const IMPORT_USAGE = `usage: npm run import -- PATH... [--data DIR]

PATH is a Strava export (export_12345.zip, or its folder), a Garmin Connect "Export Your Data"
ZIP, an Apple Health export (export.zip, its folder or its export.xml), a Garmin Connect activities CSV, .gpx/.tcx/.fit files (also .gz), or a folder of these.
ZIPs are read where they lie. Runs go to DIR/imported/*.csv, trimmed routes to DIR/routes/.`;

export interface ImportEnvironment {
  defaultData: string;
  journalToday: IsoDate | null;
  progress: ProgressOutput;
  /** Null for no cache; default: the import cache the build uses. */
  cache?: ImportCache | null;
  /** Decode on worker threads. Default: true. */
  workers?: boolean;
  limits?: ZipLimits;
}

export interface ImportOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const plural = (n: number, word: string): string => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

function skippedLines(skipped: Record<string, number>): string[] {
  const short = skipped[TOO_SHORT] ?? 0;
  const others = Object.fromEntries(Object.entries(skipped).filter(([sport]) => sport !== TOO_SHORT));
  const lines = [skippedLine(others), short > 0 ? `Passed over ${plural(short, 'recording')} too short to be ${short === 1 ? 'a run' : 'runs'} (under ${MIN_RUN_METRES} m or ${MIN_RUN_SECONDS / 60} minutes).` : null];
  return lines.filter((line): line is string => line !== null);
}

function skippedLine(skipped: Record<string, number>): string | null {
  const entries = Object.entries(skipped).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  return `Skipped ${plural(total, 'other activity').replace('activitys', 'activities')} (not runs): ${entries.map(([s, n]) => `${s} ${n}`).join(', ')}.`;
}

function report(read: ReadResult, written: WriteResult, data: string, merged: number, before: Journal, after: Journal): string[] {
  const lines: string[] = [];
  const added = written.files.reduce((sum, f) => sum + f.added, 0);
  for (const file of written.files) lines.push(`Added ${plural(file.added, 'run')} to ${data}/${file.file}.`);
  if (written.routes > 0) lines.push(`Wrote ${plural(written.routes, 'trimmed route')} to ${data}/routes/.`);
  if (written.repaired > 0) lines.push(`Repaired ${plural(written.repaired, 'route file')} in ${data}/routes/ the journal could not read (written anew from the source).`);
  if (added === 0) lines.push('Nothing new to add.');
  if (read.already > 0) lines.push(`Already in the journal: ${plural(read.already, 'run')} (kept as they are).`);
  lines.push(...skippedLines(read.skipped));
  if (read.notActivities > 0) {
    const files = `${formatCount(read.notActivities)} file${read.notActivities === 1 ? "" : "s"}`;
    lines.push(`Passed over ${files} that ${read.notActivities === 1 ? 'holds' : 'hold'} no activity (device settings, health monitoring and the like).`);
  }
  if (merged > 0) {
    lines.push(`Merged ${plural(merged, 'imported run')} with a run already in the journal (what you wrote wins; the import fills gaps, efforts and routes).`);
  }
  lines.push(`The journal now has ${plural(after.runs.length, 'run')} (was ${before.runs.length}).`);
  return lines;
}

export async function runImport(args: string[], env: ImportEnvironment): Promise<ImportOutcome> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n${IMPORT_USAGE}\n` };
  }
  if (parsed.values.help) return { exitCode: 0, stdout: `${IMPORT_USAGE}\n`, stderr: '' };
  if (parsed.positionals.length === 0) return { exitCode: 2, stdout: '', stderr: `nothing to import\n${IMPORT_USAGE}\n` };

  const dataDir = resolve(parsed.values.data ?? env.defaultData);
  const data = displayPath(dataDir);
  const paths = parsed.positionals.map((p) => resolve(p));
  await mkdir(dataDir, { recursive: true });
  const before = await readJournal(dataDir, { today: env.journalToday });
  // Raw files being imported from inside the journal are read as if already deleted: the journal
  // after is the one the runner gets once they are, and its wins are compared with today's.
  const insideJournal = paths.filter((path) => {
    const inside = relative(dataDir, path);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
  });
  // What the import merges into: the journal without those raw files.
  const baseline = insideJournal.length === 0 ? before : await readJournal(dataDir, { today: env.journalToday, exclude: insideJournal });
  const profile = before.profile;
  const trim = Number.isFinite(profile.privacyTrim) ? profile.privacyTrim : DEFAULT_PRIVACY_TRIM_M;
  // Routes are cut with the journal's secret (written now on the first import): a mistake in its
  // file stops the import, since routes cut without the zones meant would be written for good.
  const privacy = await loadPrivacy(dataDir, data, trim, { create: false });
  const privacyErrors = privacy.problems.filter((p) => p.severity === 'error');
  if (privacyErrors.length > 0) {
    return { exitCode: 1, stdout: '', stderr: `${privacyErrors.map(formatProblem).join('\n')}\nNothing imported: fix the privacy settings first.\n` };
  }
  const cache = env.cache === undefined ? openImportCache() : env.cache;
  const progress = createProgress(env.progress);
  const health = createProgress(env.progress, 'Reading the Apple Health export.xml (MB)');
  const MB = 1024 * 1024;
  let pool: ParsePool | null = null;
  let read: ReadResult;
  let written: WriteResult;
  try {
    // A run whose route file is broken is read again, so its route is written anew.
    const repair = await brokenRoutes(dataDir, data);
    const known = await knownSources(dataDir, data);
    for (const source of repair.keys()) known.delete(source);
    read = await readImportSources(paths, displayPath, {
      profile,
      privacy: privacy.settings,
      cache,
      parse: (job) => (pool ??= env.workers === false ? inProcessParser : createParsePool()).parse(job),
      limits: env.limits ?? DEFAULT_ZIP_LIMITS,
      known,
      dates: activityDates(env.journalToday),
      onProgress: ({ done, total }) => progress.update(done, total),
      onHealthProgress: (bytes, total) => {
        const megabytes = Math.max(1, Math.ceil(total / MB));
        health.update(bytes >= total ? megabytes : Math.floor(bytes / MB), megabytes);
        if (bytes >= total) health.finish();
      },
    });
    progress.finish();
    await cache?.flush();
    written = await writeImported(dataDir, read.runs, data, profile, repair);
  } catch (error) {
    progress.finish();
    if (error instanceof ImportInputError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  } finally {
    await (pool as ParsePool | null)?.close();
  }

  // Nothing written, nothing changed: the journal read before is the journal after.
  const after =
    written.files.length === 0 && written.repaired === 0 && insideJournal.length === 0
      ? before
      : await readJournal(dataDir, { today: env.journalToday, exclude: insideJournal });
  const out = report(read, written, data, after.merged - baseline.merged, before, after);
  // A row the export got wrong is left out and named; the rest of the export is still imported.
  // In file and line order, whatever order the files were read in.
  const problems = sortProblems([...read.problems, ...written.rejected]);
  const err: string[] = privacy.problems.map((p) => `warning: ${formatProblem(p)}`);
  err.push(...problems.map((p: Problem) => `${p.severity === 'error' ? 'not imported' : 'warning'}: ${formatProblem(p)}`));
  const unread = problems.filter((p) => p.severity === 'error').length;
  if (unread > 0) out.push(`Could not import ${plural(unread, 'row')} (named below).`);
  if (after.errors.length > 0) {
    err.push(...after.errors.map(formatProblem), 'The journal has problems (npm run check); wins are not counted until they are fixed.');
  } else {
    const winsBefore = before.errors.length > 0 || after === before ? [] : findWins(before.runs, before.goals, before.profile);
    const { added } = after === before ? { added: [] } : diffWins(winsBefore, findWins(after.runs, after.goals, after.profile));
    for (const win of added) out.push(formatNewWinLine(summarizeWin(win)));
    if (added.length === 0) out.push('No new win this time.');
  }
  for (const path of insideJournal) {
    out.push(`Now delete ${displayPath(path)}: it is in the journal folder, so a push would publish it (the counts above are without it).`);
  }
  return { exitCode: 0, stdout: `${out.join('\n')}\n`, stderr: err.length > 0 ? `${err.join('\n')}\n` : '' };
}
