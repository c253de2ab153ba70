import { describe, expect, it } from 'vitest';
import { Downmixer } from './downmix';
import { FrameMatrix, MfccExtractor, normalizeFrames, NORMALIZED_SCALE, poolFrames, RAW_SCALE, Series, sliceFrames } from './features';

/** A voiced-looking test signal: two partials under a slow envelope, and a little noise from a fixed seed. */
function signal(rate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  let seed = 7;
  for (let i = 0; i < out.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const t = i / rate;
    out[i] = 0.3 * Math.sin(2 * Math.PI * 3 * t) ** 2 * (Math.sin(2 * Math.PI * 220 * t) + 0.5 * Math.sin(2 * Math.PI * 1330 * t)) + 0.002 * (seed / 2 ** 31 - 0.5);
  }
  return out;
}

function extract(samples: Float32Array, chunk: number, options: { expectedSeconds?: number } = {}): MfccExtractor {
  const m = new MfccExtractor({ sampleRate: 22050, hop: 0.01, ...options });
  for (let i = 0; i < samples.length; i += chunk) m.push(samples.subarray(i, i + chunk));
  return m;
}

describe('MfccExtractor', () => {
  const samples = signal(22050, 3);

  it('gives the same frames and envelope whatever the chunking (the decoder hands out 576-sample blocks, a cue is one push)', () => {
    const whole = extract(samples, samples.length);
    for (const chunk of [1, 333, 576, 8192]) {
      const m = extract(samples, chunk);
      expect(m.frames.length).toBe(whole.frames.length);
      expect(m.frames.trim().data).toEqual(whole.frames.trim().data);
      expect(m.energy.values()).toEqual(whole.energy.values());
    }
    // 3 s at a 10 ms hop with a 23 ms window.
    expect(whole.frames.length).toBe(Math.floor((samples.length - whole.windowSamples) / whole.hopSamples) + 1);
  });

  it('with the expected length given, holds its frames in one buffer of about that size and computes the same ones', () => {
    const grown = extract(samples, 576);
    const sized = extract(samples, 576, { expectedSeconds: 3 });
    expect(sized.frames.trim().data).toEqual(grown.frames.trim().data);
    const room = sized.frames.data.buffer.byteLength / (2 * sized.frames.dims);
    expect(room).toBeGreaterThanOrEqual(sized.frames.length);
    expect(room).toBeLessThan(sized.frames.length * 1.02 + 150);
    // Grown from its default room instead, the buffer is far larger than three seconds need.
    expect(grown.frames.data.buffer.byteLength / (2 * grown.frames.dims)).toBeGreaterThan(grown.frames.length * 10);
  });

  it('puts silence on the envelope floor and speech well above it', () => {
    const m = new MfccExtractor({ sampleRate: 22050, hop: 0.01 });
    m.pushSilence(0.5);
    m.push(samples.subarray(0, 22050));
    const env = m.energy.values();
    const perSecond = 1 / 0.005;
    expect(Math.max(...env.subarray(0, perSecond * 0.4))).toBeLessThan(-90);
    expect(Math.max(...env.subarray(perSecond * 0.5))).toBeGreaterThan(-20);
  });
});

describe('frames and series', () => {
  it('sliceFrames views the frames it slices (no copy of a long recording)', () => {
    const m = new FrameMatrix(2, 4);
    for (let i = 0; i < 5; i++) {
      const at = m.push();
      m.data[at] = i;
      m.data[at + 1] = -i;
    }
    const s = sliceFrames(m.trim(), 1, 4);
    expect(s.length).toBe(3);
    expect([...s.data]).toEqual([1, -1, 2, -2, 3, -3]);
    s.data[0] = 10;
    expect(m.data[2]).toBe(10);
  });

  it('holds values to the nearest 1/64 step, a value past the 16-bit range at its end', () => {
    const m = new FrameMatrix(1, 4);
    for (const v of [0.3, -12.34, 449.99, 1e6]) m.put(m.push(), v);
    expect(m.scale).toBe(RAW_SCALE);
    expect(m.value(0)).toBeCloseTo(0.3, 1);
    expect(Math.abs(m.value(0) - 0.3)).toBeLessThanOrEqual(0.5 / RAW_SCALE);
    expect(Math.abs(m.value(1) + 12.34)).toBeLessThanOrEqual(0.5 / RAW_SCALE);
    expect(Math.abs(m.value(2) - 449.99)).toBeLessThanOrEqual(0.5 / RAW_SCALE);
    expect(m.data[3]).toBe(32767);
  });

  it('keeps every MFCC of loud and silent audio inside the stored range', () => {
    const m = new MfccExtractor({ sampleRate: 16000, hop: 0.01 });
    m.pushSilence(0.2);
    // Full-scale square wave and full-scale alternating samples: the loudest spectra there are.
    m.push(new Float32Array(8000).map((_, i) => (Math.floor(i / 20) % 2 ? 1 : -1)));
    m.push(new Float32Array(8000).map((_, i) => (i % 2 ? 1 : -1)));
    const data = m.frames.trim().data;
    expect(Math.max(...data)).toBeLessThan(32767);
    expect(Math.min(...data)).toBeGreaterThan(-32768);
  });

  it('normalizeFrames gives each coefficient mean 0 and deviation 1, at the normalised scale', () => {
    const m = new FrameMatrix(2, 100);
    for (let i = 0; i < 100; i++) {
      const at = m.push();
      m.put(at, 40 + 3 * Math.sin(i));
      m.put(at + 1, -5 + 0.2 * Math.cos(i / 3));
    }
    normalizeFrames(m);
    expect(m.scale).toBe(NORMALIZED_SCALE);
    for (let c = 0; c < 2; c++) {
      const values = Array.from({ length: 100 }, (_, i) => m.value(i * 2 + c));
      const mean = values.reduce((a, b) => a + b, 0) / 100;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 100);
      expect(Math.abs(mean)).toBeLessThan(0.002);
      expect(Math.abs(sd - 1)).toBeLessThan(0.002);
    }
  });

  it('poolFrames averages each run of frames, a short last run over its own length', () => {
    const m = new FrameMatrix(1, 5);
    for (const v of [1, 2, 3, 4, 10]) m.put(m.push(), v);
    const pooled = poolFrames(m.trim(), 2);
    expect(pooled.length).toBe(3);
    expect(pooled.scale).toBe(m.scale);
    expect([0, 1, 2].map((i) => pooled.value(i))).toEqual([1.5, 3.5, 10]);
  });

  it('Series.compact copies only a mostly empty buffer', () => {
    const full = new Series(4);
    for (let i = 0; i < 4; i++) full.push(i);
    expect(full.compact().buffer).toBe(full.data.buffer);
    const sparse = new Series(100);
    sparse.push(1);
    sparse.push(2);
    const kept = sparse.compact();
    expect([...kept]).toEqual([1, 2]);
    expect(kept.buffer).not.toBe(sparse.data.buffer);
  });
});

describe('Downmixer', () => {
  it('averages channels and runs of samples, carrying a run cut by a chunk edge', () => {
    const left = Float32Array.from([1, 3, 5, 7, 9, 11]);
    const right = Float32Array.from([3, 5, 7, 9, 11, 13]);
    const whole = new Downmixer(44100).push([left, right], 6);
    expect([...whole]).toEqual([3, 7, 11]);
    const d = new Downmixer(44100);
    // Each push's output is a view of one reused buffer, so it is read before the next push.
    const a = [...d.push([left.subarray(0, 3), right.subarray(0, 3)], 3)];
    const b = [...d.push([left.subarray(3), right.subarray(3)], 3)];
    expect([...a, ...b]).toEqual([3, 7, 11]);
    expect(d.outputRate).toBe(22050);
  });
});
