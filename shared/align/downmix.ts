/**
 * Decoded PCM to the mono signal the features need: channels averaged, and the rate
 * divided by a whole factor (44.1/48 kHz -> 22.05/24 kHz) by averaging each run of
 * samples, a cheap low-pass that is enough below the filterbank's 7.6 kHz top. Chunks
 * stream through; a run cut by a chunk edge carries over.
 */
export class Downmixer {
  readonly factor: number;
  readonly outputRate: number;
  private carrySum = 0;
  private carryCount = 0;

  constructor(readonly inputRate: number, targetRate = 16000) {
    this.factor = Math.max(1, Math.floor(inputRate / targetRate));
    this.outputRate = inputRate / this.factor;
  }

  push(channels: Float32Array[], samples: number): Float32Array {
    const count = channels.length;
    const out = new Float32Array(Math.floor((this.carryCount + samples) / this.factor));
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
    return out;
  }
}
