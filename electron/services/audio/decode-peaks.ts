/**
 * Computes a file's peaks by streaming it through its decoder chunk by chunk: the start
 * of the file yields peaks within the first chunk (so the waveform can show before the
 * rest is decoded), and memory holds one chunk of PCM at a time, never the whole file.
 * It runs inside the peaks worker (peaks-worker.ts) so the main process stays responsive.
 */
import { open } from 'node:fs/promises';
import { sniffAudioFormat } from './audio-format';
import { readMp3Layout } from './mp3-layout';
import { PeakAccumulator } from '../../../shared/audio/peak-accumulator';
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

export async function decodePeaks(path: string, options: DecodePeaksOptions = {}): Promise<DecodedPeaks> {
  const interval = options.progressIntervalMs ?? 150;
  const part = options.part ?? { startByte: 0, skipSamples: 0, startSample: 0, maxSamples: null, gapless: true };
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
    let reported = 0;
    let lastReport = -Infinity;
    const report = (force: boolean) => {
      if (!peaks || !options.onProgress) return;
      const now = performance.now();
      if (peaks.peakCount === reported || (!force && now - lastReport < interval)) return;
      options.onProgress({
        sampleRate: peaks.sampleRate,
        samplesPerPeak: peaks.samplesPerPeak,
        from: peaks.firstPeak + reported,
        pairs: peaks.slice(reported),
        bytesRead: position,
        totalBytes,
      });
      reported = peaks.peakCount;
      lastReport = now;
    };
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
        // The first report goes out as soon as there is anything to draw.
        report(reported === 0);
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
