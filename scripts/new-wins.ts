// `node scripts/new-wins.ts --before REV [--site URL] [--data DIR]`: the wins the commits since REV
// added, as Markdown for the GitHub job summary. REV's journal is read from git, not checked out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readJournal } from '../src/lib/journal/read-journal.ts';
import { diffWins } from '../src/lib/log/diff-wins.ts';
import { formatNewWinsSummary } from '../src/lib/log/new-wins-summary.ts';
import type { Win } from '../src/lib/types.ts';
import { findWins } from '../src/lib/wins/find-wins.ts';
import { parseCommandLine, runCli, todayFromEnv } from './cli.ts';

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The commit before the push, or null on a first push (GitHub sends all zeros) or an unknown one. */
function previousCommit(rev: string | undefined): string | null {
  if (rev === undefined || rev === '' || /^0+$/.test(rev)) return null;
  try {
    return git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    return null;
  }
}

/** The wins of the journal folder as it was at `commit` (none when the folder did not exist then). */
async function winsAt(commit: string, dataDir: string, today: string | null): Promise<Win[]> {
  const root = git(['rev-parse', '--show-toplevel']);
  const inRepo = relative(root, resolve(dataDir)).split('\\').join('/') || '.';
  const scratch = mkdtempSync(join(tmpdir(), 'small-wins-before-'));
  try {
    const archive = join(scratch, 'before.tar');
    try {
      execFileSync('git', ['-C', root, 'archive', '--format=tar', '-o', archive, commit, '--', inRepo], { stdio: 'ignore' });
    } catch {
      return [];
    }
    execFileSync('tar', ['-xf', archive, '-C', scratch], { stdio: 'ignore' });
    const journal = await readJournal(join(scratch, inRepo), { today });
    return findWins(journal.runs, journal.goals, journal.profile);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await runCli(async () => {
  const { values, dataDir } = parseCommandLine(process.argv.slice(2), { before: { type: 'string' }, site: { type: 'string' } });
  const today = todayFromEnv();
  const journal = await readJournal(dataDir, { today });
  const now = findWins(journal.runs, journal.goals, journal.profile);
  const before = previousCommit(values.before as string | undefined);
  const then = before === null ? [] : await winsAt(before, dataDir, today);
  const site = typeof values.site === 'string' && values.site !== '' ? values.site : null;
  process.stdout.write(formatNewWinsSummary(diffWins(then, now), { site, hadPrevious: before !== null, locale: journal.profile.locale }));
  return 0;
});
