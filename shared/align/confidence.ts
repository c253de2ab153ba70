/**
 * How well each cue's synthesized speech found itself in the recording, from the warp
 * path: text the audio lacks is squeezed into a sliver of recording (the path runs
 * nearly straight up the synthesized axis) and matches it badly (high local cost).
 * Both are judged against the file's own medians, so a voice that matches poorly
 * everywhere does not flag every cue.
 */
import type { WarpPath } from './dtw';

export interface UnitSpan {
  /** Synthesized frames, inclusive. */
  from: number;
  to: number;
}

export interface UnitScore {
  confidence: number;
  low: boolean;
  /** Recording frames per synthesized frame over the unit, over the file's median. */
  stretch: number;
  /** Mean path cost over the unit, over the file's median. */
  cost: number;
}

function median(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 1;
}

/** Below this share of its expected length a cue is taken as not spoken. */
const MIN_STRETCH = 0.35;
/** Above this multiple of the median cost a cue is taken as not spoken. */
const MAX_COST = 1.6;

export function scoreUnits(path: WarpPath, spans: UnitSpan[], _refPerSyn: number): UnitScore[] {
  const raw = spans.map(() => ({ cost: 0, pairs: 0, firstRef: -1, lastRef: -1 }));
  // Spans are in order: one walk over the path fills them all.
  let u = 0;
  for (let k = 0; k < path.ref.length && u < spans.length; k++) {
    const j = path.syn[k]!;
    while (u < spans.length && j > spans[u]!.to) u++;
    if (u >= spans.length) break;
    if (j < spans[u]!.from) continue;
    const r = raw[u]!;
    r.cost += path.cost[k]!;
    r.pairs++;
    if (r.firstRef < 0) r.firstRef = path.ref[k]!;
    r.lastRef = path.ref[k]!;
  }
  const stretch = raw.map((r, k) => (r.lastRef - r.firstRef + 1) / (spans[k]!.to - spans[k]!.from + 1));
  const cost = raw.map((r) => (r.pairs ? r.cost / r.pairs : Infinity));
  const typicalStretch = median(stretch);
  const typicalCost = median(cost);
  return raw.map((_, k) => {
    const s = stretch[k]! / typicalStretch;
    const c = cost[k]! / typicalCost;
    const low = s < MIN_STRETCH || c > MAX_COST;
    const fromStretch = Math.min(1, s / 0.8);
    const fromCost = Math.max(0, Math.min(1, (MAX_COST + 0.2 - c) / (MAX_COST + 0.2 - 1)));
    return { confidence: Math.max(0, Math.min(1, fromStretch * fromCost)), low, stretch: s, cost: c };
  });
}
