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
