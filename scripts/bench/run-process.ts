// Runs one whole process and measures it from outside: wall time, and peak memory from
// `/usr/bin/time -v` when the machine has it (else the child's own report, if it gives one).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessOutcome {
  ms: number;
  /** Peak resident memory of the process, MB; null when nothing could tell. */
  peakMB: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

export async function runMeasured(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ProcessOutcome> {
  const scratch = mkdtempSync(join(tmpdir(), 'small-wins-time-'));
  const timeFile = join(scratch, 'time.txt');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const outcome = await new Promise<Omit<ProcessOutcome, 'peakMB' | 'ms'> & { ms: number }>((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        ms: performance.now() - started,
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
  let peakMB: number | null = null;
  if (hasGnuTime && existsSync(timeFile)) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (match?.[1]) peakMB = Number(match[1]) / 1024;
  }
  rmSync(scratch, { recursive: true, force: true });
  return { ...outcome, peakMB };
}

/** The last line of a child's stdout that parses as a JSON object (children print their report last). */
export function lastJsonLine<T>(stdout: string): T | null {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as T;
    } catch {
      // not the report: keep looking
    }
  }
  return null;
}

/** The end of a failed process's output, for a one-line note. */
export function failureNote(outcome: ProcessOutcome): string {
  const text = `${outcome.stderr}\n${outcome.stdout}`.trim().split('\n').filter(Boolean);
  const interesting = text.filter((l) => /error|cannot|not found|failed/i.test(l)).at(-1) ?? text.at(-1) ?? '';
  return `exit ${outcome.code}: ${interesting.trim().slice(0, 160)}`;
}
