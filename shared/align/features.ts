/**
 * Streaming MFCC front end: PCM in, one 13-coefficient frame per hop out, plus a finer
 * energy envelope for onset refinement. The filterbank is built for the signal's own
 * sample rate, so the recording (decimated to ~16–24 kHz) and the synthesizer's voice
 * (22.05 kHz) give comparable features without a resampler.
 *
 * fft.js does the transforms: a radix-4 real FFT in plain JS, faster here than a WASM
 * round trip per 512-sample frame.
 */
import FFT from 'fft.js';

export const MFCC_DIMS = 13;
const MEL_FILTERS = 24;
const MEL_LOW_HZ = 100;
const MEL_HIGH_HZ = 7600;

/**
 * Stored steps per unit of a raw MFCC coefficient. A coefficient is a sum of 24 log
 * filterbank energies, each within about -8.5..18 for samples in [-1, 1], so |value| < 450
 * and 1/64 steps fit 16 bits; a step is under 1% of any coefficient's spread in speech.
 */
export const RAW_SCALE = 64;
/** Stored steps per standard deviation once normalised: ±32 sd in 16 bits, 0.001 sd a step. */
export const NORMALIZED_SCALE = 1024;

/**
 * Frames of `dims` coefficients each, in one growable buffer (never an array of arrays),
 * held as 16-bit fixed point: a value is `data[k] / scale`. Half the memory of floats,
 * which for three hours is 59 MB less for each of the two signals, while it streams in
 * and through the whole alignment.
 */
export class FrameMatrix {
  data: Int16Array;
  length = 0;
  /** Stored steps per unit of value. */
  scale = RAW_SCALE;
  constructor(readonly dims: number, initialFrames = 1024) {
    this.data = new Int16Array(dims * initialFrames);
  }
  /** Room for one more frame; returns its offset into `data`. */
  push(): number {
    const need = (this.length + 1) * this.dims;
    if (need > this.data.length) {
      // Growing by a quarter: a three-hour recording's 28 MB of frames never needs 3x that while copying.
      const grown = new Int16Array(Math.max(need, Math.ceil(this.data.length * 1.25)));
      grown.set(this.data.subarray(0, this.length * this.dims));
      this.data = grown;
    }
    return this.length++ * this.dims;
  }
  /** Stores `value` at `at`, to the nearest step (a value past the range is held at its end). */
  put(at: number, value: number): void {
    this.data[at] = Math.max(-32768, Math.min(32767, Math.round(value * this.scale)));
  }
  value(at: number): number {
    return this.data[at]! / this.scale;
  }
  /** Views just the frames (no copy: a copy would briefly double the memory). */
  trim(): this {
    this.data = this.data.subarray(0, this.length * this.dims);
    return this;
  }
}

/**
 * Frames `from`..`to` (exclusive) as a matrix that views the same data, not a copy (a
 * copy of a three-hour recording's frames is 28 MB more at the run's peak): a change to
 * its frames (normalisation in place) is a change to `matrix`'s.
 */
export function sliceFrames(matrix: FrameMatrix, from: number, to: number): FrameMatrix {
  const out = new FrameMatrix(matrix.dims, 0);
  out.data = matrix.data.subarray(from * matrix.dims, to * matrix.dims);
  out.length = Math.max(0, to - from);
  out.scale = matrix.scale;
  return out;
}

/** A growable Float32 series (the energy envelope). */
export class Series {
  data: Float32Array;
  length = 0;
  constructor(initialLength = 4096) {
    this.data = new Float32Array(Math.max(1, initialLength));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  values(): Float32Array {
    return this.data.subarray(0, this.length);
  }
  /** The values to keep: a view when the buffer is nearly full, else a copy that lets the buffer go. */
  compact(): Float32Array {
    return this.length >= this.data.length * 0.9 ? this.values() : this.data.slice(0, this.length);
  }
}

function melOf(hz: number): number {
  return 2595 * Math.log10(1 + hz / 700);
}
function hzOfMel(mel: number): number {
  return 700 * (10 ** (mel / 2595) - 1);
}

export interface MfccOptions {
  sampleRate: number;
  /** Seconds between frames (10 ms for the recording; less for sped-up synthesis). */
  hop: number;
  /** Analysis window, seconds. */
  window?: number;
  /** Seconds per energy-envelope value. */
  energyHop?: number;
  /**
   * About how many seconds will be pushed, when known (the recording's length): the
   * frames and the envelope get their room at once instead of growing by copies, which
   * for three hours briefly held two copies of 28 MB.
   */
  expectedSeconds?: number;
}

/** Room allowed past an expected length (a VBR file's length is estimated from its size). */
const EXPECTED_SLACK = 1.02;

export class MfccExtractor {
  readonly frames: FrameMatrix;
  /** Energy per `energyHop` seconds, in dB (full scale 0 dB). */
  readonly energy: Series;
  readonly hopSamples: number;
  readonly energyHopSamples: number;
  readonly sampleRate: number;
  readonly windowSamples: number;
  private readonly fftSize: number;
  private readonly fft: FFT;
  private readonly hamming: Float32Array;
  /** Per filter: first bin and the weights from it. */
  private readonly filters: { from: number; weights: Float32Array }[];
  private readonly dct: Float32Array;
  private readonly pending: Float32Array;
  private pendingLength = 0;
  private readonly frameIn: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly logMel = new Float64Array(MEL_FILTERS);
  private silence = new Float32Array(0);
  private energySum = 0;
  private energyCount = 0;
  private lastSample = 0;
  /** Filterbank energy floor: digital silence and a quiet room's noise both land on it. */
  private readonly floor: number;

  constructor(options: MfccOptions) {
    const { sampleRate } = options;
    this.sampleRate = sampleRate;
    this.hopSamples = Math.max(1, Math.round(options.hop * sampleRate));
    const wanted = Math.round((options.window ?? 0.025) * sampleRate);
    // The transform is the cost: a window up to 10% short of the asked length keeps it at
    // the power of two below (25 ms at 22.05 kHz is 551 samples: 512, not 1024).
    let size = 2;
    while (size < wanted * 0.9) size *= 2;
    this.windowSamples = Math.min(wanted, size);
    this.energyHopSamples = Math.max(1, Math.round((options.energyHop ?? 0.005) * sampleRate));
    const expected = options.expectedSeconds === undefined ? 0 : (options.expectedSeconds * EXPECTED_SLACK + 1) * sampleRate;
    this.frames = new FrameMatrix(MFCC_DIMS, expected > 0 ? Math.ceil(expected / this.hopSamples) : 4096);
    this.energy = new Series(expected > 0 ? Math.ceil(expected / this.energyHopSamples) : 4096);
    this.fftSize = size;
    this.fft = new FFT(size);
    this.frameIn = new Float64Array(size);
    this.spectrum = new Float64Array(size * 2);
    this.hamming = new Float32Array(this.windowSamples).map((_, n) => 0.54 - 0.46 * Math.cos((2 * Math.PI * n) / (this.windowSamples - 1)));
    const high = Math.min(MEL_HIGH_HZ, sampleRate / 2 - 50);
    const edges = Array.from({ length: MEL_FILTERS + 2 }, (_, k) => hzOfMel(melOf(MEL_LOW_HZ) + ((melOf(high) - melOf(MEL_LOW_HZ)) * k) / (MEL_FILTERS + 1)));
    const binHz = sampleRate / size;
    this.filters = [];
    for (let m = 0; m < MEL_FILTERS; m++) {
      const [lo, mid, hi] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
      const from = Math.max(1, Math.floor(lo / binHz));
      const to = Math.min(size / 2, Math.ceil(hi / binHz));
      const weights = new Float32Array(Math.max(1, to - from + 1));
      for (let b = from; b <= to; b++) {
        const hz = b * binHz;
        weights[b - from] = Math.max(0, hz <= mid ? (hz - lo) / (mid - lo) : (hi - hz) / (hi - mid));
      }
      this.filters.push({ from, weights });
    }
    this.dct = new Float32Array(MFCC_DIMS * MEL_FILTERS);
    for (let c = 0; c < MFCC_DIMS; c++) for (let m = 0; m < MEL_FILTERS; m++) this.dct[c * MEL_FILTERS + m] = Math.cos((Math.PI * c * (m + 0.5)) / MEL_FILTERS);
    // About -60 dBFS of white noise per filter, so silence does not dominate the variance.
    this.floor = 1e-6 * size;
    this.pending = new Float32Array(this.windowSamples + this.hopSamples * 64);
  }

  /** Feeds mono samples in [-1, 1]; complete frames are appended to `frames`. */
  push(samples: Float32Array): void {
    // Locals, not fields, in the per-sample loop: it runs 22,050 times a second of audio.
    const hop = this.energyHopSamples;
    let sum = this.energySum;
    let count = this.energyCount;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      sum += s * s;
      if (++count === hop) {
        this.energy.push(10 * Math.log10(sum / hop + 1e-10));
        sum = 0;
        count = 0;
      }
    }
    this.energySum = sum;
    this.energyCount = count;
    let from = 0;
    while (from < samples.length) {
      const take = Math.min(samples.length - from, this.pending.length - this.pendingLength);
      this.pending.set(take === samples.length ? samples : samples.subarray(from, from + take), this.pendingLength);
      this.pendingLength += take;
      from += take;
      let start = 0;
      while (this.pendingLength - start >= this.windowSamples) {
        this.frame(start);
        start += this.hopSamples;
      }
      if (start > 0) this.pending.copyWithin(0, start, this.pendingLength);
      this.pendingLength -= start;
    }
  }

  /** Appends `seconds` of digital silence (between synthesized cues). */
  pushSilence(seconds: number): void {
    const samples = Math.round(seconds * this.sampleRate);
    if (this.silence.length < samples) this.silence = new Float32Array(samples);
    this.push(this.silence.subarray(0, samples));
  }

  private frame(start: number): void {
    // Past the window the transform's input stays zero (only the window is written).
    const input = this.frameIn;
    // Pre-emphasis (0.97) flattens the speech spectrum's tilt before the filterbank.
    let prev = start > 0 ? this.pending[start - 1]! : this.lastSample;
    for (let n = 0; n < this.windowSamples; n++) {
      const s = this.pending[start + n]!;
      input[n] = (s - 0.97 * prev) * this.hamming[n]!;
      prev = s;
    }
    this.lastSample = this.pending[start + this.hopSamples - 1] ?? 0;
    const spectrum = this.spectrum;
    this.fft.realTransform(spectrum, input);
    for (let m = 0; m < MEL_FILTERS; m++) {
      const { from, weights } = this.filters[m]!;
      let sum = 0;
      for (let k = 0; k < weights.length; k++) {
        const re = spectrum[2 * (from + k)]!;
        const im = spectrum[2 * (from + k) + 1]!;
        sum += weights[k]! * (re * re + im * im);
      }
      this.logMel[m] = Math.log(sum + this.floor);
    }
    const frames = this.frames;
    const at = frames.push();
    for (let c = 0; c < MFCC_DIMS; c++) {
      let v = 0;
      for (let m = 0; m < MEL_FILTERS; m++) v += this.dct[c * MEL_FILTERS + m]! * this.logMel[m]!;
      frames.put(at + c, v);
    }
  }
}

/**
 * Mean and variance normalisation per coefficient over the whole signal: takes out the
 * channel and most of the speaker, which is what lets a synthetic voice match a real one.
 * In place, rewritten at NORMALIZED_SCALE.
 */
export function normalizeFrames(matrix: FrameMatrix): void {
  const { dims, length, data } = matrix;
  if (length === 0) return;
  for (let c = 0; c < dims; c++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < length; i++) {
      const v = data[i * dims + c]!;
      sum += v;
      squares += v * v;
    }
    const mean = sum / length;
    const sd = Math.sqrt(Math.max(1e-9, squares / length - mean * mean));
    // Stored steps in, normalised steps out: one multiply per value.
    const gain = NORMALIZED_SCALE / sd;
    for (let i = 0; i < length; i++) data[i * dims + c] = Math.max(-32768, Math.min(32767, Math.round((data[i * dims + c]! - mean) * gain)));
  }
  matrix.scale = NORMALIZED_SCALE;
}

/** Averages each run of `factor` frames into one: the coarse pass's features. */
export function poolFrames(matrix: FrameMatrix, factor: number): FrameMatrix {
  const { dims, length, data } = matrix;
  const out = new FrameMatrix(dims, Math.ceil(length / factor));
  out.scale = matrix.scale;
  const sums = new Float64Array(dims);
  for (let i = 0; i < length; i += factor) {
    const at = out.push();
    const n = Math.min(factor, length - i);
    sums.fill(0);
    for (let k = 0; k < n; k++) for (let c = 0; c < dims; c++) sums[c]! += data[(i + k) * dims + c]!;
    for (let c = 0; c < dims; c++) out.data[at + c] = Math.round(sums[c]! / n);
  }
  return out.trim();
}

/** Root mean square of all coefficients (1 for normalised frames, less once pooled). */
export function frameScale(matrix: FrameMatrix): number {
  const values = matrix.data.subarray(0, matrix.length * matrix.dims);
  let sum = 0;
  for (const v of values) sum += v * v;
  return Math.sqrt(sum / Math.max(1, values.length)) / matrix.scale;
}
