// A pool worker: loads the fonts once, then renders the tasks it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { createCardRenderer } from './render-card.ts';
import { runRenderTask, type RenderTask } from './render-job.ts';

interface WorkerSetup {
  root: string;
  extraFonts: string[];
}

// The pool already runs one worker per core: libvips threads of its own in every worker would
// only fight over the same cores.
sharp.concurrency(1);

const setup = workerData as WorkerSetup;
const renderer = createCardRenderer({ root: setup.root, extra: setup.extraFonts });

parentPort?.on('message', (message: { id: number; task: RenderTask }) => {
  runRenderTask(renderer, message.task).then(
    (bytes) => parentPort?.postMessage({ id: message.id, result: bytes }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
