/**
 * MP3 as a PcmSource (see pcm-wav.ts): decoded on demand from the exact frame a seek needs.
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
import { open } from 'node:fs/promises';
import { readAt } from './read-at';
import type { PcmSource } from './pcm-wav';
import { createStreamDecoder } from './stream-decoder';
import { parseFrameHeader, readMp3Layout, type Mp3Layout } from './mp3-layout';
import { PRE_ROLL_FRAMES } from './split-plan';

/** Frames between index entries; also mpg123's synthesis phase (see split-plan.ts). */
const INDEX_STEP = 8;
const READ_BYTES = 64 * 1024;

export interface Mp3Pcm extends PcmSource {
  layout: Mp3Layout;
  /** Byte offset of every INDEX_STEP-th audio frame. */
  index: Float64Array;
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
  const index = Float64Array.from(offsets);
  const spf = layout.samplesPerFrame;
  return {
    layout,
    index,
    sampleRate: layout.sampleRate,
    channels: layout.channels,
    totalSamples: layout.totalSamples ?? Math.max(0, frames * spf - layout.startTrim),
    /**
     * Decodes from a few frames before the one holding `sample`, on the synthesis phase,
     * without gapless trimming; raw sample r is timeline sample r - startTrim.
     */
    async *from(sample: number) {
      const raw = sample + layout.startTrim;
      const frame = Math.floor(raw / spf);
      const entry = Math.min(Math.max(0, Math.floor((frame - PRE_ROLL_FRAMES) / INDEX_STEP)), index.length - 1);
      const startFrame = entry * INDEX_STEP;
      let position = startFrame * spf - layout.startTrim; // timeline position of the next decoded sample
      const input = await open(path, 'r');
      const decoder = await createStreamDecoder('mp3', { gapless: false });
      try {
        let readAtByte = index[entry]!;
        for (;;) {
          const chunk = new Uint8Array(READ_BYTES);
          const { bytesRead } = await input.read(chunk, 0, READ_BYTES, readAtByte);
          readAtByte += bytesRead;
          const decoded = bytesRead > 0 ? await decoder.decode(chunk.subarray(0, bytesRead)) : await decoder.flush();
          if (decoded && decoded.samples > 0) {
            yield { start: position, channelData: decoded.channelData, samples: decoded.samples };
            position += decoded.samples;
          }
          if (bytesRead === 0) return;
        }
      } finally {
        decoder.free();
        await input.close();
      }
    },
  };
}

