/**
 * Folds decoded PCM into min/max pairs, one pair per `samplesPerPeak` samples over all
 * channels, as signed 8-bit values (the audiowaveform 8-bit scale: sample * 127). The
 * pairs grow in one buffer that doubles, so a 3-hour file costs a few MB, never its PCM.
 * Shared: the main process folds its decoders' output, and the renderer folds what
 * WebCodecs decodes for the formats the main process has no decoder for (AAC).
 */
/** Decoded PCM, one Float32Array per channel (the main process's decoders and WebCodecs both give this). */
export interface PcmChunk {
  channelData: readonly Float32Array[];
  samples: number;
}

/** Editing resolution: at least this many min/max pairs per second of audio. */
export const PEAKS_PER_SECOND = 200;

export function samplesPerPeakFor(sampleRate: number): number {
  return Math.max(1, Math.floor(sampleRate / PEAKS_PER_SECOND));
}

export class PeakAccumulator {
  readonly samplesPerPeak: number;
  /** Interleaved min,max per peak. */
  private pairs = new Int8Array(2 * 4096);
  private count = 0;
  private bucketMin = Infinity;
  private bucketMax = -Infinity;
  private bucketFill = 0;
  private totalSamples = 0;
  /** Index of this accumulator's first pair on the whole file's timeline. */
  readonly firstPeak: number;

  /**
   * `startSample`: where the first sample added sits in the whole file, so a part decoded
   * on its own (the second half of a split decode) puts its buckets on the same grid;
   * its first pair is then partial and is merged with the pair before it.
   */
  constructor(readonly sampleRate: number, startSample = 0) {
    this.samplesPerPeak = samplesPerPeakFor(sampleRate);
    this.firstPeak = Math.floor(startSample / this.samplesPerPeak);
    this.bucketFill = startSample % this.samplesPerPeak;
  }

  add(chunk: PcmChunk): void {
    const { channelData, samples } = chunk;
    const spp = this.samplesPerPeak;
    let min = this.bucketMin;
    let max = this.bucketMax;
    let fill = this.bucketFill;
    let i = 0;
    while (i < samples) {
      const end = Math.min(samples, i + (spp - fill));
      for (const channel of channelData) {
        for (let s = i; s < end; s++) {
          const v = channel[s]!;
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
      fill += end - i;
      i = end;
      if (fill === spp) {
        this.push(min, max);
        min = Infinity;
        max = -Infinity;
        fill = 0;
      }
    }
    this.bucketMin = min;
    this.bucketMax = max;
    this.bucketFill = fill;
    this.totalSamples += samples;
  }

  /** Closes the last, partial bucket once the input has ended. */
  finish(): void {
    if (this.bucketFill > 0 && this.bucketMin <= this.bucketMax) this.push(this.bucketMin, this.bucketMax);
    this.bucketFill = 0;
  }

  get peakCount(): number {
    return this.count;
  }

  get samples(): number {
    return this.totalSamples;
  }

  /** Pairs `from`..end as a copy (min,max interleaved). */
  slice(from: number): Int8Array {
    return this.pairs.slice(2 * from, 2 * this.count);
  }

  private push(min: number, max: number): void {
    if (2 * this.count + 2 > this.pairs.length) {
      const grown = new Int8Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[2 * this.count] = toInt8(min);
    this.pairs[2 * this.count + 1] = toInt8(max);
    this.count++;
  }
}

function toInt8(v: number): number {
  const scaled = Math.round(v * 127);
  return scaled > 127 ? 127 : scaled < -128 ? -128 : scaled;
}

/** The overview resolution: min/max pairs per second for a whole-episode strip. */
export const OVERVIEW_PER_SECOND = 5;

/**
 * Folds `count` min/max pairs into coarser ones, `factor` pairs each (the last may hold
 * fewer): the overview is computed from the editing peaks, never decoded again.
 */
export function downsamplePairs(pairs: Int8Array, count: number, factor: number): Int8Array {
  const out = new Int8Array(2 * Math.ceil(count / factor));
  for (let o = 0, i = 0; i < count; o++) {
    let min = 127;
    let max = -128;
    for (const end = Math.min(count, i + factor); i < end; i++) {
      if (pairs[2 * i]! < min) min = pairs[2 * i]!;
      if (pairs[2 * i + 1]! > max) max = pairs[2 * i + 1]!;
    }
    out[2 * o] = min;
    out[2 * o + 1] = max;
  }
  return out;
}
