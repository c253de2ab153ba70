/**
 * The recording's alignment features, streamed: each decoded chunk is downmixed and
 * decimated (shared/align/downmix.ts) and goes straight into the MFCC front end, then is
 * dropped. Memory holds the features (13 floats per 10 ms) and one chunk of PCM, never
 * the file's samples. A time window (Align selection) stops the decode at its end and
 * skips the features before its start.
 */
import { open } from 'node:fs/promises';
import { Downmixer } from '../../../shared/align/downmix';
import { MfccExtractor } from '../../../shared/align/features';
import type { Signal } from '../../../shared/align/aligner';
import { sniffAudioFormat } from '../audio/audio-format';
import { readMp3Layout } from '../audio/mp3-layout';
import { createStreamDecoder } from '../audio/stream-decoder';

export const REF_HOP = 0.01;
const READ_BYTES = 64 * 1024;

export interface DecodeFeaturesOptions {
  /** Recording seconds to keep: features start at `from`, decoding stops after `to`. */
  from?: number;
  to?: number;
  signal?: AbortSignal;
  onProgress?(share: number): void;
}

export interface DecodedFeatures extends Signal {
  /** Length of the decoded audio (up to `to`), seconds. */
  seconds: number;
}

export async function decodeFeatures(path: string, options: DecodeFeaturesOptions = {}): Promise<DecodedFeatures> {
  const file = await open(path, 'r');
  try {
    const totalBytes = (await file.stat()).size;
    let buffer = new Uint8Array(READ_BYTES);
    let { bytesRead } = await file.read(buffer, 0, READ_BYTES, 0);
    const format = sniffAudioFormat(buffer.subarray(0, bytesRead));
    const decoder = await createStreamDecoder(format);
    const layout = format === 'mp3' ? await readMp3Layout(path).catch(() => null) : null;
    // Same time base as playback and peaks (decode-peaks.ts): without a LAME tag, drop mpg123's delay.
    let toSkip = layout && layout.totalSamples === null ? layout.startTrim : 0;
    const channels = format === 'mp3' ? (layout?.channels ?? 2) : Infinity;
    const from = options.from ?? 0;
    const to = options.to ?? Infinity;
    const state: { downmix: Downmixer | null; mfcc: MfccExtractor | null } = { downmix: null, mfcc: null };
    let position = 0;
    let seen = 0;
    const take = (chunk: Awaited<ReturnType<typeof decoder.decode>>) => {
      if (!chunk) return;
      let data = chunk.channelData.slice(0, Math.min(channels, chunk.channelData.length));
      let samples = chunk.samples;
      if (toSkip > 0) {
        const skip = Math.min(toSkip, samples);
        data = data.map((c) => c.subarray(skip));
        samples -= skip;
        toSkip -= skip;
      }
      if (samples <= 0) return;
      const downmix = (state.downmix ??= new Downmixer(chunk.sampleRate));
      const rate = downmix.outputRate;
      const mfcc = (state.mfcc ??= new MfccExtractor({ sampleRate: rate, hop: REF_HOP }));
      const mono = downmix.push(data, samples);
      const startAt = seen;
      seen += mono.length;
      const keepFrom = Math.max(0, Math.round(from * rate) - startAt);
      const keepTo = Math.min(mono.length, Math.round(to * rate) - startAt);
      if (keepTo > keepFrom) mfcc.push(mono.subarray(keepFrom, keepTo));
    };
    try {
      while (bytesRead > 0 && (!state.downmix || seen / state.downmix.outputRate < to)) {
        options.signal?.throwIfAborted();
        position += bytesRead;
        take(await decoder.decode(buffer.subarray(0, bytesRead)));
        options.onProgress?.(Math.min(1, position / totalBytes));
        buffer = new Uint8Array(READ_BYTES);
        ({ bytesRead } = await file.read(buffer, 0, READ_BYTES, position));
      }
      if (bytesRead === 0) take(await decoder.flush());
    } finally {
      decoder.free();
    }
    const { mfcc: features, downmix: mixer } = state;
    if (!features || !mixer || features.frames.length === 0) throw new Error(`${path}: no audio could be decoded from this file`);
    const rate = mixer.outputRate;
    const offset = Math.min(from, seen / rate);
    return {
      frames: features.frames.trim(),
      hop: features.hopSamples / rate,
      centre: features.windowSamples / 2 / rate,
      envelope: { values: features.energy.values().slice(), step: features.energyHopSamples / rate, offset },
      seconds: seen / rate,
    };
  } finally {
    await file.close();
  }
}
