/**
 * Decoded PCM to the mono signal the features need: channels averaged, and the rate
 * divided by a whole factor (44.1/48 kHz -> 22.05/24 kHz) by averaging each run of
 * samples, a cheap low-pass that is enough below the filterbank's 7.6 kHz top. Chunks
 * stream through; a run cut by a chunk edge carries over. The output is written to one
 * buffer reused from push to push (an MP3 gives a block per 26 ms: a new array each
 * time was hundreds of thousands of allocations for a long file).
 */
export class Downmixer {
  readonly factor: number;
  readonly outputRate: number;
  private carrySum = 0;
  private carryCount = 0;
  private out = new Float32Array(0);

  constructor(readonly inputRate: number, targetRate = 16000) {
    this.factor = Math.max(1, Math.floor(inputRate / targetRate));
    this.outputRate = inputRate / this.factor;
  }

  /** The mono samples of this chunk: a view valid until the next push. */
  push(channels: Float32Array[], samples: number): Float32Array {
    const count = channels.length;
    const length = Math.floor((this.carryCount + samples) / this.factor);
    if (this.out.length < length) this.out = new Float32Array(Math.max(length, 2 * this.out.length));
    const out = this.out;
    let o = 0;
    let sum = this.carrySum;
    let n = this.carryCount;
    const scale = 1 / (count * this.factor);
    for (let i = 0; i < samples; i++) {
      for (let c = 0; c < count; c++) sum += channels[c]![i]!;
      if (++n === this.factor) {
        out[o++] = sum * scale;
        sum = 0;
        n = 0;
      }
    }
    this.carrySum = sum;
    this.carryCount = n;
    return out.subarray(0, length);
  }
}
