/**
 * Where the coarse pass looks: a guide mapping each coarse recording frame to the
 * synthesized frame it should be near, from the cue times the source gave (anchors) or,
 * without any, from how much speech each side has had so far. The coarse DTW then only
 * searches a band around it, which is what keeps memory linear in duration.
 */

export interface AnchorPoint {
  /** Recording time, seconds. */
  ref: number;
  /** Synthesized time, seconds. */
  syn: number;
}

/** Cumulative count of loud steps: how much speech has been heard up to each step. */
export function cumulativeSpeech(envelope: Float32Array, threshold: number): Float64Array {
  const out = new Float64Array(envelope.length + 1);
  for (let k = 0; k < envelope.length; k++) out[k + 1] = out[k]! + (envelope[k]! >= threshold ? 1 : 0);
  return out;
}

/** The index of the first value >= x in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Recording time -> synthesized time by equal shares of speech: a minute of music at the
 * start of the recording moves the guide a minute, not a proportional share of the file.
 */
export function speechShareGuide(refSpeech: Float64Array, refStep: number, synSpeech: Float64Array, synStep: number): (refSeconds: number) => number {
  const refTotal = refSpeech[refSpeech.length - 1]! || 1;
  const synTotal = synSpeech[synSpeech.length - 1]!;
  return (t) => {
    const k = Math.max(0, Math.min(refSpeech.length - 1, Math.round(t / refStep)));
    const share = refSpeech[k]! / refTotal;
    return lowerBound(synSpeech, share * synTotal) * synStep;
  };
}

/** Keeps the anchors that increase on both sides (greedy, in order), bracketed by the ends. */
export function monotoneAnchors(points: AnchorPoint[], refEnd: number, synEnd: number): AnchorPoint[] {
  const kept: AnchorPoint[] = [{ ref: 0, syn: 0 }];
  for (const p of points) {
    const last = kept[kept.length - 1]!;
    if (p.ref > last.ref && p.syn > last.syn && p.ref < refEnd && p.syn < synEnd) kept.push(p);
  }
  kept.push({ ref: refEnd, syn: synEnd });
  return kept;
}

/** Piecewise-linear recording time -> synthesized time through monotone anchors. */
export function anchorGuide(anchors: AnchorPoint[]): (refSeconds: number) => number {
  const refs = anchors.map((a) => a.ref);
  return (t) => {
    const k = Math.max(1, Math.min(anchors.length - 1, lowerBound(refs, t)));
    const a = anchors[k - 1]!;
    const b = anchors[k]!;
    const f = b.ref > a.ref ? (t - a.ref) / (b.ref - a.ref) : 0;
    return a.syn + Math.max(0, Math.min(1, f)) * (b.syn - a.syn);
  };
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/**
 * A transcript reused with another cut of the audio has times `scale · t + offset` (plus
 * jitter). Fits that line robustly (medians of far-apart pairs) between the given times
 * and where the speech shares put the same cues, and maps the given times back.
 * Returns the anchors unchanged when the fit finds no real drift.
 */
export function undoDrift(given: AnchorPoint[], predictRef: (syn: number) => number): AnchorPoint[] {
  if (given.length < 4) return given;
  const predicted = given.map((g) => predictRef(g.syn));
  const half = Math.floor(given.length / 2);
  const slopes: number[] = [];
  for (let k = 0; k + half < given.length; k++) {
    const dp = predicted[k + half]! - predicted[k]!;
    if (dp > 1) slopes.push((given[k + half]!.ref - given[k]!.ref) / dp);
  }
  const scale = slopes.length ? median(slopes) : 1;
  const offset = median(given.map((g, k) => g.ref - scale * predicted[k]!));
  if (Math.abs(scale - 1) < 0.01 && Math.abs(offset) < 1) return given;
  return given.map((g) => ({ syn: g.syn, ref: (g.ref - offset) / scale }));
}
