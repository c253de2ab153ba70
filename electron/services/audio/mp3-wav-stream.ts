/**
 * MP3 played as PCM WAV, decoded on demand from the exact frame a seek needs.
 *
 * Chromium's `<audio>` seeks MP3 by estimate: measured here (`npm run bench -- seek`),
 * 55 ms off for CBR (it does not trim the encoder delay the waveform trims) and up to
 * 0.8 s for VBR. A WAV of 16-bit PCM is seeked by byte arithmetic, exactly. So the app
 * protocol serves an MP3 as a virtual WAV: each Range request finds the frame that
 * holds its first sample in a frame index built once per file, decodes from a few
 * frames earlier (PRE_ROLL_FRAMES, on the synthesis phase, as the peak decoder's split
 * does), drops the pre-roll and streams PCM as the element reads it. The samples are
 * the gapless decode's, so playback, peaks and cue times share one time base.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createStreamDecoder, type DecodedChunk } from './stream-decoder';
import { parseFrameHeader, readMp3Layout, type Mp3Layout } from './mp3-layout';
import { PRE_ROLL_FRAMES } from './split-plan';

/** Frames between index entries; also mpg123's synthesis phase (see split-plan.ts). */
const INDEX_STEP = 8;
const WAV_HEADER_BYTES = 44;
const READ_BYTES = 64 * 1024;

export interface Mp3Pcm {
  layout: Mp3Layout;
  /** Output channels (a mono MP3 gives one). */
  channels: 1 | 2;
  /** Samples on the gapless timeline. */
  totalSamples: number;
  /** Byte offset of every INDEX_STEP-th audio frame. */
  index: Float64Array;
  /** Size of the virtual WAV file. */
  size: number;
}

/** Reads the layout and indexes the frames (one pass over the headers); null if not plain Layer III. */
export async function openMp3Pcm(path: string): Promise<Mp3Pcm | null> {
  const layout = await readMp3Layout(path);
  if (!layout) return null;
  const file = await open(path, 'r');
  const offsets: number[] = [];
  let frames = 0;
  try {
    let base = layout.firstFrame;
    let buffer = await readAt(file, base, 1024 * 1024);
    let at = 0;
    for (;;) {
      if (at + 4 > buffer.length) {
        base += at;
        buffer = await readAt(file, base, 1024 * 1024);
        at = 0;
        if (buffer.length < 4) break;
      }
      const header = parseFrameHeader(buffer, at);
      if (!header || header.sampleRate !== layout.sampleRate) break;
      if (frames % INDEX_STEP === 0) offsets.push(base + at);
      frames++;
      at += header.bytes;
    }
  } finally {
    await file.close();
  }
  if (frames === 0) return null;
  const channels = layout.channels;
  const totalSamples = layout.totalSamples ?? Math.max(0, frames * layout.samplesPerFrame - layout.startTrim);
  return { layout, channels, totalSamples, index: Float64Array.from(offsets), size: WAV_HEADER_BYTES + totalSamples * channels * 2 };
}

export function wavHeader(pcm: Pick<Mp3Pcm, 'totalSamples' | 'channels'> & { sampleRate: number }): Uint8Array {
  const dataBytes = pcm.totalSamples * pcm.channels * 2;
  const b = new Uint8Array(WAV_HEADER_BYTES);
  const v = new DataView(b.buffer);
  const ascii = (at: number, s: string) => { for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i); };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, pcm.channels, true);
  v.setUint32(24, pcm.sampleRate, true);
  v.setUint32(28, pcm.sampleRate * pcm.channels * 2, true);
  v.setUint16(32, pcm.channels * 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  return b;
}

/**
 * The bytes `[start, end]` of the virtual WAV as a stream: header bytes as needed, then
 * PCM decoded from the frame that holds the first requested sample.
 */
export function wavRange(path: string, pcm: Mp3Pcm, start: number, end: number): ReadableStream<Uint8Array> {
  const { layout, channels } = pcm;
  const blockAlign = channels * 2;
  const header = wavHeader({ ...pcm, sampleRate: layout.sampleRate });
  let position = start; // next byte of the virtual file to emit
  let file: FileHandle | null = null;
  let decoder: Awaited<ReturnType<typeof createStreamDecoder>> | null = null;
  let readAtByte = 0;
  let toSkip = 0; // raw samples still to drop (pre-roll and the part of the frame before the first sample)
  let pendingByteSkip = 0; // bytes of the first sample block before `start` (start inside a sample)

  const begin = async () => {
    const firstSample = Math.floor(Math.max(0, position - WAV_HEADER_BYTES) / blockAlign);
    pendingByteSkip = Math.max(0, position - WAV_HEADER_BYTES) - firstSample * blockAlign;
    const raw = firstSample + layout.startTrim;
    const frame = Math.floor(raw / layout.samplesPerFrame);
    const entry = Math.max(0, Math.floor((frame - PRE_ROLL_FRAMES) / INDEX_STEP));
    const startFrame = Math.min(entry, pcm.index.length - 1) * INDEX_STEP;
    readAtByte = pcm.index[startFrame / INDEX_STEP]!;
    toSkip = raw - startFrame * layout.samplesPerFrame;
    file = await open(path, 'r');
    decoder = await createStreamDecoder('mp3', { gapless: false });
  };

  const pcmBytes = (chunk: DecodedChunk): Uint8Array | null => {
    let from = 0;
    if (toSkip > 0) {
      from = Math.min(toSkip, chunk.samples);
      toSkip -= from;
    }
    const samples = chunk.samples - from;
    if (samples <= 0) return null;
    const out = new Uint8Array(samples * blockAlign);
    const v = new DataView(out.buffer);
    for (let i = 0; i < samples; i++) {
      for (let c = 0; c < channels; c++) {
        const x = chunk.channelData[c]![from + i]!;
        v.setInt16((i * channels + c) * 2, Math.max(-32768, Math.min(32767, Math.round(x * 32767))), true);
      }
    }
    return out;
  };

  const cleanup = async () => {
    decoder?.free();
    decoder = null;
    const f = file;
    file = null;
    await f?.close();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (position > end) {
          await cleanup();
          controller.close();
          return;
        }
        if (position < WAV_HEADER_BYTES) {
          const part = header.subarray(position, Math.min(WAV_HEADER_BYTES, end + 1));
          position += part.length;
          controller.enqueue(part);
          return;
        }
        if (!decoder) await begin();
        for (;;) {
          const input = new Uint8Array(READ_BYTES);
          const { bytesRead } = await file!.read(input, 0, READ_BYTES, readAtByte);
          readAtByte += bytesRead;
          const chunk = bytesRead > 0 ? await decoder!.decode(input.subarray(0, bytesRead)) : await decoder!.flush();
          let bytes = chunk ? pcmBytes(chunk) : null;
          if (bytes && pendingByteSkip) {
            bytes = bytes.subarray(pendingByteSkip);
            pendingByteSkip = 0;
          }
          if (bytes && bytes.length) {
            const room = end + 1 - position;
            const out = bytes.length > room ? bytes.subarray(0, room) : bytes;
            position += out.length;
            controller.enqueue(out);
            return;
          }
          if (bytesRead === 0) {
            // The file ended before the promised size (a truncated file): pad with silence.
            const room = end + 1 - position;
            const silence = new Uint8Array(Math.min(room, 64 * 1024));
            position += silence.length;
            controller.enqueue(silence);
            return;
          }
        }
      } catch (error) {
        await cleanup();
        controller.error(error);
      }
    },
    async cancel() {
      await cleanup();
    },
  });
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
