// Shared by the command-line entry points: `--data DIR`, SMALL_WINS_TODAY, and printing problems.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { IsoDate, Problem } from '../src/lib/types.ts';
import { journalSource, JournalSourceError } from '../src/lib/journal-source.ts';
import { formatProblem, problemLocation, sortProblems } from '../src/lib/journal/problems.ts';

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** `--data DIR` (else SMALL_WINS_DATA, else `data`) plus the command's own options. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  argv: string[],
  options: O,
  env: NodeJS.ProcessEnv = process.env,
) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, data: { type: 'string' } } as O & { data: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const data = (parsed.values as { data?: string }).data;
    return { values: parsed.values, positionals: parsed.positionals, dataDir: data ?? journalSource(env).dataDir };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** SMALL_WINS_TODAY, the journal's "today" override; null when unset. */
export function todayFromEnv(env: NodeJS.ProcessEnv = process.env): IsoDate | null {
  return journalSource(env).today;
}

/** Every problem, one per line, in file order; warnings say so after their location. */
export function printProblems(problems: Problem[], out: NodeJS.WritableStream = process.stderr): void {
  for (const p of sortProblems(problems)) {
    const text = formatProblem(p);
    if (p.severity === 'error') {
      out.write(`${text}\n`);
    } else {
      const location = problemLocation(p);
      out.write(`${location} warning:${text.slice(location.length)}\n`);
    }
  }
}

/** Runs a command's main, turning a UsageError into a message and exit code 2. */
export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError || error instanceof JournalSourceError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
