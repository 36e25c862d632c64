// How far a long import has got: one self-rewriting line on a terminal, plain lines otherwise
// (a log file or CI keeps a line per tenth, not thousands of carriage returns).

export interface ProgressOutput {
  isTTY: boolean;
  write(text: string): void;
  /** Milliseconds, for the estimate. */
  now(): number;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Ends the terminal line, if one was drawn. */
  finish(): void;
}

function estimate(elapsedMs: number, done: number, total: number): string {
  if (done === 0 || done >= total || elapsedMs < 1000) return '';
  const left = Math.round(((elapsedMs / done) * (total - done)) / 1000);
  return left >= 90 ? `, about ${Math.round(left / 60)} min left` : `, about ${Math.max(1, left)} s left`;
}

export function createProgress(output: ProgressOutput, label = 'Reading activities'): Progress {
  const started = output.now();
  let drawn = false;
  let lastDraw = 0;
  let lastTenth = -1;
  return {
    update(done, total) {
      if (total === 0) return;
      const percent = Math.floor((done / total) * 100);
      const line = `${label}: ${done} of ${total} (${percent}%)${estimate(output.now() - started, done, total)}`;
      if (output.isTTY) {
        const now = output.now();
        if (done < total && now - lastDraw < 100) return;
        lastDraw = now;
        output.write(`\r\u001b[2K${line}`);
        drawn = true;
      } else {
        const tenth = Math.floor(percent / 10);
        if (tenth === lastTenth || total < 20) return;
        lastTenth = tenth;
        output.write(`${line}\n`);
      }
    },
    finish() {
      if (drawn) output.write('\n');
      drawn = false;
    },
  };
}
