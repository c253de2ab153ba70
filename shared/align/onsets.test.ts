import { describe, expect, it } from 'vitest';
import { onsetAfterPause, type Envelope } from './onsets';

/** A 5 ms envelope from [seconds, loud?] runs. */
function envelope(runs: [number, boolean][]): Envelope {
  const values: number[] = [];
  for (const [seconds, loud] of runs) for (let k = 0; k < Math.round(seconds / 0.005); k++) values.push(loud ? -20 : -65);
  return { values: Float32Array.from(values), step: 0.005, offset: 0 };
}
const levels = { floor: -65, threshold: -55 };

describe('onsetAfterPause', () => {
  // Speech to 1.0 s, a 0.3 s pause, speech again from 1.3 s.
  const env = envelope([[1, true], [0.3, false], [1, true]]);

  it('moves a start put on the last sounds before a pause to where speech comes back', () => {
    expect(onsetAfterPause(env, levels, 0.95, 2, 0.12, 0.1)).toBeCloseTo(1.3, 5);
    expect(onsetAfterPause(env, levels, 1.05, 2, 0.12, 0.1)).toBeCloseTo(1.3, 5);
  });

  it('keeps a start with more speech than the lead before the pause (a real word there)', () => {
    expect(onsetAfterPause(env, levels, 0.8, 2, 0.12, 0.1)).toBeNull();
  });

  it('ignores pauses shorter than asked (a stop consonant) and onsets past the window', () => {
    const short = envelope([[1, true], [0.06, false], [1, true]]);
    expect(onsetAfterPause(short, levels, 0.98, 2, 0.12, 0.1)).toBeNull();
    expect(onsetAfterPause(env, levels, 0.95, 1.2, 0.12, 0.1)).toBeNull();
  });
});
