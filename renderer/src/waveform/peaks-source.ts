/**
 * Where an audio's peaks come from: streamed from the main process (decoded in its
 * worker threads, cached), or, when it has no decoder for the file (AAC), decoded in a
 * page worker with the browser's decoder and handed back to the main process's cache.
 * Updates arrive start of file first; `destroy` stops everything.
 */
import { api } from '../api';
import type { WorkerReply, WorkerRequest } from './webcodecs-peaks.worker';
import { mediaTokenOf, streamPeaks, type PeaksState } from './peaks-stream';

/** Base64 of signed bytes, in chunks (String.fromCharCode of millions of arguments would overflow). */
function int8ToBase64(pairs: Int8Array): string {
  const bytes = new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const NO_PEAKS: PeaksState = { status: 'error', sampleRate: 0, samplesPerPeak: 0, pairs: new Int8Array(0), count: 0, progress: 0, fromCache: false };

export class PeaksSource {
  private readonly controller = new AbortController();
  private triedInPage = false;

  /** `onPeaks` gets every update; a final `error` state means there will be no peaks. */
  constructor(private readonly url: string, private readonly onPeaks: (state: PeaksState) => void) {
    const token = mediaTokenOf(url);
    if (!token) {
      queueMicrotask(() => this.onPeaks({ ...NO_PEAKS, message: 'the audio has no media token' }));
      return;
    }
    streamPeaks(token, (m, from) => api().invoke('audio:peaks', { media: m, from }), (s) => this.update(s), this.controller.signal).catch((error: unknown) => {
      this.update({ ...NO_PEAKS, message: error instanceof Error ? error.message : String(error) });
    });
  }

  destroy(): void {
    this.controller.abort();
  }

  private update(state: PeaksState): void {
    if (this.controller.signal.aborted) return;
    if (state.status === 'error' && !this.triedInPage) {
      this.triedInPage = true;
      void this.decodeInPage().then((problem) => {
        if (problem !== null) this.update({ ...state, message: `${state.message ?? 'no decoder'}; in the page: ${problem}` });
      });
      this.onPeaks({ ...state, status: 'decoding', progress: 0 });
      return;
    }
    this.onPeaks(state);
  }

  /** Decodes in a page worker (WebCodecs). Resolves with an error message, or null on success. */
  private decodeInPage(): Promise<string | null> {
    return new Promise((resolve) => {
      const worker = new Worker(new URL('./webcodecs-peaks.worker.ts', import.meta.url), { type: 'module' });
      let pairs = new Int8Array(0);
      let count = 0;
      let rate = 0;
      let perPeak = 0;
      const state = (status: PeaksState['status'], progress: number): PeaksState => ({ status, sampleRate: rate, samplesPerPeak: perPeak, pairs, count, progress, fromCache: false });
      this.controller.signal.addEventListener('abort', () => worker.terminate());
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const m = event.data;
        if (m.type === 'progress') {
          rate = m.sampleRate;
          perPeak = m.samplesPerPeak;
          const end = 2 * m.from + m.pairs.length;
          if (end > pairs.length) {
            const grown = new Int8Array(Math.max(end, Math.ceil(end / Math.max(m.progress, 0.01))));
            grown.set(pairs.subarray(0, 2 * count));
            pairs = grown;
          }
          pairs.set(m.pairs, 2 * m.from);
          count = end / 2;
          this.update(state('decoding', m.progress));
        } else if (m.type === 'done') {
          worker.terminate();
          this.update(state('done', 1));
          resolve(null);
          // Keep them for the next open (the main process caches them beside its own).
          const token = mediaTokenOf(this.url);
          if (token) {
            void api().invoke('audio:peaks-store', { media: token, sampleRate: rate, samplesPerPeak: perPeak, pairs: int8ToBase64(pairs.subarray(0, 2 * count)) }).catch(() => {});
          }
        } else {
          worker.terminate();
          resolve(m.message);
        }
      };
      worker.postMessage({ url: new URL(this.url, location.href).href } satisfies WorkerRequest);
    });
  }
}
