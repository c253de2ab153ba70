/**
 * Which cues a cursor or selection refers to. The cursor belongs to the cue whose block
 * contains it, or, on the blank lines after a cue, to that cue (as in Aegisub's grid
 * the "current line" never disappears while the caret sits between blocks).
 */
import type { VttCue } from '../formats/vtt/types';

/** Index of the cue at `offset`, or -1 before the first cue. Binary search: O(log n). */
export function cueIndexAt(cues: readonly VttCue[], offset: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.range.from <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index range `[first, last]` of the cues a selection `[from, to]` touches; null when none. */
export function cueSpanOf(cues: readonly VttCue[], from: number, to: number): [number, number] | null {
  const last = cueIndexAt(cues, to);
  if (last === -1) return null;
  let first = cueIndexAt(cues, from);
  if (first === -1) first = 0;
  // A selection that starts on the blank lines after a cue is about the next cue.
  if (from !== to && first < last && cues[first]!.range.to < from) first++;
  return [first, last];
}

/** Index of the last cue starting at or before `seconds`, or -1. */
export function cueIndexAtTime(cues: readonly VttCue[], seconds: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= seconds) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
