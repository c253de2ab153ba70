/**
 * Fetches an audio file's peaks from the main process as they are decoded: it asks for
 * the pairs after the ones it has (the main process holds each call until there are new
 * ones), so the start of the file arrives first and the rest follows with progress.
 */
import type { AudioPeaks } from '../../../shared/ipc/contract';

export interface PeaksState {
  status: AudioPeaks['status'];
  message?: string;
  sampleRate: number;
  samplesPerPeak: number;
  /** Interleaved min,max pairs (signed 8-bit); only the first `count` pairs are filled. */
  pairs: Int8Array;
  count: number;
  progress: number;
  fromCache: boolean;
}

export type FetchPeaks = (media: string, from: number) => Promise<AudioPeaks>;

/** The opaque media token of an audio URL (`.../media/<token>`), or null. */
export function mediaTokenOf(url: string): string | null {
  const match = /\/media\/([0-9a-f]{32})$/.exec(new URL(url, 'http://x').pathname);
  return match ? match[1]! : null;
}

/** Calls `onUpdate` with the growing peaks until decoding ends or `signal` aborts. */
export async function streamPeaks(media: string, fetchPeaks: FetchPeaks, onUpdate: (state: PeaksState) => void, signal: AbortSignal): Promise<void> {
  let pairs = new Int8Array(0);
  let count = 0;
  for (;;) {
    if (signal.aborted) return;
    const reply = await fetchPeaks(media, count);
    if (signal.aborted) return;
    const incoming = base64ToInt8(reply.pairs);
    const end = 2 * reply.from + incoming.length;
    if (end > pairs.length) {
      // Grow to the expected final size in one step when the progress tells it.
      const expected = reply.progress > 0 ? Math.ceil((2 * reply.available) / reply.progress) : 0;
      const grown = new Int8Array(Math.max(end, expected, 2 * pairs.length));
      grown.set(pairs.subarray(0, 2 * count));
      pairs = grown;
    }
    pairs.set(incoming, 2 * reply.from);
    count = reply.from + incoming.length / 2;
    onUpdate({
      status: reply.status,
      ...(reply.message ? { message: reply.message } : {}),
      sampleRate: reply.sampleRate,
      samplesPerPeak: reply.samplesPerPeak,
      pairs,
      count,
      progress: reply.progress,
      fromCache: reply.fromCache,
    });
    if (reply.status !== 'decoding') return;
  }
}

export function base64ToInt8(text: string): Int8Array {
  const binary = atob(text);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i) << 24 >> 24;
  return out;
}

/**
 * The peaks as wavesurfer draws them: one channel of interleaved min,max scaled to
 * -1..1, padded with silence to `totalPairs` so a partial decode is drawn at its true
 * times (wavesurfer spreads the array evenly over the duration).
 */
export function toWaveSurferChannel(pairs: Int8Array, count: number, totalPairs: number): Float32Array {
  const out = new Float32Array(2 * Math.max(count, totalPairs, 1));
  // Normalised here, once per update: wavesurfer's own `normalize` scans every peak on
  // every render, which made each zoom step of a 3-hour file miss its frame.
  let peak = 0;
  for (let i = 0; i < 2 * count; i++) peak = Math.max(peak, Math.abs(pairs[i]!));
  const scale = peak > 0 ? 1 / peak : 0;
  for (let i = 0; i < 2 * count; i++) out[i] = pairs[i]! * scale;
  return out;
}
