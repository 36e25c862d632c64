// A small worker_threads pool: one worker per core, each with two tasks in flight so its
// thread lays out the next card while sharp (on libuv's threads) encodes the previous one.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export interface WorkerPool<T, R> {
  run(task: T): Promise<R>;
  close(): Promise<void>;
  /** Whether the workers alone keep the process alive (they do by default, as Node's do). */
  keepAlive(on: boolean): void;
}

interface Pending<R> {
  resolve(value: R): void;
  reject(error: Error): void;
}

const IN_FLIGHT = 2;

export function createWorkerPool<T, R>(script: URL | string, size: number, workerData: unknown): WorkerPool<T, R> {
  const queue: Array<{ id: number; task: T }> = [];
  const pending = new Map<number, Pending<R>>();
  const busy = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(script, { workerData });
    busy.set(worker, 0);
    worker.on('message', (message: { id: number; result?: R; error?: string }) => {
      busy.set(worker, (busy.get(worker) ?? 1) - 1);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result as R);
      dispatch();
    });
    const fail = (error: Error): void => {
      failure ??= error;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    // A worker that dies without an error (killed, out of memory) must not leave a build waiting.
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`card worker exited with code ${code}`));
    });
    return worker;
  });

  function dispatch(): void {
    for (const worker of workers) {
      while ((busy.get(worker) ?? 0) < IN_FLIGHT && queue.length > 0) {
        const next = queue.shift();
        if (!next) break;
        busy.set(worker, (busy.get(worker) ?? 0) + 1);
        worker.postMessage(next);
      }
    }
  }

  return {
    run(task) {
      if (failure) return Promise.reject(failure);
      return new Promise<R>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, task });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
    keepAlive(on) {
      for (const worker of workers) {
        if (on) worker.ref();
        else worker.unref();
      }
    },
  };
}
