/**
 * The MP3 peaks decoder of our own: libmpg123 1.25.10 plus peaks.c, built into
 * mpg123-peaks.wasm by scripts/build-mpg123-peaks.sh. MP3 bytes go in, min/max pairs
 * come out; the PCM never leaves the WASM module. It does only what the peaks need
 * (mono, synthesised at a quarter or half of the rate: see peaks.c), which is what
 * brings its CPU near ffmpeg's, where mpg123-decoder's full decode costs twice it.
 *
 * The .wasm is a file of its own, read from disk (never fetched), beside the bundled
 * worker in the app (scripts/build.mjs copies it, build/electron-builder.json unpacks
 * it) and beside this module from source. It is separate on purpose: libmpg123 is
 * LGPL-2.1, and a user may replace that file with their own build of it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MPG123_PEAKS_WASM = 'mpg123-peaks.wasm';

/** Where the .wasm is: beside the bundle (`*.cjs`, unpacked from the asar), else beside this source file. */
export function mpg123PeaksWasmPath(): string {
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) {
    return join(dirname(__filename).replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'), MPG123_PEAKS_WASM);
  }
  return join(dirname(fileURLToPath(import.meta.url)), MPG123_PEAKS_WASM);
}

/**
 * The rate divisor for a stream: the most mpg123 can divide by (4) that keeps at
 * least 8 kHz of output (4 kHz of bandwidth: the body of speech, and of a click track's
 * 3 kHz clicks). 44.1/48/32 kHz: 4; 22.05/24/16 kHz: 2; below: 1.
 */
export function reducedRateFactor(sampleRate: number): 1 | 2 | 4 {
  return sampleRate / 4 >= 8000 ? 4 : sampleRate / 2 >= 8000 ? 2 : 1;
}

/** The part of the WebAssembly JS API used here (the main process's TypeScript libs do not declare it). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: object }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  peaks_create(factor: number, pruned: number, samplesPerPeak: number, firstRaw: number, keepFrom: number, keepTo: number): number;
  peaks_input(h: number): number;
  peaks_input_size(): number;
  peaks_feed(h: number, length: number): number;
  peaks_finish(h: number): number;
  peaks_pairs(h: number): number;
  peaks_count(h: number): number;
  peaks_first(h: number): number;
  peaks_take(h: number): void;
  peaks_rate(h: number): number;
  peaks_samples(h: number): number;
  peaks_free(h: number): void;
}

/** WASI errno ENOSYS: libmpg123's file readers would call these; the feeder used here never does. */
const ENOSYS = 52;
const WASI_IMPORTS = { wasi_snapshot_preview1: { fd_close: () => ENOSYS, fd_read: () => ENOSYS, fd_seek: () => ENOSYS, fd_write: () => ENOSYS } };

let compiled: Promise<object> | null = null;

export interface Mpg123PeaksOptions {
  /** Rate divisor (reducedRateFactor of the stream's rate). */
  factor: 1 | 2 | 4;
  /** Samples per pair at the stream's full rate. */
  samplesPerPeak: number;
  /** Where the first decoded sample sits on the file's timeline (negative: before its start, trimmed). */
  firstSample: number;
  /** The timeline samples to fold: [keepFrom, keepTo), keepTo null for to the end. */
  keepFrom: number;
  keepTo: number | null;
  /** Off only to compare with mpg123's own 4:1 synthesis (tests). */
  pruned?: boolean;
}

const MPG123_PEAKS_NO_MEMORY = -2;

export class Mpg123Peaks {
  private constructor(private readonly x: Exports, private readonly handle: number, readonly samplesPerPeak: number) {}

  static async create(options: Mpg123PeaksOptions): Promise<Mpg123Peaks> {
    compiled ??= readFile(mpg123PeaksWasmPath()).then((bytes) => wasmApi.compile(bytes));
    const instance = await wasmApi.instantiate(await compiled, WASI_IMPORTS);
    const x = instance.exports as unknown as Exports;
    x._initialize();
    const handle = x.peaks_create(options.factor, options.pruned === false ? 0 : 1, options.samplesPerPeak, options.firstSample, options.keepFrom, options.keepTo ?? -1);
    if (!handle) throw new Error('the MP3 decoder could not start');
    return new Mpg123Peaks(x, handle, options.samplesPerPeak);
  }

  /**
   * Decodes `bytes` (the next bytes of the file). A damaged frame is skipped and mpg123
   * resyncs, as mpg123-decoder does; a long run of them ends this call's decoding.
   */
  feed(bytes: Uint8Array): void {
    const size = this.x.peaks_input_size();
    for (let at = 0; at < bytes.length; at += size) {
      const part = bytes.subarray(at, at + size);
      new Uint8Array(this.x.memory.buffer, this.x.peaks_input(this.handle), part.length).set(part);
      if (this.x.peaks_feed(this.handle, part.length) === MPG123_PEAKS_NO_MEMORY) throw new Error('out of memory decoding the MP3');
    }
  }

  /** Closes the last, partial pair once the input has ended. */
  finish(): void {
    if (this.x.peaks_finish(this.handle) === MPG123_PEAKS_NO_MEMORY) throw new Error('out of memory decoding the MP3');
  }

  /** The pairs completed since the last take (min,max interleaved), and the timeline index of the first. */
  take(): { first: number; pairs: Int8Array } | null {
    const count = this.x.peaks_count(this.handle);
    if (count === 0) return null;
    const first = this.x.peaks_first(this.handle);
    const pairs = new Int8Array(this.x.memory.buffer, this.x.peaks_pairs(this.handle), 2 * count).slice();
    this.x.peaks_take(this.handle);
    return { first, pairs };
  }

  /** The stream's full sample rate; 0 until a frame has been decoded. */
  get sampleRate(): number {
    return this.x.peaks_rate(this.handle);
  }

  /** Kept samples per channel, counted at the full rate. */
  get samples(): number {
    return this.x.peaks_samples(this.handle);
  }

  free(): void {
    this.x.peaks_free(this.handle);
  }
}
