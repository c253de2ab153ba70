/**
 * The recording's alignment features, streamed: each decoded chunk is downmixed and
 * decimated (shared/align/downmix.ts) and goes straight into the MFCC front end, then is
 * dropped. Memory holds the features (13 floats per 10 ms) and one chunk of PCM, never
 * the file's samples. A time window (Align selection) stops the decode at its end and
 * skips the features before its start.
 */
import { open } from 'node:fs/promises';
import { Worker, type MessagePort } from 'node:worker_threads';
import { Downmixer } from '../../../shared/align/downmix';
import { FrameMatrix, MfccExtractor } from '../../../shared/align/features';
import type { Signal } from '../../../shared/align/aligner';
import { sniffAudioFormat } from '../audio/audio-format';
import { readMp3Layout } from '../audio/mp3-layout';
import { createStreamDecoder, type DecodedChunk } from '../audio/stream-decoder';

export const REF_HOP = 0.01;
const READ_BYTES = 256 * 1024;
/**
 * Bytes decoded per turn of the event loop. Small on purpose: the synthesizer program's
 * replies are read between two turns, and while this thread decodes it cannot empty
 * their pipe, so the voice waits (64 KiB turns cost an hour's run ~10 s of it).
 */
const TURN_BYTES = 8 * 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
    // Room for all the frames from the start: a matrix grown as it fills copies itself and keeps up to a quarter unused.
    const expectedSeconds = layout ? Math.min(to, (layout.frames * layout.samplesPerFrame) / layout.sampleRate) - from : undefined;
    const state: { downmix: Downmixer | null; mfcc: MfccExtractor | null } = { downmix: null, mfcc: null };
    let position = 0;
    let seen = 0;
    const take = (chunk: DecodedChunk | null) => {
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
      const mfcc = (state.mfcc ??= new MfccExtractor({ sampleRate: rate, hop: REF_HOP, ...(expectedSeconds !== undefined && expectedSeconds > 0 ? { expectedSeconds } : {}) }));
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
        // MP3 hands out views of the decoder's own output (no copy per block); `take` folds them at once.
        for (let at = 0; at < bytesRead; at += TURN_BYTES) {
          if (at > 0) await nextTurn();
          const part = buffer.subarray(at, Math.min(bytesRead, at + TURN_BYTES));
          if (decoder.decodeEach) decoder.decodeEach(part, take);
          else take(await decoder.decode(part));
        }
        // Another decoder may keep a view of what it was given (a partial block) until the next call.
        if (!decoder.decodeEach) buffer = new Uint8Array(READ_BYTES);
        options.onProgress?.(Math.min(1, position / totalBytes));
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
      envelope: { values: features.energy.compact(), step: features.energyHopSamples / rate, offset },
      seconds: seen / rate,
    };
  } finally {
    await file.close();
  }
}

/** workerData of a thread started to decode features (see decodeFeaturesInWorker). */
export const DECODE_FEATURES_ROLE = 'cueline-align-decode-features';

export interface DecodeFeaturesRequest {
  role: typeof DECODE_FEATURES_ROLE;
  path: string;
  from?: number;
  to?: number;
}

type DecodeMessage =
  | { type: 'progress'; share: number }
  | { type: 'done'; frames: { dims: number; length: number; data: FrameMatrix['data'] }; envelope: DecodedFeatures['envelope']; hop: number; centre: number; seconds: number }
  | { type: 'error'; message: string };

/** A script that, started as a worker with a DecodeFeaturesRequest, calls serveDecodeFeatures. */
export interface DecodeWorkerScript {
  source: string;
  eval?: boolean;
}

/** The worker's side: decodes as asked and posts progress, then the features (their buffers moved, not copied). */
export function serveDecodeFeatures(port: MessagePort, request: DecodeFeaturesRequest): void {
  let last = -1;
  decodeFeatures(request.path, {
    ...(request.from !== undefined ? { from: request.from } : {}),
    ...(request.to !== undefined ? { to: request.to } : {}),
    onProgress: (share) => {
      if (share - last < 0.01 && share < 1) return;
      last = share;
      port.postMessage({ type: 'progress', share } satisfies DecodeMessage);
    },
  }).then(
    (f) => {
      const message: DecodeMessage = { type: 'done', frames: { dims: f.frames.dims, length: f.frames.length, data: f.frames.data }, envelope: f.envelope, hop: f.hop, centre: f.centre, seconds: f.seconds };
      port.postMessage(message, [f.frames.data.buffer, f.envelope.values.buffer] as ArrayBuffer[]);
    },
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies DecodeMessage),
  );
}

/**
 * decodeFeatures in a thread of its own: decoding is the longest part of a run that
 * uses this thread, and here it would also hold up reading the synthesizer's replies.
 * Cancelling ends the thread.
 */
export function decodeFeaturesInWorker(script: DecodeWorkerScript, path: string, options: DecodeFeaturesOptions = {}): Promise<DecodedFeatures> {
  options.signal?.throwIfAborted();
  const request: DecodeFeaturesRequest = { role: DECODE_FEATURES_ROLE, path, ...(options.from !== undefined ? { from: options.from } : {}), ...(options.to !== undefined && Number.isFinite(options.to) ? { to: options.to } : {}) };
  const worker = new Worker(script.source, { workerData: request, eval: script.eval ?? false });
  return new Promise<DecodedFeatures>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      finish();
    };
    const abort = () => settle(() => reject(options.signal!.reason instanceof Error ? options.signal!.reason : new Error('canceled')));
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: DecodeMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.share);
      else if (message.type === 'error') settle(() => reject(new Error(message.message)));
      else {
        const frames = new FrameMatrix(message.frames.dims, 0);
        frames.data = message.frames.data;
        frames.length = message.frames.length;
        settle(() => resolve({ frames, envelope: message.envelope, hop: message.hop, centre: message.centre, seconds: message.seconds }));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the decoding thread stopped (exit ${code})`))));
  });
}
