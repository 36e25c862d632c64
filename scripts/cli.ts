// Shared by the command-line entry points: `--data DIR`, SMALL_WINS_TODAY, and printing problems.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { IsoDate, Problem } from '../src/lib/types.ts';
import { journalSource, JournalSourceError } from '../src/lib/journal-source.ts';
import { formatProblem, problemLocation, sortProblems } from '../src/lib/journal/problems.ts';

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** `--help` or `-h`: the command's usage is printed on stdout, exit code 0. */
export class HelpRequested extends Error {}


/** The first sentence of Node's complaint about an argument, without its advice on `--`. */
function argumentMistake(error: unknown): string {
  const message = (error as Error).message.split('\n')[0] ?? '';
  return message.replace(/\. To specify a positional argument.*$/, '');
}

/**
 * The command's options, strictly: `--help`/`-h` asks for `usage`, and an unknown option or a
 * missing value is a UsageError that names it and shows `usage`.
 */
export function parseOptions<O extends ParseArgsOptionsConfig>(argv: string[], options: O, usage: string, allowPositionals = false) {
  if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequested(usage);
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${argumentMistake(error)}\n${usage}`);
  }
}

/** `--data DIR` (else SMALL_WINS_DATA, else `data`) plus the command's own options. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  argv: string[],
  options: O,
  usage = 'usage: see README.md',
  env: NodeJS.ProcessEnv = process.env,
) {
  const parsed = parseOptions(argv, { ...options, data: { type: 'string' } } as O & { data: { type: 'string' } }, usage, true);
  const data = (parsed.values as { data?: string }).data;
  return { values: parsed.values, positionals: parsed.positionals, dataDir: data ?? journalSource(env).dataDir };
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

/**
 * The exit code for a UsageError (its message on stderr, 2) or a HelpRequested (the usage on stdout,
 * 0); null for any other error, which is the caller's to handle.
 */
export function cliErrorExitCode(error: unknown): number | null {
  if (error instanceof HelpRequested) {
    process.stdout.write(`${error.message}\n`);
    return 0;
  }
  if (error instanceof UsageError || error instanceof JournalSourceError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  return null;
}

/**
 * A reader that stops listening (`npm run wins | head`) closes the pipe: the command has nothing
 * left to say to anyone, so it ends quietly instead of failing on the next write.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}

/** Runs a command's main: usage mistakes and help as cliErrorExitCode says, a closed pipe quietly. */
export async function runCli(main: () => Promise<number>): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    process.exitCode = await main();
  } catch (error) {
    const code = cliErrorExitCode(error);
    if (code === null) throw error;
    process.exitCode = code;
  }
}
