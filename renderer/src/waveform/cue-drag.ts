/**
 * What a drag on the cue layer does to the cues, as a pure function of the cues, the
 * grabbed part and the pointer: an edge moves (and a boundary shared with an abutting
 * cue moves both cues, unless `alone`), or the whole cue moves; `snap` puts the
 * boundary into the nearest silence. Edges never cross. Results are keyed by each cue's
 * position in the document (see CueTimeline), never by index.
 */
import type { VttCue } from '../../../shared/formats/vtt/types';
import { cueIndexAt } from '../../../shared/timing/cue-at';

export type CuePart = 'start' | 'end' | 'body';

export interface DragInput {
  cues: readonly VttCue[];
  /** The grabbed cue's `range.from`. */
  at: number;
  part: CuePart;
  /** Seconds under the pointer when it went down, and now. */
  origin: number;
  pointer: number;
  /** Alt: move only this cue's edge. Shift: snap to silence. */
  alone: boolean;
  snap: ((t: number) => number | null) | null;
  duration: number;
}

/** Edges closer than this (seconds) count as one shared boundary. */
const SHARED_EPSILON = 0.0015;

export type CueTimes = Map<number, { start: number; end: number }>;

export function dragTimes(input: DragInput): CueTimes {
  const { cues, at, part, origin, pointer, alone, duration } = input;
  const out: CueTimes = new Map();
  const index = cueIndexAt(cues, at);
  const cue = cues[index];
  if (!cue || cue.range.from !== at) return out;
  const snapped = (x: number) => (input.snap ? input.snap(x) ?? x : x);
  const round = (x: number) => Math.round(Math.min(duration, Math.max(0, x)) * 1000) / 1000;
  if (part === 'body') {
    let delta = pointer - origin;
    if (input.snap) delta = snapped(cue.start + delta) - cue.start;
    delta = Math.max(-cue.start, delta);
    out.set(at, { start: round(cue.start + delta), end: round(cue.end + delta) });
    return out;
  }
  // The edge follows the pointer's movement (wherever on the handle it was grabbed).
  const edgeAt = round(snapped((part === 'end' ? cue.end : cue.start) + pointer - origin));
  const neighbour = cues[part === 'end' ? index + 1 : index - 1];
  const shared = !alone && neighbour !== undefined &&
    Math.abs((part === 'end' ? neighbour.start : neighbour.end) - (part === 'end' ? cue.end : cue.start)) < SHARED_EPSILON;
  if (part === 'end') {
    let end = Math.max(edgeAt, cue.start);
    if (shared) end = Math.min(end, neighbour!.end);
    out.set(at, { start: cue.start, end });
    if (shared) out.set(neighbour!.range.from, { start: end, end: neighbour!.end });
  } else {
    let start = Math.min(edgeAt, cue.end);
    if (shared) start = Math.max(start, neighbour!.start);
    out.set(at, { start, end: cue.end });
    if (shared) out.set(neighbour!.range.from, { start: neighbour!.start, end: start });
  }
  return out;
}
