/**
 * Mono PCM of one window of the audio, read where the tile worker runs. The app's audio
 * URL serves MP3 and Ogg Vorbis as a virtual 16-bit WAV with Range support (decoded in
 * the main process from the exact frame, on the peaks' time base: see
 * electron/services/audio/pcm-wav.ts), and WAV files as they are: for those one Range
 * request fetches just the window's samples. Anything else (M4A, FLAC, Opus, float WAV)
 * is decoded for the window only by the browser's own decoder (WebCodecs, through
 * mediabunny's demuxer), its samples placed by their timestamps as the peaks are.
 */
import type { InputAudioTrack } from 'mediabunny';

export interface PcmWindowReader {
  sampleRate: number;
  /** Samples on the timeline. */
  totalSamples: number;
  /**
   * `count` mono samples from timeline sample `start` (may be negative or run past the
   * end: silence there). Valid until the next read: a reader may reuse the array.
   */
  read(start: number, count: number): Promise<Float32Array>;
  close(): void;
}

interface WavLayout { channels: number; sampleRate: number; dataOffset: number; dataBytes: number }

/** The fmt and data chunks of a 16-bit PCM WAV; null for anything else. */
export function parseWavHeader(b: Uint8Array): WavLayout | null {
  const ascii = (at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
  if (b.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let fmt: { channels: number; sampleRate: number } | null = null;
  for (let at = 12; at + 8 <= b.length;) {
    const id = ascii(at);
    const size = v.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 24 <= b.length) {
      const format = v.getUint16(at + 8, true);
      const bits = v.getUint16(at + 22, true);
      if (format !== 1 || bits !== 16) return null;
      fmt = { channels: v.getUint16(at + 10, true), sampleRate: v.getUint32(at + 12, true) };
    } else if (id === 'data') {
      return fmt && fmt.channels > 0 ? { ...fmt, dataOffset: at + 8, dataBytes: size } : null;
    }
    at += 8 + size + (size & 1);
  }
  return null;
}

/** A reader for `url`: Range requests when it is 16-bit WAV, else the browser's decoder. */
export async function openPcmWindowReader(url: string): Promise<PcmWindowReader> {
  const head = await fetch(url, { headers: { Range: 'bytes=0-65535' } });
  if (!head.ok) throw new Error(`the audio could not be read (HTTP ${head.status})`);
  const wav = parseWavHeader(new Uint8Array(await head.arrayBuffer()));
  return wav ? wavReader(url, wav) : decodingReader(url);
}

/**
 * Samples a WAV reader keeps its window in from read to read (2 MiB; a tile at the
 * opening zoom reads ~115k). The worker's garbage otherwise grew by the window and its
 * response bytes per tile, tens of MiB before the worker's GC ran
 * (`npm run bench -- spectrogram`); wider windows (zoomed far out) are not kept.
 */
const KEPT_WINDOW_SAMPLES = 2 ** 19;

/**
 * Mixes 16-bit little-endian frames of `channels` arriving in arbitrary chunks into
 * `out` from `offset`, keeping only a partial frame between chunks. Pure (tested).
 */
export function frameMixer(channels: number, out: Float32Array, offset: number): (chunk: Uint8Array) => void {
  const align = 2 * channels;
  const scale = 1 / (32768 * channels);
  const partial = new Uint8Array(align);
  let held = 0;
  let at = offset;
  const frame = (b: Uint8Array, i: number) => {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += ((b[i + 2 * c]! | (b[i + 2 * c + 1]! << 8)) << 16) >> 16;
    if (at < out.length) out[at] = sum * scale;
    at++;
  };
  return (chunk) => {
    let i = 0;
    if (held > 0) {
      const take = Math.min(align - held, chunk.length);
      partial.set(chunk.subarray(0, take), held);
      held += take;
      i = take;
      if (held < align) return;
      frame(partial, 0);
      held = 0;
    }
    for (; i + align <= chunk.length; i += align) frame(chunk, i);
    partial.set(chunk.subarray(i), 0);
    held = chunk.length - i;
  };
}

function wavReader(url: string, wav: WavLayout): PcmWindowReader {
  const align = 2 * wav.channels;
  const totalSamples = Math.floor(wav.dataBytes / align);
  let kept = new Float32Array(0);
  return {
    sampleRate: wav.sampleRate,
    totalSamples,
    async read(start, count) {
      let out: Float32Array;
      if (count > KEPT_WINDOW_SAMPLES) out = new Float32Array(count);
      else {
        if (kept.length < count) kept = new Float32Array(Math.min(KEPT_WINDOW_SAMPLES, Math.max(count, 2 * kept.length)));
        out = kept.subarray(0, count);
        out.fill(0);
      }
      const from = Math.max(0, start);
      const to = Math.min(totalSamples, start + count);
      if (to <= from) return out;
      const first = wav.dataOffset + from * align;
      const response = await fetch(url, { headers: { Range: `bytes=${first}-${first + (to - from) * align - 1}` } });
      if (!response.ok) throw new Error(`the audio could not be read (HTTP ${response.status})`);
      // Mixed as the bytes arrive: the response is never held whole.
      const mix = frameMixer(wav.channels, out.subarray(0, from - start + (to - from)), from - start);
      if (!response.body) mix(new Uint8Array(await response.arrayBuffer()));
      else for (const body = response.body.getReader(); ;) {
        const { done, value } = await body.read();
        if (done) break;
        mix(value);
      }
      return out;
    },
    close() {},
  };
}

async function decodingReader(url: string): Promise<PcmWindowReader> {
  // Loaded only for these formats: the demuxer is large, and MP3/Vorbis/WAV never need it.
  const { ALL_FORMATS, AudioSampleSink, Input, UrlSource } = await import('mediabunny');
  const input = new Input({ source: new UrlSource(url), formats: ALL_FORMATS });
  const track: InputAudioTrack | null = await input.getPrimaryAudioTrack();
  if (!track) throw new Error('the file has no audio track');
  if (!(await track.canDecode())) throw new Error(`this system has no decoder for ${track.codec ?? 'this codec'}`);
  const sampleRate = track.sampleRate;
  const duration = (await track.getDurationFromMetadata()) ?? (await input.computeDuration([track]));
  const sink = new AudioSampleSink(track);
  return {
    sampleRate,
    totalSamples: Math.round(duration * sampleRate),
    async read(start, count) {
      const out = new Float32Array(count);
      for await (const sample of sink.samples(Math.max(0, start / sampleRate), (start + count) / sampleRate)) {
        const frames = sample.numberOfFrames;
        const at = Math.round(sample.timestamp * sampleRate) - start;
        const plane = new Float32Array(frames);
        const channels = sample.numberOfChannels;
        for (let c = 0; c < channels; c++) {
          sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
          for (let i = Math.max(0, -at); i < frames && at + i < count; i++) out[at + i]! += plane[i]! / channels;
        }
        sample.close();
      }
      return out;
    },
    close: () => input.dispose(),
  };
}
