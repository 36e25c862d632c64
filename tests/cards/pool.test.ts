import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool, defaultPoolSize } from '../../src/lib/cards/pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'small-wins-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Tiny workers written as plain files, so the pool is tested without the card renderer.
function workerFile(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `import { parentPort, threadId } from 'node:worker_threads';\n${body}\n`);
  return file;
}

describe('createWorkerPool', () => {
  it('runs every task and spreads them over its workers', async () => {
    const script = workerFile(
      'square.mjs',
      `parentPort.on('message', ({ id, task }) => setTimeout(() => parentPort.postMessage({ id, result: { square: task * task, thread: threadId } }), 5));`,
    );
    const pool = createWorkerPool<number, { square: number; thread: number }>(script, 2, null);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run(i)));
      expect(results.map((r) => r.square)).toEqual(Array.from({ length: 20 }, (_, i) => i * i));
      expect(new Set(results.map((r) => r.thread)).size).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('passes a task error back to its caller', async () => {
    const script = workerFile('fails.mjs', `parentPort.on('message', ({ id }) => parentPort.postMessage({ id, error: 'no such font' }));`);
    const pool = createWorkerPool<number, number>(script, 1, null);
    try {
      await expect(pool.run(1)).rejects.toThrow('no such font');
    } finally {
      await pool.close();
    }
  });

  it('fails waiting tasks when a worker dies', async () => {
    const script = workerFile('dies.mjs', `parentPort.on('message', () => process.exit(3));`);
    const pool = createWorkerPool<number, number>(script, 1, null);
    try {
      await expect(pool.run(1)).rejects.toThrow(/exited with code 3/);
    } finally {
      await pool.close();
    }
  });

  it('is sized to the machine: one worker per core the process may use', () => {
    expect(defaultPoolSize()).toBe(availableParallelism());
  });
});
