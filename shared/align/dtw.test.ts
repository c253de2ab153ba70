import { describe, expect, it } from 'vitest';
import { bandAround, bandedDtw } from './dtw';
import { FrameMatrix } from './features';

function matrix(values: number[]): FrameMatrix {
  const m = new FrameMatrix(1, values.length);
  for (const v of values) m.put(m.push(), v);
  return m.trim();
}

describe('bandedDtw voicing', () => {
  // The recording: a short reply (frames 4-5) between pauses; the text's two words are
  // alike in spectrum, so without voicing the second word's frames may sit on the pause.
  const ref = matrix([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
  const syn = matrix([0, 1, 1, 0, 1, 1, 1, 1]);
  const refVoiced = Float32Array.from([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
  const synVoiced = Float32Array.from([0, 1, 1, 0, 1, 1, 1, 1]);
  const band = bandAround(ref.length, syn.length, syn.length, (i) => (i * syn.length) / ref.length);

  it('a pause paired with speech costs more, so speech frames go on speech', () => {
    const path = bandedDtw(ref, syn, band, 1, { voicing: { ref: refVoiced, syn: synVoiced, cost: 5 } });
    for (let k = 0; k < path.ref.length; k++) {
      expect(synVoiced[path.syn[k]!], `pair ${path.ref[k]},${path.syn[k]}`).toBe(refVoiced[path.ref[k]!]);
    }
    // The cost of each pair includes the voicing term (none on this path).
    expect(Math.max(...path.cost)).toBe(0);
  });

  it('without voicing the path is still monotone from corner to corner', () => {
    const path = bandedDtw(ref, syn, band, 1);
    expect(path.ref[0]).toBe(0);
    expect(path.syn[0]).toBe(0);
    expect(path.ref[path.ref.length - 1]).toBe(ref.length - 1);
    expect(path.syn[path.syn.length - 1]).toBe(syn.length - 1);
  });
});

describe('bandedDtw in blocks', () => {
  it('finds the same path with its pointers kept a block of rows at a time', () => {
    // Two 3-coefficient signals from a fixed seed, the second a time-warped copy plus noise.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    const source = Array.from({ length: 90 }, () => [random(), random(), random()]);
    const ref = new FrameMatrix(3, 90);
    for (const f of source) {
      const at = ref.push();
      f.forEach((v, c) => ref.put(at + c, v));
    }
    const syn = new FrameMatrix(3, 70);
    for (let k = 0; k < 70; k++) {
      const at = syn.push();
      source[Math.max(0, Math.min(89, Math.floor((k * 90) / 70 + 3 * Math.sin(k / 9))))]!.forEach((v, c) => syn.put(at + c, v + 0.1 * random()));
    }
    const band = bandAround(ref.length, syn.length, 12, (i) => (i * syn.length) / ref.length);
    const voicing = { ref: Float32Array.from({ length: 90 }, (_, i) => i % 5 > 0 ? 1 : 0), syn: Float32Array.from({ length: 70 }, (_, i) => i % 4 > 0 ? 1 : 0), cost: 0.5 };
    const whole = bandedDtw(ref, syn, band, 0.3, { voicing });
    expect(whole.ref.length).toBeGreaterThan(90);
    for (const blockRows of [1, 7, 32, 89]) {
      const blocked = bandedDtw(ref, syn, band, 0.3, { voicing, blockRows });
      expect([...blocked.ref], `blocks of ${blockRows}`).toEqual([...whole.ref]);
      expect([...blocked.syn]).toEqual([...whole.syn]);
      expect([...blocked.cost]).toEqual([...whole.cost]);
      expect(blocked.normalizedCost).toBe(whole.normalizedCost);
    }
  });
});
