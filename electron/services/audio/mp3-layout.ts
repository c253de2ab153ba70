/**
 * Where an MP3's frames are, read from their headers (no decoding): the first audio
 * frame after ID3v2 and the Xing/Info frame, samples per frame, the frame count, and the
 * gapless trim from the LAME tag. This is what lets two workers decode the two halves
 * of a file and put the second half's samples at their exact place on the timeline.
 */
import { open } from 'node:fs/promises';
import { readAt } from './read-at';

export interface Mp3Layout {
  /** Byte offset of the first audio frame (after ID3v2 and the Xing/Info frame). */
  firstFrame: number;
  sampleRate: number;
  samplesPerFrame: number;
  /** 1 for a mono stream (mpg123 still outputs two identical channels), else 2. */
  channels: 1 | 2;
  /** Audio frames (Xing/Info frame excluded): from the Xing header, else estimated from the size. */
  frames: number;
  /**
   * Samples dropped at the start: the LAME tag's encoder delay plus mpg123's decoder
   * delay (529). Without a LAME tag the encoder delay is unknown and mpg123 trims
   * nothing; the decoder delay (529) is still dropped, by the caller, as ffmpeg does.
   */
  startTrim: number;
  /** Samples after gapless trimming (LAME tag), or null when the file does not say. */
  totalSamples: number | null;
}

/** mpg123 counts this decoder delay on top of the encoder's (GAPLESS_DELAY in libmpg123). */
export const MPG123_DECODER_DELAY = 529;

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export interface FrameHeader {
  bytes: number;
  sampleRate: number;
  samplesPerFrame: number;
  mpeg1: boolean;
  mono: boolean;
}

/** Parses a Layer III frame header at `at`; null when there is none (other layers included). */
export function parseFrameHeader(b: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3;
  const layer = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const kbps = (mpeg1 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex]!;
  const padding = (b[at + 2]! >> 1) & 1;
  const bytes = Math.floor(((mpeg1 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return { bytes, sampleRate, samplesPerFrame: mpeg1 ? 1152 : 576, mpeg1, mono: b[at + 3]! >> 6 === 3 };
}

/** Reads the layout, or null when the file is not a plain Layer III stream we can split safely. */
export async function readMp3Layout(path: string): Promise<Mp3Layout | null> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    let start = 0;
    const id3 = await readAt(file, 0, 10);
    if (id3.length === 10 && id3[0] === 0x49 && id3[1] === 0x44 && id3[2] === 0x33) {
      const tagSize = ((id3[6]! & 0x7f) << 21) | ((id3[7]! & 0x7f) << 14) | ((id3[8]! & 0x7f) << 7) | (id3[9]! & 0x7f);
      start = 10 + tagSize + (id3[5]! & 0x10 ? 10 : 0);
    }
    const head = await readAt(file, start, 16 * 1024);
    const first = parseFrameHeader(head, 0);
    if (!first || !chained(head, 0, 3)) return null;
    const sideInfo = first.mpeg1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17;
    const x = 4 + sideInfo;
    const tag = String.fromCharCode(...head.subarray(x, x + 4));
    let firstFrame = start;
    let frames = 0;
    let startTrim = MPG123_DECODER_DELAY;
    let totalSamples: number | null = null;
    if (tag === 'Xing' || tag === 'Info') {
      firstFrame = start + first.bytes;
      const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
      const flags = view.getUint32(x + 4);
      let at = x + 8;
      if (flags & 1) { frames = view.getUint32(at); at += 4; }
      if (flags & 2) at += 4;
      if (flags & 4) at += 100;
      if (flags & 8) at += 4;
      // The LAME tag: 9-byte encoder string, then at +21 the 12-bit delay and padding.
      const encoder = String.fromCharCode(...head.subarray(at, at + 4));
      if (frames > 0 && (encoder === 'LAME' || encoder === 'Lavc' || encoder === 'Lavf') && at + 24 <= head.length) {
        const delay = (head[at + 21]! << 4) | (head[at + 22]! >> 4);
        const padding = ((head[at + 22]! & 0x0f) << 8) | head[at + 23]!;
        startTrim = delay + MPG123_DECODER_DELAY;
        totalSamples = frames * first.samplesPerFrame - delay - padding;
      }
    }
    if (frames === 0) frames = Math.floor((size - firstFrame) / first.bytes);
    return { firstFrame, sampleRate: first.sampleRate, samplesPerFrame: first.samplesPerFrame, channels: first.mono ? 1 : 2, frames, startTrim, totalSamples };
  } finally {
    await file.close();
  }
}

/**
 * Byte offset of audio frame `index` (0 = first audio frame), hopping from header to
 * header (frames vary in size: VBR, padding). Null if the chain breaks before it.
 */
export async function frameOffset(path: string, layout: Mp3Layout, index: number): Promise<number | null> {
  const file = await open(path, 'r');
  try {
    const block = 1024 * 1024;
    let base = layout.firstFrame;
    let buffer = await readAt(file, base, block);
    let at = 0;
    for (let frame = 0; frame < index; frame++) {
      if (at + 4 > buffer.length) {
        base += at;
        buffer = await readAt(file, base, block);
        at = 0;
      }
      const header = parseFrameHeader(buffer, at);
      if (!header || header.sampleRate !== layout.sampleRate) return null;
      at += header.bytes;
    }
    if (at + 4 > buffer.length) {
      base += at;
      buffer = await readAt(file, base, 4);
      at = 0;
    }
    return parseFrameHeader(buffer, at) ? base + at : null;
  } finally {
    await file.close();
  }
}

/** True when `count` frames follow each other from `at` (guards against a false sync). */
function chained(b: Uint8Array, at: number, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const header = parseFrameHeader(b, at);
    if (!header) return false;
    at += header.bytes;
  }
  return true;
}

