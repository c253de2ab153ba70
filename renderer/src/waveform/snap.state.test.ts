import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { vttField } from '../editor/cue-field';
import { wordTimes } from '../editor/word-times';
import { silenceNear, snapEdge } from './snap';

/** Peaks at 100 pairs/s: loud everywhere except the given quiet spans (seconds). */
function peaks(seconds: number, quiet: [number, number][], perSecond = 100) {
  const count = seconds * perSecond;
  const pairs = new Int8Array(2 * count);
  for (let i = 0; i < count; i++) {
    const t = i / perSecond;
    const amp = quiet.some(([a, b]) => t >= a && t < b) ? 2 : 90 + (i % 7);
    pairs[2 * i] = -amp;
    pairs[2 * i + 1] = amp;
  }
  return { pairs, count, secondsPerPair: 1 / perSecond };
}

describe('silenceNear', () => {
  it('moves a boundary into the pause next to it, within 300 ms', () => {
    const p = peaks(10, [[4.5, 4.6]]);
    const t = silenceNear(p, 4.3)!;
    expect(t).toBeGreaterThanOrEqual(4.5);
    expect(t).toBeLessThanOrEqual(4.6);
  });

  it('ignores a pause further than 300 ms and a single quiet peak inside a word', () => {
    const p = peaks(10, [[5, 5.2], [3.0, 3.01]]);
    const t = silenceNear(p, 4.0)!;
    expect(Math.abs(t - 4.0)).toBeLessThanOrEqual(0.3);
    expect(t < 5).toBe(true);
    const q = peaks(10, [[3.0, 3.01], [3.2, 3.3]]);
    const s = silenceNear(q, 3.05)!;
    expect(s).toBeGreaterThanOrEqual(3.2);
    expect(s).toBeLessThanOrEqual(3.3);
  });

  it('has no answer without peaks there', () => {
    expect(silenceNear({ pairs: new Int8Array(0), count: 0, secondsPerPair: 0.01 }, 1)).toBeNull();
    expect(silenceNear(peaks(1, []), 5)).toBeNull();
  });
});

describe('snapEdge', () => {
  const tagged = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello <00:00:01.500>big <00:00:02.000>world.\n';
  const state = EditorState.create({ doc: tagged, extensions: [vttField, wordTimes] });
  const silence = (t: number) => t + 0.25;

  it('takes the nearest word edge when word times are near, else the silence', () => {
    expect(snapEdge(state, 1.45, silence)).toBeCloseTo(1.5, 6);
    // No word edge within 300 ms of 9 s: the quiet point.
    expect(snapEdge(state, 9, silence)).toBe(9.25);
    expect(snapEdge(null, 1.45, silence)).toBe(1.7);
  });
});
