/**
 * Which cues touch a time window, without scanning all of them: cues are in start
 * order (a few overlap), so a running maximum of end times is non-decreasing and a
 * binary search on it finds the first cue that can reach into the window. The index is
 * built once per cue list (linear); each scroll costs O(log n + visible).
 */
export interface TimedCue {
  start: number;
  end: number;
}

export interface CueIndex {
  cues: readonly TimedCue[];
  /** maxEnd[i] = max(cues[0..i].end). */
  maxEnd: Float64Array;
  /** True when starts are in order; otherwise the window falls back to a scan. */
  sorted: boolean;
}

export function indexCues(cues: readonly TimedCue[]): CueIndex {
  const maxEnd = new Float64Array(cues.length);
  let running = -Infinity;
  let sorted = true;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    if (i > 0 && cue.start < cues[i - 1]!.start) sorted = false;
    running = Math.max(running, cue.end);
    maxEnd[i] = running;
  }
  return { cues, maxEnd, sorted };
}

/**
 * The index for `cues`, reusing `index` when every cue keeps its times (typing moves
 * positions, not times): a comparison pass, no 4,000-entry rebuild per keystroke.
 */
export function reindexCues(index: CueIndex, cues: readonly TimedCue[]): CueIndex {
  const old = index.cues;
  if (old.length !== cues.length) return indexCues(cues);
  for (let i = 0; i < cues.length; i++) if (old[i]!.start !== cues[i]!.start || old[i]!.end !== cues[i]!.end) return indexCues(cues);
  return { ...index, cues };
}

/** Indices of the cues overlapping [from, to], in order. */
export function cuesInWindow(index: CueIndex, from: number, to: number): number[] {
  const { cues, maxEnd } = index;
  const out: number[] = [];
  if (!index.sorted) {
    for (let i = 0; i < cues.length; i++) if (cues[i]!.end >= from && cues[i]!.start <= to) out.push(i);
    return out;
  }
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (maxEnd[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < cues.length && cues[i]!.start <= to; i++) if (cues[i]!.end >= from) out.push(i);
  return out;
}
