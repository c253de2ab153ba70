/**
 * Worker-thread entry: one alignment run (run-align.ts) off the main process's thread,
 * posting progress as it goes. A 'cancel' message aborts it: the synthesizer program is
 * killed and the run stops at its next check. Bundled as `dist/electron/align-worker.cjs`
 * for the app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runAlign } from './run-align';
import type { AlignWorkerCommand, AlignWorkerInput, AlignWorkerMessage } from './align-worker-protocol';

const input = workerData as AlignWorkerInput;
const post = (message: AlignWorkerMessage) => parentPort!.postMessage(message);
const controller = new AbortController();
parentPort!.on('message', (command: AlignWorkerCommand) => {
  if (command.type === 'cancel') controller.abort(new Error('canceled'));
});

let lastShare = -1;
runAlign({
  audioPath: input.audioPath,
  cues: input.cues,
  anchorKind: input.anchorKind,
  ...(input.window ? { window: input.window } : {}),
  signal: controller.signal,
  onProgress: (stage, share) => {
    // A report per percent is plenty for a progress bar.
    if (share - lastShare < 0.01) return;
    lastShare = share;
    post({ type: 'progress', stage, share });
  },
}).then(
  (result) => post({ type: 'done', units: result.units, audioSeconds: result.audioSeconds }),
  (error: unknown) => post(controller.signal.aborted ? { type: 'canceled' } : { type: 'error', message: error instanceof Error ? error.message : String(error) }),
).finally(() => parentPort!.close());
