// A worker thread that decodes GPS files: decoding is CPU-bound, so a big export is spread over
// the machine's cores.
import { parentPort } from 'node:worker_threads';
import { parseActivity, type ParseJob } from './activity-file.ts';

parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
  void parseActivity(message.job).then((result) => parentPort?.postMessage({ id: message.id, result }));
});
