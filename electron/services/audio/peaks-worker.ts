/**
 * Worker-thread entry: decodes one file's peaks, or one part of it (decode-peaks.ts),
 * and posts them to the main process as they come. Closing the file's job terminates
 * the thread, which is how a decode is cancelled. Bundled as
 * `dist/electron/peaks-worker.cjs` for the app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodePeaks } from './decode-peaks';
import type { WorkerInput, WorkerMessage } from './peaks-worker-protocol';

const { path, part } = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message, message.type === 'progress' ? [message.pairs.buffer as ArrayBuffer] : []);

decodePeaks(path, { ...(part ? { part } : {}), onProgress: (p) => post({ type: 'progress', ...p }) }).then(
  (done) => post({ type: 'done', samples: done.samples }),
  (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
