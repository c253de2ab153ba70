/**
 * Computes spectrogram tiles off the page's thread: for each tile asked for, reads just
 * that window's PCM (spectrogram-pcm.ts) and runs one FFT per pixel column
 * (spectrogram-dsp.ts). It keeps nothing between tiles but the reader, so memory is
 * one tile's PCM however long the audio is. Requests are answered in order; the page
 * asks for one tile at a time, so a scroll never leaves a backlog of stale ones.
 */
import { SpectrumAnalyser, spectrumLayout } from './spectrogram-dsp';
import { openPcmWindowReader, type PcmWindowReader } from './spectrogram-pcm';

export type SpectrogramRequest =
  | { type: 'open'; url: string; rows: number }
  /** Columns `columns` wide in time: column c's centre is at `(first + c + 0.5) * secondsPerColumn`. */
  | { type: 'tile'; key: string; first: number; columns: number; secondsPerColumn: number };

export type SpectrogramReply =
  | { type: 'info'; sampleRate: number; duration: number }
  /** `readMs`: getting the window's PCM; `fftMs`: the FFTs and rows. */
  | { type: 'tile'; key: string; columns: number; rows: number; levels: Uint8Array; readMs: number; fftMs: number }
  | { type: 'error'; message: string; key?: string };

const post = (reply: SpectrogramReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

let reader: Promise<{ pcm: PcmWindowReader; analyser: SpectrumAnalyser }> | null = null;
let queue: Promise<void> = Promise.resolve();

async function tile(request: Extract<SpectrogramRequest, { type: 'tile' }>): Promise<void> {
  if (!reader) throw new Error('the spectrogram worker has no audio');
  const { pcm, analyser } = await reader;
  const t0 = performance.now();
  const half = analyser.layout.fftSize / 2;
  const hop = request.secondsPerColumn * pcm.sampleRate;
  const firstCentre = (request.first + 0.5) * hop;
  const start = Math.floor(firstCentre - half);
  const count = Math.ceil((request.columns - 1) * hop) + 2 * half + 2;
  const samples = await pcm.read(start, count);
  const t1 = performance.now();
  const levels = analyser.columns(samples, firstCentre - start, hop, request.columns);
  post({ type: 'tile', key: request.key, columns: request.columns, rows: analyser.layout.rows, levels, readMs: t1 - t0, fftMs: performance.now() - t1 }, [levels.buffer]);
}

self.onmessage = (event: MessageEvent<SpectrogramRequest>) => {
  const m = event.data;
  if (m.type === 'open') {
    reader = openPcmWindowReader(m.url).then((pcm) => ({ pcm, analyser: new SpectrumAnalyser(spectrumLayout(pcm.sampleRate, m.rows)) }));
    reader.then(
      ({ pcm }) => post({ type: 'info', sampleRate: pcm.sampleRate, duration: pcm.totalSamples / pcm.sampleRate }),
      (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  queue = queue.then(() => tile(m)).catch((error: unknown) => {
    post({ type: 'error', key: m.key, message: error instanceof Error ? error.message : String(error) });
  });
};
