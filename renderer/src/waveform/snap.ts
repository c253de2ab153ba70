/**
 * Snap to silence: the quietest moment near a time, from the waveform peaks the app
 * already has (no decoding). Loudness per peak is max - min; a short moving sum (~30 ms)
 * smooths single quiet peaks inside a word, so a snap lands in a real pause.
 */
import type { EditorState } from '@codemirror/state';
import { wordEdgeNear } from '../editor/word-times';

export interface PeaksView {
  /** Interleaved min,max pairs (signed 8-bit). */
  pairs: Int8Array;
  count: number;
  /** Seconds per pair. */
  secondsPerPair: number;
}

export const SNAP_RADIUS = 0.3;
const SMOOTH_SECONDS = 0.03;

/** The time of least energy within ±`radius` of `t`, or null when no peaks cover it. */
export function silenceNear(peaks: PeaksView, t: number, radius = SNAP_RADIUS): number | null {
  const { pairs, count, secondsPerPair } = peaks;
  if (!(secondsPerPair > 0) || count === 0) return null;
  const from = Math.max(0, Math.floor((t - radius) / secondsPerPair));
  const to = Math.min(count - 1, Math.ceil((t + radius) / secondsPerPair));
  if (to < from) return null;
  const half = Math.max(0, Math.round(SMOOTH_SECONDS / secondsPerPair / 2));
  const energy = (i: number) => pairs[2 * i + 1]! - pairs[2 * i]!;
  // Moving sum over [i - half, i + half], clamped to the peaks that exist.
  let sum = 0;
  for (let k = Math.max(0, from - half); k <= Math.min(count - 1, from + half); k++) sum += energy(k);
  let best = from;
  let bestSum = sum;
  let bestDistance = Math.abs(from * secondsPerPair - t);
  for (let i = from + 1; i <= to; i++) {
    if (i + half < count) sum += energy(i + half);
    if (i - half - 1 >= 0) sum -= energy(i - half - 1);
    const distance = Math.abs((i + 0.5) * secondsPerPair - t);
    // Quieter wins; among equally quiet, the nearest to where the user let go.
    if (sum < bestSum || (sum === bestSum && distance < bestDistance)) {
      best = i;
      bestSum = sum;
      bestDistance = distance;
    }
  }
  return Math.round((best + 0.5) * secondsPerPair * 1000) / 1000;
}

/**
 * Where a Shift-dragged cue edge snaps: the nearest word start or end when the editor has
 * word times within the radius (the speech itself says where a word begins), else the
 * quietest point near `t` (`silence`), else nowhere (null).
 */
export function snapEdge(state: EditorState | null, t: number, silence: (t: number) => number | null): number | null {
  return (state ? wordEdgeNear(state, t, SNAP_RADIUS) : null) ?? silence(t);
}
