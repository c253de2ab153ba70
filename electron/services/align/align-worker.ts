/**
 * Worker-thread entry: one alignment run (run-align.ts) off the main process's thread,
 * posting progress as it goes. A 'cancel' message aborts it: the synthesizer program is
 * killed and the run stops at its next check. Bundled as `dist/electron/align-worker.cjs`
 * for the app. The bundle also serves as the run's decoding thread: started again with
 * a DecodeFeaturesRequest, it decodes the recording instead (decode-features.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runAlign } from './run-align';
import { DECODE_FEATURES_ROLE, serveDecodeFeatures, type DecodeFeaturesRequest, type DecodeWorkerScript } from './decode-features';
import type { AlignWorkerCommand, AlignWorkerInput, AlignWorkerMessage } from './align-worker-protocol';

/** This bundle, to start the decoding thread from; from source (tsx) the run decodes in this thread. */
function ownBundle(): DecodeWorkerScript | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? { source: __filename } : undefined;
}

function run(input: AlignWorkerInput): void {
  const post = (message: AlignWorkerMessage) => parentPort!.postMessage(message);
  const controller = new AbortController();
  parentPort!.on('message', (command: AlignWorkerCommand) => {
    if (command.type === 'cancel') controller.abort(new Error('canceled'));
  });
  let lastShare = -1;
  const decodeWorker = ownBundle();
  runAlign({
    audioPath: input.audioPath,
    cues: input.cues,
    anchorKind: input.anchorKind,
    ...(input.window ? { window: input.window } : {}),
    ...(decodeWorker ? { decodeWorker } : {}),
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
}

const data = workerData as AlignWorkerInput | DecodeFeaturesRequest;
if ('role' in data && data.role === DECODE_FEATURES_ROLE) serveDecodeFeatures(parentPort!, data);
else run(data as AlignWorkerInput);
