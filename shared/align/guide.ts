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

/** How far from the given times the path may put the cues, when it must be held to them. */
export interface Corridor {
  /** Seconds added to every given time (what the path agrees the times are off by). */
  shift: number;
  /** Seconds either side of a shifted given time a cue may start. */
  tolerance: number;
}

/** Least tolerance of a corridor, seconds: given times are to the second at best. */
const MIN_TOLERANCE = 2;
/** Tolerance in robust spreads of the path's agreement with the given times. */
const SPREADS = 5;
/** Above this share of cues off the given times, the times are taken as wrong, not the path. */
const MAX_OUTLIERS = 0.25;

/**
 * Whether the path should be held to the given times. `residuals` are, per anchored cue,
 * where the path starts it minus where the source said (drift undone). When most agree
 * (up to their own spread) and a few are far off, the path has slipped there (audio the
 * text lacks, taken by the next cue's words, as the voices match only loosely) and the
 * given times are trusted. `agrees` when nothing is far off, 'unreliable' when too much is
 * (then the times, not the path, are wrong).
 */
export function corridorFor(residuals: number[]): Corridor | { agrees: true; tolerance: number } | 'unreliable' {
  if (residuals.length < 4) return 'unreliable';
  const shift = median(residuals);
  const spread = 1.4826 * median(residuals.map((r) => Math.abs(r - shift)));
  const tolerance = Math.max(MIN_TOLERANCE, SPREADS * spread);
  const outliers = residuals.filter((r) => Math.abs(r - shift) > tolerance).length;
  if (outliers === 0) return { agrees: true, tolerance };
  if (outliers > MAX_OUTLIERS * residuals.length) return 'unreliable';
  return { shift, tolerance };
}

/**
 * Narrows a band (recording rows x synthesized columns) so the path reaches each anchor's
 * column within the corridor: no row before `ref + shift - tolerance` may be at or past
 * the column, and no row after `ref + shift + tolerance` before it.
 */
export function clampToCorridor(lo: Int32Array, hi: Int32Array, anchors: { ref: number; column: number }[], corridor: Corridor, rowSeconds: number): void {
  const rows = lo.length;
  const capAt = new Int32Array(rows + 1).fill(2 ** 30);
  const floorAt = new Int32Array(rows + 1).fill(-1);
  for (const a of anchors) {
    const early = Math.floor((a.ref + corridor.shift - corridor.tolerance) / rowSeconds);
    const late = Math.ceil((a.ref + corridor.shift + corridor.tolerance) / rowSeconds);
    // Rows < early stay before the column; rows > late are at or past it.
    if (early > 0) capAt[Math.min(rows, early)] = Math.min(capAt[Math.min(rows, early)]!, a.column - 1);
    if (late < rows - 1) floorAt[Math.max(0, late)] = Math.max(floorAt[Math.max(0, late)]!, a.column);
  }
  let cap = 2 ** 30;
  for (let i = rows - 1; i >= 0; i--) {
    cap = Math.min(cap, capAt[i + 1]!);
    if (hi[i]! > cap) hi[i] = cap;
  }
  let floor = -1;
  for (let i = 0; i < rows; i++) {
    if (i > 0) floor = Math.max(floor, floorAt[i - 1]!);
    if (lo[i]! < floor) lo[i] = floor;
  }
}
