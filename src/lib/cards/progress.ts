// Progress while many cards render: a bar with count and ETA on a terminal, a few plain lines in
// CI logs (where carriage returns turn into noise), nothing for a handful of cards.

export interface Progress {
  tick(): void;
  done(): void;
}

export interface ProgressOptions {
  total: number;
  /** Draw a live bar (a terminal, not CI). */
  tty: boolean;
  write(text: string): void;
  now?: () => number;
  /** Cards already rendered before the progress is shown (rendering started earlier). */
  initial?: number;
  /** When rendering started, on the `now` clock, for the ETA. Defaults to now. */
  startedAt?: number;
}

/** Below this many images a build is over before a bar would help. */
export const PROGRESS_THRESHOLD = 36;

function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function progressBar(done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const eta = done === 0 ? '--:--' : formatEta(((elapsedMs / done) * (total - done)) / 1000);
  return `cards [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ETA ${eta}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { total, tty, write } = options;
  const now = options.now ?? (() => performance.now());
  if (total <= PROGRESS_THRESHOLD) return { tick() {}, done() {} };
  const started = options.startedAt ?? now();
  let count = options.initial ?? 0;
  let lastDraw = 0;
  let nextQuarter = Math.floor((count * 4) / total) + 1;
  return {
    tick() {
      count += 1;
      if (tty) {
        const at = now();
        if (at - lastDraw < 100 && count < total) return;
        lastDraw = at;
        write(`\r${progressBar(count, total, at - started)}`);
      } else if (count >= (total * nextQuarter) / 4) {
        write(`cards: ${count}/${total} rendered\n`);
        while (count >= (total * nextQuarter) / 4) nextQuarter += 1;
      }
    },
    done() {
      // Clear the bar so the summary line starts clean.
      if (tty) write('\r\x1b[2K');
    },
  };
}
