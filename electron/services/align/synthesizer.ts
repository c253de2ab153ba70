/**
 * Speaks each cue with eSpeak-NG, run as its own program (espeak-synth.mjs: GPL-3.0,
 * never loaded into this MIT process), and turns the voice straight into features as
 * each cue arrives: the synthesized audio is never kept. Cues are laid end to end with a
 * short pause between them, and each cue's and word's place on that timeline is kept.
 *
 * eSpeak speaks at about 2.3 times a talker's pace (400 wpm) and its features are taken
 * at that share of the hop, so its frames line up about one to one with the recording's
 * 10 ms frames; the band DTW absorbs the rest of the tempo difference. Its wave
 * generator's cost is per output sample: an hour's transcript at 350 wpm was 1,905 s of
 * voice and 9.1 s of eSpeak CPU, at 450 wpm 1,508 s and 7.1 s (same run, load ~8; 175
 * wpm: 3,757 s, 12.9 s; above 450 eSpeak gives the same samples). 400, not 450: at 450
 * the Otter-blocks accuracy case lost a cue by 15 s (at pitch 99) and the bench's 10 min
 * by 0.86 s (at pitch 50).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Signal, SynthUnit } from '../../../shared/align/aligner';
import { MfccExtractor } from '../../../shared/align/features';
import { tokenSpans, type SpokenWords } from '../../../shared/align/words';
import { REF_HOP } from './decode-features';

export const SYNTH_WPM = 400;
/**
 * eSpeak's highest pitch (0-99; 50 is its default): its generator sums the voice's
 * harmonics sample by sample, and a higher voice has fewer of them below the top formant.
 * An hour's transcript took 6.1 s of eSpeak CPU at 99 against 6.8-7.1 s at 50 (350 wpm,
 * load ~8). It also matched better: bench start errors at 400 wpm and 99 against 350
 * and 50, same load (~9): 10 min worst 10 ms (was 24), 60 min worst 527 ms (was 1,231)
 * with 25 cues over 40 ms (was 39); on 10 min of flite's male voice (rms) worst 64 ms
 * (was 54) with the same 3 over 40 ms.
 */
export const SYNTH_PITCH = 99;
const TALKER_WPM = 175;
const SYNTH_HOP = (REF_HOP * TALKER_WPM) / SYNTH_WPM;
/** Pause laid between two cues, synthesized seconds. */
const GAP = 0.1;
/** Samples below this (16-bit) at a clip's edges are its leading/trailing silence. */
const SILENT = 64;

export interface Synthesized {
  signal: Signal;
  units: SynthUnit[];
}

export interface SynthesizeOptions {
  signal?: AbortSignal;
  onProgress?(share: number): void;
  /** The synthesizer program; the bundled eSpeak one by default. */
  program?: string;
  /** More arguments for the program. */
  programArgs?: string[];
}

function defaultProgram(): string {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) return join(dirname(__filename).replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'), 'espeak-synth.mjs');
  return join(dirname(fileURLToPath(import.meta.url)), 'espeak-synth.mjs');
}

interface ReplyHeader {
  sampleRate: number;
  samples: number;
  words: { at: number; ms: number }[];
  error?: string;
}

/**
 * Splits the program's stdout into replies (a 4-byte length, JSON, then 16-bit PCM).
 * Each part is copied once, straight from the pipe's chunks into a buffer kept for the
 * whole run (grown to the longest cue): `pcm` is a view of it, valid only during the
 * call. Joining chunks and copying each reply anew made hundreds of MB of short-lived
 * buffers for a long file, and the process kept much of that memory.
 */
function replyReader(onReply: (header: ReplyHeader, pcm: Int16Array) => void): (chunk: Buffer) => void {
  let stage: 'length' | 'header' | 'pcm' = 'length';
  let need = 4;
  let filled = 0;
  let part = new Uint8Array(1 << 16);
  let header: ReplyHeader | null = null;
  const room = (bytes: number) => {
    if (part.length < bytes) part = new Uint8Array(Math.max(bytes, part.length * 2));
  };
  const complete = () => {
    if (stage === 'length') {
      need = new DataView(part.buffer, 0, 4).getUint32(0, true);
      stage = 'header';
    } else if (stage === 'header') {
      header = JSON.parse(Buffer.from(part.buffer, 0, need).toString('utf8')) as ReplyHeader;
      need = header.samples * 2;
      stage = 'pcm';
    } else {
      // 16-bit little-endian, as this machine reads them (x86 and ARM both are).
      const pcm = new Int16Array(part.buffer, 0, need / 2);
      stage = 'length';
      need = 4;
      onReply(header!, pcm);
    }
    filled = 0;
    room(need);
  };
  return (chunk) => {
    let at = 0;
    for (;;) {
      while (filled === need) complete();
      if (at === chunk.length) return;
      const n = Math.min(need - filled, chunk.length - at);
      part.set(chunk.subarray(at, at + n), filled);
      filled += n;
      at += n;
    }
  };
}

/** eSpeak at 400 wpm says about 40 characters of English text a second (measured on the bench's transcript: 35 at 350, 44 at 450). */
const CHARS_PER_SECOND = 40;
/**
 * Seconds of synthesized timeline to give the features room for, from the text. Generous
 * on purpose: room never written is never resident (a zeroed buffer's pages), while
 * running out means growing by a copy, which for three hours briefly held 56 MB twice.
 */
function roomForSpeech(texts: string[]): number {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  return 1.4 * (chars / CHARS_PER_SECOND + texts.length * GAP) + 1;
}

/**
 * V8 settings for the synthesizer program, which runs one request at a time on one
 * thread: a 1 MB young generation and no GC helper threads. Its replies make short-lived
 * buffers that otherwise fill a 16 MB semi-space and the helper threads' heaps; for three
 * hours of text it peaked at 102-115 MB without these and 69-71 MB with them (scratch
 * runs of the program alone, about the same time).
 */
const SYNTH_V8_FLAGS = ['--max-semi-space-size=1', '--single-threaded'];

export function synthesize(cues: SpokenWords[], options: SynthesizeOptions = {}): Promise<Synthesized> {
  const child = spawn(process.execPath, [...SYNTH_V8_FLAGS, options.program ?? defaultProgram(), ...(options.programArgs ?? [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const spoken = cues.map((c, k) => ({ k, words: c })).filter((c) => c.words.tokens.length > 0);
  const expectedSeconds = roomForSpeech(spoken.map((c) => c.words.spoken));
  const units: SynthUnit[] = cues.map(() => ({ start: 0, end: 0, words: [] }));
  let mfcc: MfccExtractor | null = null;
  let timeline = 0;
  let answered = 0;
  let stderr = '';
  return new Promise<Synthesized>((resolve, reject) => {
    const abort = () => child.kill();
    options.signal?.addEventListener('abort', abort, { once: true });
    const fail = (error: Error) => {
      child.kill();
      reject(error);
    };
    const place = (upTo: number) => {
      // Unspoken cues (no words) sit where the timeline is.
      for (let k = answered === 0 ? 0 : spoken[answered - 1]!.k + 1; k < upTo; k++) units[k] = { start: timeline, end: timeline, words: [] };
    };
    let clip = new Float32Array(0);
    child.stdout.on('data', replyReader((header, pcm) => {
      if (header.error) return fail(new Error(`speech synthesizer: ${header.error}`));
      const { k, words } = spoken[answered]!;
      place(k);
      const rate = header.sampleRate;
      mfcc ??= new MfccExtractor({ sampleRate: rate, hop: SYNTH_HOP, window: 0.0125, energyHop: SYNTH_HOP / 2, expectedSeconds });
      let from = 0;
      let to = pcm.length;
      while (from < to && Math.abs(pcm[from]!) < SILENT) from++;
      while (to > from && Math.abs(pcm[to - 1]!) < SILENT) to--;
      mfcc.pushSilence(GAP);
      timeline += Math.round(GAP * rate) / rate;
      const start = timeline;
      if (clip.length < to - from) clip = new Float32Array(Math.max(to - from, clip.length * 2));
      for (let i = from; i < to; i++) clip[i - from] = pcm[i]! / 32768;
      mfcc.push(clip.subarray(0, to - from));
      timeline += (to - from) / rate;
      const events = header.words.map((w) => ({ at: w.at, time: start + w.ms / 1000 - from / rate }));
      units[k] = { start, end: timeline, words: tokenSpans(words, events, start, timeline) };
      answered++;
      options.onProgress?.(answered / spoken.length);
      if (answered === spoken.length) child.stdin.end();
    }));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', (e) => fail(new Error(`cannot start the speech synthesizer: ${e.message}`)));
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) return reject(options.signal.reason instanceof Error ? options.signal.reason : new Error('canceled'));
      if (answered < spoken.length) return reject(new Error(`the speech synthesizer stopped (exit ${code}): ${stderr.trim().slice(-500)}`));
      place(cues.length);
      const m = mfcc as MfccExtractor | null;
      if (!m) return reject(new Error('nothing to align: the transcript has no words'));
      m.pushSilence(GAP + 0.05);
      resolve({
        signal: { frames: m.frames.trim(), hop: m.hopSamples / m.sampleRate, centre: m.windowSamples / 2 / m.sampleRate, envelope: { values: m.energy.compact(), step: m.energyHopSamples / m.sampleRate, offset: 0 } },
        units,
      });
    });
    if (spoken.length === 0) child.stdin.end();
    for (const { words } of spoken) child.stdin.write(JSON.stringify({ text: words.spoken, rate: SYNTH_WPM, pitch: SYNTH_PITCH, voice: 'en-us' }) + '\n');
  });
}
