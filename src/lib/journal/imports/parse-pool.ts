// Spreads GPS decoding over worker threads. Wherever workers cannot start (a bundler moved this
// file, a sandbox forbids threads), decoding quietly stays in this thread: slower, same result.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseActivity, type ActivityFileResult, type ActivityParser, type ParseJob } from './activity-file.ts';

export interface ParsePool {
  parse: ActivityParser;
  /** Worker threads running (0: decoding in this thread). */
  readonly threads: number;
  close(): Promise<void>;
}

interface Pending {
  job: ParseJob;
  resolve: (result: ActivityFileResult) => void;
}

export const inProcessParser: ParsePool = { parse: parseActivity, threads: 0, close: async () => {} };

export function createParsePool(size = Math.min(availableParallelism(), 4)): ParsePool {
  const workerUrl = new URL('./parse-worker.ts', import.meta.url);
  if (size < 2 || workerUrl.protocol !== 'file:' || !existsSync(fileURLToPath(workerUrl))) return inProcessParser;

  let nextId = 0;
  let broken = false;
  const slots: Array<{ worker: Worker; pending: Map<number, Pending> }> = [];
  const fallback = (pending: Map<number, Pending>): void => {
    for (const { job, resolve } of pending.values()) void parseActivity(job).then(resolve);
    pending.clear();
  };
  try {
    for (let i = 0; i < size; i++) {
      // FIT decoding makes an object per field: a larger young generation means fewer garbage
      // collections.
      const worker = new Worker(workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      const slot = { worker, pending: new Map<number, Pending>() };
      worker.on('message', ({ id, result }: { id: number; result: ActivityFileResult }) => {
        slot.pending.get(id)?.resolve(result);
        slot.pending.delete(id);
      });
      const fail = (): void => {
        broken = true;
        fallback(slot.pending);
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      slots.push(slot);
    }
  } catch {
    for (const slot of slots) void slot.worker.terminate();
    return inProcessParser;
  }

  return {
    get threads() {
      return broken ? 0 : slots.length;
    },
    parse(job) {
      if (broken) return parseActivity(job);
      const slot = slots.reduce((least, s) => (s.pending.size < least.pending.size ? s : least), slots[0]!);
      const id = nextId++;
      return new Promise((resolve) => {
        slot.pending.set(id, { job, resolve });
        slot.worker.postMessage({ id, job });
      });
    },
    async close() {
      broken = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
