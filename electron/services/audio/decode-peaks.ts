/**
 * Computes a file's peaks by streaming it through its decoder chunk by chunk: the start
 * of the file yields peaks within the first chunk (so the waveform can show before the
 * rest is decoded), and memory holds one chunk of PCM at a time, never the whole file.
 * It runs inside the peaks worker (peaks-worker.ts) so the main process stays responsive.
 *
 * An MP3 whose frames mp3-layout can map goes through our own peaks decoder
 * (mpg123-peaks/: mono, reduced-rate synthesis, pairs folded inside the WASM); other
 * MP3s and the other formats through their decoders and the PeakAccumulator here.
 */
import { open } from 'node:fs/promises';
import { sniffAudioFormat } from './audio-format';
import { readMp3Layout, type Mp3Layout } from './mp3-layout';
import { Mpg123Peaks, reducedRateFactor } from './mpg123-peaks/mpg123-peaks';
import { PeakAccumulator, samplesPerPeakFor } from '../../../shared/audio/peak-accumulator';
import { createStreamDecoder, type DecodedChunk } from './stream-decoder';

export interface PeaksHeader {
  sampleRate: number;
  samplesPerPeak: number;
}

/** Pairs `from`.. that became available since the previous progress report. */
export interface PeaksProgress extends PeaksHeader {
  from: number;
  pairs: Int8Array;
  bytesRead: number;
  totalBytes: number;
}

export interface DecodedPeaks extends PeaksHeader {
  /** Decoded samples per channel (of the part, when a part was asked for). */
  samples: number;
  /** Index of the first pair on the whole file's timeline (0 unless a part was decoded). */
  firstPeak: number;
  /** Interleaved min,max pairs. */
  pairs: Int8Array;
}

/**
 * A part of the file decoded on its own (one of two workers' halves). Samples are
 * counted on the decoder's output; the part's kept samples start at `startSample` of
 * the whole file's timeline.
 */
export interface DecodePart {
  /** Byte offset to start reading at (a frame boundary). */
  startByte: number;
  /** Decoder output to drop first (pre-roll that rebuilds the decoder's state). */
  skipSamples: number;
  /** Where the first kept sample sits in the whole file. */
  startSample: number;
  /** Stop after this many kept samples; null reads to the end. */
  maxSamples: number | null;
  /** MP3 gapless trimming: on from the file's start, off from its middle. */
  gapless: boolean;
}

export interface DecodePeaksOptions {
  part?: DecodePart;
  onProgress?(progress: PeaksProgress): void;
  signal?: AbortSignal;
  /** Least time between progress reports after the first one. */
  progressIntervalMs?: number;
}

/**
 * The first read is small so the first peaks come fast. Later reads stay modest: each
 * becomes decoded PCM at once (64 KiB of 128 kbit/s MP3 is 4 s, 1.4 MB of float
 * stereo), and larger reads only grew the garbage the collector lets pile up.
 */
const FIRST_READ_BYTES = 32 * 1024;
const READ_BYTES = 64 * 1024;

const WHOLE_FILE: DecodePart = { startByte: 0, skipSamples: 0, startSample: 0, maxSamples: null, gapless: true };

/** What a progress report reads from the peaks being made (PeakAccumulator has all of it). */
interface PeakSource {
  readonly sampleRate: number;
  readonly samplesPerPeak: number;
  readonly firstPeak: number;
  readonly peakCount: number;
  readonly samples: number;
  slice(from: number): Int8Array;
}

/**
 * Progress reports for `peaks`: the first as soon as there is anything to draw, then at
 * most one per `interval` ms unless forced (the last).
 */
function reporter(options: DecodePeaksOptions, totalBytes: number): { report(peaks: PeakSource | null, bytesRead: number, force: boolean): void } {
  const interval = options.progressIntervalMs ?? 150;
  let reported = 0;
  let lastReport = -Infinity;
  return {
    report(peaks, bytesRead, force) {
      if (!peaks || !options.onProgress) return;
      const now = performance.now();
      if (peaks.peakCount === reported || (!force && reported > 0 && now - lastReport < interval)) return;
      options.onProgress({
        sampleRate: peaks.sampleRate,
        samplesPerPeak: peaks.samplesPerPeak,
        from: peaks.firstPeak + reported,
        pairs: peaks.slice(reported),
        bytesRead,
        totalBytes,
      });
      reported = peaks.peakCount;
      lastReport = now;
    },
  };
}

export async function decodePeaks(path: string, options: DecodePeaksOptions = {}): Promise<DecodedPeaks> {
  const part = options.part ?? WHOLE_FILE;
  const file = await open(path, 'r');
  let head = new Uint8Array(FIRST_READ_BYTES);
  try {
    const { bytesRead } = await file.read(head, 0, FIRST_READ_BYTES, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  const layout = sniffAudioFormat(head) === 'mp3' ? await readMp3Layout(path).catch(() => null) : null;
  const decoder = layout && (await createMp3Peaks(layout, part).catch(() => null));
  // Without either (an MP3 mp3-layout cannot map, or no mpg123-peaks.wasm), mpg123-decoder.
  return layout && decoder ? decodeMp3Peaks(path, layout, decoder, part, options) : decodeWithAccumulator(path, part, options);
}

/** Where the part's samples sit on the timeline, and the end (see decodeMp3Peaks). */
function mp3Window(layout: Mp3Layout, part: DecodePart): { firstSample: number; end: number | null } {
  const trim = part.startByte === 0 && part.gapless ? layout.startTrim : 0;
  const end = part.maxSamples !== null ? part.startSample + part.maxSamples : part.gapless || part.startByte !== 0 ? layout.totalSamples : null;
  return { firstSample: part.startSample - part.skipSamples - trim, end };
}

function createMp3Peaks(layout: Mp3Layout, part: DecodePart): Promise<Mpg123Peaks> {
  const { firstSample, end } = mp3Window(layout, part);
  return Mpg123Peaks.create({
    factor: reducedRateFactor(layout.sampleRate),
    samplesPerPeak: samplesPerPeakFor(layout.sampleRate),
    firstSample,
    keepFrom: part.startSample,
    keepTo: end,
  });
}

/**
 * The MP3 through mpg123-peaks. Its output is placed on the timeline exactly: a whole
 * or first-half decode starts `startTrim` before the timeline's 0 (LAME's encoder delay
 * plus mpg123's decoder delay, or that delay alone without a LAME tag, as the other
 * path trims), a second half `skipSamples` before its `startSample`; the end is the
 * LAME tag's length (padding trimmed) or the part's.
 */
async function decodeMp3Peaks(path: string, layout: Mp3Layout, decoder: Mpg123Peaks, part: DecodePart, options: DecodePeaksOptions): Promise<DecodedPeaks> {
  const samplesPerPeak = decoder.samplesPerPeak;
  const { end } = mp3Window(layout, part);
  const file = await open(path, 'r').catch((error: unknown) => {
    decoder.free();
    throw error;
  });
  try {
    const totalBytes = (await file.stat()).size;
    const progress = reporter(options, totalBytes);
    const pairs = new PairList(layout.sampleRate, samplesPerPeak, Math.floor(part.startSample / samplesPerPeak));
    const collect = () => {
      const taken = decoder.take();
      if (taken) pairs.append(taken.first, taken.pairs);
      pairs.samples = decoder.samples;
    };
    let position = part.startByte;
    let size = FIRST_READ_BYTES;
    for (;;) {
      options.signal?.throwIfAborted();
      const buffer = new Uint8Array(size);
      const { bytesRead } = await file.read(buffer, 0, size, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      decoder.feed(buffer.subarray(0, bytesRead));
      collect();
      progress.report(pairs, position, false);
      if (end !== null && decoder.samples >= end - part.startSample) break;
      size = READ_BYTES;
    }
    decoder.finish();
    collect();
    if (decoder.sampleRate === 0 || pairs.peakCount === 0) throw new Error('no audio could be decoded from this file');
    progress.report(pairs, position, true);
    return { sampleRate: pairs.sampleRate, samplesPerPeak, samples: pairs.samples, firstPeak: pairs.firstPeak, pairs: pairs.slice(0) };
  } finally {
    decoder.free();
    await file.close();
  }
}

/** Pairs taken from mpg123-peaks, kept in one buffer that doubles (as PeakAccumulator keeps its own). */
class PairList implements PeakSource {
  private buffer = new Int8Array(2 * 4096);
  private count = 0;
  samples = 0;

  constructor(readonly sampleRate: number, readonly samplesPerPeak: number, readonly firstPeak: number) {}

  append(first: number, pairs: Int8Array): void {
    if (first !== this.firstPeak + this.count) throw new Error(`MP3 peaks out of order: pair ${first}, expected ${this.firstPeak + this.count}`);
    if (2 * this.count + pairs.length > this.buffer.length) {
      const grown = new Int8Array(Math.max(2 * this.buffer.length, 2 * this.count + pairs.length));
      grown.set(this.buffer.subarray(0, 2 * this.count));
      this.buffer = grown;
    }
    this.buffer.set(pairs, 2 * this.count);
    this.count += pairs.length / 2;
  }

  get peakCount(): number {
    return this.count;
  }

  slice(from: number): Int8Array {
    return this.buffer.slice(2 * from, 2 * this.count);
  }
}

/** Any format through its stream decoder (MP3: mpg123-decoder, also the fallback for MP3s mpg123-peaks does not take). */
export async function decodeWithAccumulator(path: string, part: DecodePart, options: DecodePeaksOptions): Promise<DecodedPeaks> {
  const file = await open(path, 'r');
  try {
    const totalBytes = (await file.stat()).size;
    // A fresh buffer per read: the Ogg/FLAC parsers may hold on to slices of their input.
    let buffer = new Uint8Array(FIRST_READ_BYTES);
    let { bytesRead } = await file.read(buffer, 0, FIRST_READ_BYTES, 0);
    const format = sniffAudioFormat(buffer.subarray(0, bytesRead));
    const decoder = await createStreamDecoder(format, { gapless: part.gapless });
    const layout = format === 'mp3' ? await readMp3Layout(path).catch(() => null) : null;
    // mpg123 doubles a mono stream into two equal channels; folding one is half the work.
    const channels = format === 'mp3' ? (layout?.channels ?? 2) : Infinity;
    let position = part.startByte;
    if (position !== 0) ({ bytesRead } = await file.read(buffer, 0, FIRST_READ_BYTES, position));
    // Without a LAME tag mpg123's gapless mode trims nothing: drop its decoder delay here,
    // so such files share the time base of mp3-layout (and of playback, mp3-wav-stream).
    let toSkip = part.skipSamples + (layout && layout.totalSamples === null && part.gapless && part.startByte === 0 ? layout.startTrim : 0);
    let room = part.maxSamples ?? Infinity;
    let peaks: PeakAccumulator | null = null;
    const progress = reporter(options, totalBytes);
    const report = (force: boolean) => progress.report(peaks, position, force);
    const take = (decoded: Awaited<ReturnType<typeof decoder.decode>>) => {
      if (decoded && decoded.channelData.length > channels) decoded.channelData = decoded.channelData.slice(0, channels);
      const chunk = decoded && window(decoded, toSkip, room);
      if (decoded) toSkip = Math.max(0, toSkip - decoded.samples);
      if (!chunk) return;
      room -= chunk.samples;
      peaks ??= new PeakAccumulator(chunk.sampleRate, part.startSample);
      peaks.add(chunk);
    };
    try {
      while (bytesRead > 0 && room > 0) {
        options.signal?.throwIfAborted();
        position += bytesRead;
        // Views into the decoder's memory where it can (each is folded before the next).
        if (decoder.decodeEach) decoder.decodeEach(buffer.subarray(0, bytesRead), take);
        else take(await decoder.decode(buffer.subarray(0, bytesRead)));
        report(false);
        buffer = new Uint8Array(READ_BYTES);
        ({ bytesRead } = await file.read(buffer, 0, READ_BYTES, position));
      }
      if (room > 0) take(await decoder.flush());
    } finally {
      decoder.free();
    }
    const done = peaks as PeakAccumulator | null;
    if (!done) throw new Error('no audio could be decoded from this file');
    done.finish();
    report(true);
    return { sampleRate: done.sampleRate, samplesPerPeak: done.samplesPerPeak, samples: done.samples, firstPeak: done.firstPeak, pairs: done.slice(0) };
  } finally {
    await file.close();
  }
}

/** The samples of `chunk` after dropping `skip` and keeping at most `room`; null when none. */
function window(chunk: DecodedChunk, skip: number, room: number): DecodedChunk | null {
  if (skip === 0 && chunk.samples <= room) return chunk;
  const from = Math.min(skip, chunk.samples);
  const to = Math.min(chunk.samples, from + room);
  if (to <= from) return null;
  return { sampleRate: chunk.sampleRate, samples: to - from, channelData: chunk.channelData.map((c) => c.subarray(from, to)) };
}
