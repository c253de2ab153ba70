/**
 * The spectrogram's signal processing, pure (the tile worker runs it; Node tests it):
 * one Hann-windowed FFT (fft.js) per pixel column, its power folded into mel-spaced
 * rows from 0 to 8 kHz (speech), as levels 0..255 on a fixed dBFS scale, so silence
 * is level 0 in every tile and a tile never depends on its neighbours.
 */
import FFT from 'fft.js';

/** Levels map [FLOOR_DB, CEIL_DB] dBFS (a full-scale sine is 0 dBFS) onto 0..255. */
export const FLOOR_DB = -90;
export const CEIL_DB = 0;
export const MAX_HZ = 8000;

export interface SpectrumLayout {
  sampleRate: number;
  fftSize: number;
  rows: number;
  /** FFT bins `[lo, hi]` of each row, row 0 the lowest frequency. */
  bands: Int32Array;
}

const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const hzOfMel = (m: number) => 700 * (10 ** (m / 2595) - 1);

/** About 23 ms of audio (1024 samples at 44.1/48 kHz): fine enough in time for word edges, in frequency for formants. */
export function fftSizeFor(sampleRate: number): number {
  return 2 ** Math.round(Math.log2(sampleRate * 0.023));
}

/** Mel-spaced rows from 0 Hz to 8 kHz (or the Nyquist frequency, if lower). */
export function spectrumLayout(sampleRate: number, rows: number): SpectrumLayout {
  const fftSize = fftSizeFor(sampleRate);
  const binHz = sampleRate / fftSize;
  const top = mel(Math.min(MAX_HZ, sampleRate / 2));
  const bands = new Int32Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    const lo = Math.round(hzOfMel((top * r) / rows) / binHz);
    const hi = Math.round(hzOfMel((top * (r + 1)) / rows) / binHz);
    bands[2 * r] = Math.min(lo, fftSize / 2);
    bands[2 * r + 1] = Math.min(Math.max(lo, hi - 1), fftSize / 2);
  }
  return { sampleRate, fftSize, rows, bands };
}

/** Where `hz` sits on the strip for audio of `sampleRate`: 0 at the bottom, 1 at the top. */
export function heightOfFrequency(hz: number, sampleRate: number): number {
  return mel(hz) / mel(Math.min(MAX_HZ, sampleRate / 2));
}

/** The centre frequency of row `r` (Hz), for tests. */
export function rowFrequency(layout: SpectrumLayout, r: number): number {
  const top = mel(Math.min(MAX_HZ, layout.sampleRate / 2));
  return hzOfMel((top * (r + 0.5)) / layout.rows);
}

/** Runs the FFTs of one layout; reuses its buffers from column to column. */
export class SpectrumAnalyser {
  private readonly fft: FFT;
  private readonly window: Float32Array;
  private readonly frame: number[];
  private readonly out: number[];
  private readonly power: Float64Array;
  /** Power of a full-scale sine's bin: the 0 dBFS reference. */
  private readonly reference: number;

  constructor(readonly layout: SpectrumLayout) {
    const n = layout.fftSize;
    this.fft = new FFT(n);
    this.window = new Float32Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
      sum += this.window[i]!;
    }
    this.reference = (sum / 2) ** 2;
    this.frame = new Array<number>(n).fill(0);
    this.out = this.fft.createComplexArray() as number[];
    this.power = new Float64Array(n / 2 + 1);
  }

  /**
   * Levels of `columns` columns, column-major (`rows` levels each, lowest row first).
   * Column c's window is centred on sample `firstCentre + c * hop` of `samples`
   * (fractional allowed); samples outside the array count as silence.
   */
  columns(samples: Float32Array, firstCentre: number, hop: number, columns: number): Uint8Array {
    const { fftSize: n, rows, bands } = this.layout;
    const levels = new Uint8Array(columns * rows);
    const scale = 255 / (CEIL_DB - FLOOR_DB);
    for (let c = 0; c < columns; c++) {
      const start = Math.round(firstCentre + c * hop - n / 2);
      for (let i = 0; i < n; i++) {
        const at = start + i;
        this.frame[i] = at >= 0 && at < samples.length ? samples[at]! * this.window[i]! : 0;
      }
      this.fft.realTransform(this.out, this.frame);
      for (let k = 0; k <= n / 2; k++) {
        const re = this.out[2 * k]!;
        const im = this.out[2 * k + 1]!;
        this.power[k] = (re * re + im * im) / this.reference;
      }
      for (let r = 0; r < rows; r++) {
        let p = 0;
        for (let k = bands[2 * r]!; k <= bands[2 * r + 1]!; k++) if (this.power[k]! > p) p = this.power[k]!;
        const db = p > 0 ? 10 * Math.log10(p) : FLOOR_DB;
        levels[c * rows + r] = Math.max(0, Math.min(255, Math.round((db - FLOOR_DB) * scale)));
      }
    }
    return levels;
  }
}
