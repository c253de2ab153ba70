/**
 * Speech onsets and offsets from the energy envelope: DTW places a cue edge to within a
 * few frames, and the envelope then says where the voice really starts or stops. Only
 * edges after (or before) a real pause count, so a cue split mid-phrase keeps its DTW
 * time rather than jumping to the gap between two words.
 */

export interface Envelope {
  /** dB per step. */
  values: Float32Array;
  /** Seconds per value. */
  step: number;
  /** Time of value 0, seconds. */
  offset: number;
}

export interface Levels {
  /** dB above which a step is speech. */
  threshold: number;
  floor: number;
}

function percentile(values: Float32Array, p: number): number {
  // A histogram over 0.5 dB bins: linear time, no copy of a three-hour envelope.
  const bins = new Uint32Array(400);
  for (const v of values) bins[Math.max(0, Math.min(399, Math.floor((v + 150) * 2)))]!++;
  let seen = 0;
  const want = p * values.length;
  for (let b = 0; b < bins.length; b++) {
    seen += bins[b]!;
    if (seen >= want) return b / 2 - 150;
  }
  return 0;
}

export function speechLevels(envelope: Envelope): Levels {
  const floor = percentile(envelope.values, 0.1);
  const peak = percentile(envelope.values, 0.95);
  return { floor, threshold: floor + Math.max(6, 0.2 * (peak - floor)) };
}

export interface EdgeSearch {
  /** Seconds either side of the estimate to look in. */
  radius: number;
  /** Least pause (seconds) on the quiet side for an edge to count. */
  minPause: number;
}

/**
 * The onset (kind 'start': quiet before, speech from here) or offset (kind 'end': speech
 * up to here, quiet after) nearest `estimate`, or null when there is none within reach.
 * Longer pauses win over slightly nearer short ones: a sentence edge beats a stop consonant.
 */
export function nearestEdge(envelope: Envelope, levels: Levels, estimate: number, kind: 'start' | 'end', search: EdgeSearch, limits: { min: number; max: number }): number | null {
  const { values, step, offset } = envelope;
  const pause = Math.max(1, Math.round(search.minPause / step));
  const from = Math.max(1, Math.floor((Math.max(limits.min, estimate - search.radius) - offset) / step));
  const to = Math.min(values.length - 2, Math.ceil((Math.min(limits.max, estimate + search.radius) - offset) / step));
  const loud = (k: number) => values[k]! >= levels.threshold;
  let best: number | null = null;
  let bestScore = Infinity;
  for (let k = from; k <= to; k++) {
    if (!loud(k)) continue;
    const quietSide = kind === 'start' ? -1 : 1;
    if (loud(k + quietSide)) continue;
    let quiet = 0;
    for (let q = k + quietSide; q >= 0 && q < values.length && !loud(q) && quiet < pause * 8; q += quietSide) quiet++;
    if (quiet < pause) continue;
    const time = offset + (kind === 'start' ? k : k + 1) * step;
    const score = Math.abs(time - estimate) / (1 + (quiet * step) / 0.25);
    if (score < bestScore) {
      best = time;
      bestScore = score;
    }
  }
  return best;
}

/** Share of the envelope's steps in [from, to) that are speech. */
export function voicedShare(envelope: Envelope, levels: Levels, from: number, to: number): number {
  const a = Math.max(0, Math.floor((from - envelope.offset) / envelope.step));
  const b = Math.min(envelope.values.length, Math.ceil((to - envelope.offset) / envelope.step));
  if (b <= a) return 0;
  let loud = 0;
  for (let k = a; k < b; k++) if (envelope.values[k]! >= levels.threshold) loud++;
  return loud / (b - a);
}

/**
 * Where speech is within [from, to]: the first loud step (kind 'start') or the end of the
 * last one ('end'), or null when it is all quiet. A cue the path stretched over a pause
 * starts where its speech does, not in the pause.
 */
export function speechEdgeWithin(envelope: Envelope, levels: Levels, from: number, to: number, kind: 'start' | 'end'): number | null {
  const a = Math.max(0, Math.floor((from - envelope.offset) / envelope.step));
  const b = Math.min(envelope.values.length - 1, Math.ceil((to - envelope.offset) / envelope.step));
  const loud = (k: number) => envelope.values[k]! >= levels.threshold;
  if (kind === 'start') {
    for (let k = a; k <= b; k++) if (loud(k)) return envelope.offset + k * envelope.step;
  } else {
    for (let k = b; k >= a; k--) if (loud(k)) return envelope.offset + (k + 1) * envelope.step;
  }
  return null;
}

/** First and last speech in the envelope (seconds), or null when there is none. */
export function speechSpan(envelope: Envelope, levels: Levels): { from: number; to: number } | null {
  const from = speechEdgeWithin(envelope, levels, envelope.offset, envelope.offset + envelope.values.length * envelope.step, 'start');
  const to = speechEdgeWithin(envelope, levels, envelope.offset, envelope.offset + envelope.values.length * envelope.step, 'end');
  return from === null || to === null ? null : { from, to };
}

/**
 * The onset that ends the first pause of at least `minPause` in [from, to], when no more
 * than `maxLead` seconds of speech come before that pause: a start the path put on the
 * last sounds of the word before a pause belongs after the pause. Null otherwise.
 */
export function onsetAfterPause(envelope: Envelope, levels: Levels, from: number, to: number, minPause: number, maxLead: number): number | null {
  const { values, step, offset } = envelope;
  const a = Math.max(0, Math.floor((from - offset) / step));
  const b = Math.min(values.length - 1, Math.ceil((to - offset) / step));
  const pause = Math.max(1, Math.round(minPause / step));
  let lead = 0;
  let quiet = 0;
  for (let k = a; k <= b; k++) {
    if (values[k]! < levels.threshold) {
      quiet++;
      continue;
    }
    if (quiet >= pause) return offset + k * step;
    quiet = 0;
    if (++lead * step > maxLead) return null;
  }
  return null;
}
