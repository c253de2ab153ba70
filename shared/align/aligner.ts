/**
 * The alignment itself, on features already computed: a coarse DTW pyramid (120 ms, then 40 ms frames) in a
 * band around the anchors' guide, a fine DTW (10 ms) in a narrow band around the coarse
 * path, cue and word edges read off the path, then each cue edge moved to the speech
 * onset or offset the energy envelope shows nearby. Every pass also charges for a pause
 * paired with speech, and a drifted VTT's path is held to its given times where it
 * strays far from them alone (audio the text lacks). Cues whose text the audio does not
 * hold are told by their path (squeezed into almost no recording, at a high cost, or
 * finding little of the speech they should take) and get times interpolated between
 * their neighbours instead.
 */
import { bandAround, bandedDtw, bandFromCoarse, pathMaps, repairBand, splicePath, type Band, type PathMaps, type PathSplice, type Voicing, type WarpPath } from './dtw';
import { frameScale, normalizeFrames, poolFrames, sliceFrames, type FrameMatrix } from './features';
import { anchorGuide, clampToCorridor, corridorFor, cumulativeSpeech, monotoneAnchors, speechShareGuide, undoDrift, type AnchorPoint, type Corridor } from './guide';
import { nearestEdge, onsetAfterPause, speechEdgeWithin, speechLevels, speechSpan, voicedShare, type Envelope, type Levels } from './onsets';
import { scoreUnits } from './confidence';

export interface Signal {
  frames: FrameMatrix;
  /** Seconds between frames. */
  hop: number;
  /** Seconds from a frame's first sample to its centre. */
  centre: number;
  envelope: Envelope;
  /** Time of frame 0's first sample; `envelope.offset` when absent. */
  start?: number;
}

/** A cue as synthesized: its speech span and its words' spans, synthesized seconds. */
export interface SynthUnit {
  start: number;
  end: number;
  words: { start: number; end: number }[];
}

export type AnchorKind = 'none' | 'coarse' | 'drifted';

/**
 * align() consumes its input's frames: it normalizes them in place, and once the 10 ms
 * path is found it empties their data (their `length` stays), since nothing after reads
 * their values and three hours' are 45 MB at the run's peak.
 */
export interface AlignInput {
  /** The recording. */
  ref: Signal;
  syn: Signal;
  units: SynthUnit[];
  /** Per unit, a start time the source gave (recording seconds), or null. */
  anchors: (number | null)[];
  /** How far the given times may be off: 'coarse' (Otter, MM:SS: seconds), 'drifted' (a reused VTT). */
  anchorKind: AnchorKind;
  /** Called now and then with the share done (0..1); may throw to cancel. */
  tick?(share: number): void;
}

export interface AlignedUnit {
  start: number;
  end: number;
  words: { start: number; end: number }[];
  confidence: number;
  lowConfidence: boolean;
}

/**
 * Extra cost of pairing a pause with speech, in units of the features' spread (measured:
 * 1 puts short fast replies on their own speech; 2 starts pulling words onto pauses).
 */
const VOICING_COST = 1;
/** Extra cost of a step off the diagonal, in units of the features' spread (measured: 1 beats 0, 0.5 and 2). */
const STEP_PENALTY = 1;
/** Synthesized frames either side of the coarse path the fine pass may go. */
const FINE_MARGIN = 20;
/** Below this share of its expected speech found in its span, a cue is taken as not spoken. */
const MIN_VOICED = 0.3;
/** Coarse frames per top frame (120 ms; 200 ms lost the path on unseen voices), where the wide search runs. */
const TOP = 3;
/** Coarse-pass cells (rows x band) below which the top level is skipped (~12 MB of pointers at most). */
const DIRECT_CELLS = 50_000_000;
/** Coarse synthesized frames either side of the top path the coarse pass may go. */
const COARSE_MARGIN = 50;
/** Recording frames per coarse frame (40 ms). */
const COARSE = 4;

/** Least pause (seconds) between two words that tells where the later one starts. */
const WORD_PAUSE = 0.12;
/**
 * Speech the path may put before such a pause and still mean the word after it: up to
 * half the word's expected length (what is there is the tail of the word before; a real
 * short word before a pause is longer than half of the next), and never over 0.25 s.
 */
const LEAD_SHARE = 0.5;
const MAX_LEAD = 0.25;

/** Cues either side of one the fine path put on a pause that are searched again with it (repairSlips). */
const REPAIR_CUES = 2;
/**
 * Synthesized frames either side of the path that the search again may go: 0.75 s of
 * synthesized speech (~1.3 s recorded), room for a slip of a short cue or two.
 */
const REPAIR_MARGIN = 150;
/**
 * The voicing term's weight in the search again, over VOICING_COST. Measured on the
 * episode's short replies: 1 leaves "I do too." on the pause before it (its spectra
 * match the next cue's speech better), 1.5 puts it and "No." on their own speech, 2 lets
 * a cue the audio lacks take the end of its neighbour's speech (and lose its flag).
 */
const REPAIR_VOICING = 1.5;

/** Silence kept around the recording's speech; the rest before and after is not aligned. */
const SPEECH_MARGIN = 0.3;

export function align(whole: AlignInput): AlignedUnit[] {
  const audio = { start: whole.ref.start ?? whole.ref.envelope.offset, end: 0 };
  audio.end = audio.start + whole.ref.frames.length * whole.ref.hop + 2 * whole.ref.centre;
  // Silence before the first and after the last speech is nobody's: a path that must
  // cross it stretches the edge cues over it (and a cue whose words the synthesizer
  // says otherwise, like a date, gets dragged into it).
  const span = speechSpan(whole.ref.envelope, speechLevels(whole.ref.envelope));
  const first = span ? Math.max(0, Math.floor((span.from - SPEECH_MARGIN - audio.start) / whole.ref.hop)) : 0;
  const last = span ? Math.min(whole.ref.frames.length, Math.ceil((span.to + SPEECH_MARGIN - audio.start) / whole.ref.hop)) : whole.ref.frames.length;
  const input: AlignInput = last - first >= 2 && last - first < whole.ref.frames.length
    ? { ...whole, ref: { ...whole.ref, frames: sliceFrames(whole.ref.frames, first, last), start: audio.start + first * whole.ref.hop } }
    : whole;
  const { ref, syn, units } = input;
  if (units.length === 0) return [];
  if (ref.frames.length < 2 || syn.frames.length < 2) throw new Error('the audio is too short to align');
  normalizeFrames(ref.frames);
  normalizeFrames(syn.frames);
  const refLevels = speechLevels(ref.envelope);
  // Recording seconds per synthesized second of speech: how long a word should take.
  const pace = speechSeconds(ref.envelope, refLevels.threshold) / Math.max(1e-9, speechSeconds(syn.envelope, speechLevels(syn.envelope).threshold));
  const fine = finePath(input, refLevels, pace);
  // The stretches are searched: placement reads the frames' count only (see AlignInput).
  for (const m of [whole.ref.frames, ref.frames, syn.frames]) m.data = new Int16Array(0);
  const path = splicePath(fine.path, fine.repairs, fine.maps);
  return placeUnits(input, path, fine.maps, refLevels, audio, pace);
}

/**
 * The 10 ms path, in a band around the pyramid's, its maps, and the stretches searched
 * again more widely where it lost a cue (repairSlips), to be spliced in once the frames
 * are released. Only these outlive this function: the voicing, bands and coarser paths
 * are garbage before the cues are placed, which for three hours is what the peak is made of.
 */
function finePath(input: AlignInput, refLevels: Levels, pace: number): { path: WarpPath; maps: PathMaps; repairs: PathSplice[] } {
  const { ref, syn, tick } = input;
  const voicedFine = { ref: frameVoicing(ref, refLevels.threshold), syn: frameVoicing(syn, speechLevels(syn.envelope).threshold) };
  const coarse = coarsePath(input, refLevels, voicedFine);
  const band = bandFromCoarse(coarse, COARSE, ref.frames.length, syn.frames.length, FINE_MARGIN);
  const fineVoicing = voicing(ref.frames, voicedFine);
  const path = bandedDtw(ref.frames, syn.frames, band, STEP_PENALTY, { ...(tick ? { tick: (row: number) => tick(0.4 + (0.6 * row) / ref.frames.length) } : {}), voicing: fineVoicing });
  const maps = pathMaps(path, syn.frames.length);
  return { path, maps, repairs: repairSlips(input, path, maps, fineVoicing, refLevels, pace) };
}

/**
 * Recording seconds of speech a cue placed on `path` finds, and the least it should
 * find (MIN_VOICED of its words at the file's pace): a cue that finds less sits on a pause.
 */
function onSpeech(input: AlignInput, spans: PathMaps, unit: SynthUnit, levels: Levels, pace: number): boolean {
  const { ref, syn } = input;
  const cols = syn.frames.length;
  const synFrame = (t: number) => Math.max(0, Math.min(cols - 1, Math.round((t - syn.centre) / syn.hop)));
  const frameStart = ref.start ?? ref.envelope.offset;
  const from = frameStart + spans.first[synFrame(unit.start)]! * ref.hop + ref.centre;
  const to = frameStart + spans.last[synFrame(unit.end)]! * ref.hop + ref.centre + ref.hop / 2;
  return voicedShare(ref.envelope, levels, from, to) * (to - from) >= MIN_VOICED * (unit.end - unit.start) * pace;
}

/**
 * Where the fine path put a cue on a pause, the band held to the coarse path may be what
 * kept the cue from its words: a one-word reply after a long pause, squeezed into the
 * pause while the next cue takes its speech (the coarse path, at 40 ms or 120 ms frames,
 * slipped one short cue there; the fine band, a tenth of a second of synthesized speech
 * each side, cannot reach back), or its spectra matched the neighbour's speech better
 * than its own. The stretch from REPAIR_CUES cues before to as many after is searched
 * again between the same two points of the path, in a band REPAIR_MARGIN frames each
 * side of it, with the pause-against-speech cost weighed more (REPAIR_VOICING): the
 * spectra already failed to place a cue there, the voicing says where speech is. A cue
 * the audio does not hold still finds no speech of its own and is told later as before.
 */
function repairSlips(input: AlignInput, path: WarpPath, spans: PathMaps, fineVoicing: Voicing, levels: Levels, pace: number): PathSplice[] {
  const { ref, syn, units } = input;
  const cols = syn.frames.length;
  const synFrame = (t: number) => Math.max(0, Math.min(cols - 1, Math.round((t - syn.centre) / syn.hop)));
  // Runs of cues to search again, overlapping runs merged.
  const windows: { from: number; to: number }[] = [];
  units.forEach((u, k) => {
    if (onSpeech(input, spans, u, levels, pace)) return;
    const from = Math.max(0, k - REPAIR_CUES);
    const to = Math.min(units.length - 1, k + REPAIR_CUES);
    const previous = windows[windows.length - 1];
    if (previous && from <= previous.to) previous.to = to;
    else windows.push({ from, to });
  });
  const splices: PathSplice[] = [];
  let done = 0;
  for (const w of windows) {
    // The path's first pair at or after the run's first synthesized frame, and its last
    // pair at or before the run's last: the new stretch joins the old path there.
    const fromCol = w.from === 0 ? 0 : synFrame(units[w.from]!.start);
    const toCol = w.to === units.length - 1 ? cols - 1 : synFrame(units[w.to]!.end);
    let p0 = done;
    while (p0 < path.syn.length - 1 && path.syn[p0]! < fromCol) p0++;
    let p1 = p0;
    while (p1 + 1 < path.syn.length && path.syn[p1 + 1]! <= toCol) p1++;
    if (p1 <= p0) continue;
    const i0 = path.ref[p0]!;
    const j0 = path.syn[p0]!;
    const rows = path.ref[p1]! - i0 + 1;
    const width = path.syn[p1]! - j0 + 1;
    const lo = new Int32Array(rows).fill(width);
    const hi = new Int32Array(rows).fill(-1);
    for (let p = p0; p <= p1; p++) {
      const r = path.ref[p]! - i0;
      lo[r] = Math.min(lo[r]!, path.syn[p]! - j0 - REPAIR_MARGIN);
      hi[r] = Math.max(hi[r]!, path.syn[p]! - j0 + REPAIR_MARGIN);
    }
    const stretch = bandedDtw(sliceFrames(ref.frames, i0, i0 + rows), sliceFrames(syn.frames, j0, j0 + width), repairBand(lo, hi, width), STEP_PENALTY, {
      voicing: { ref: fineVoicing.ref.subarray(i0, i0 + rows), syn: fineVoicing.syn.subarray(j0, j0 + width), cost: REPAIR_VOICING * fineVoicing.cost },
    });
    for (let k = 0; k < stretch.ref.length; k++) {
      stretch.ref[k]! += i0;
      stretch.syn[k]! += j0;
    }
    splices.push({ from: p0, to: p1, path: stretch });
    done = p1 + 1;
  }
  return splices;
}

/** Seconds of the envelope at or above `threshold`. */
function speechSeconds(envelope: Envelope, threshold: number): number {
  let loud = 0;
  for (const v of envelope.values) if (v >= threshold) loud++;
  return loud * envelope.step;
}

/** A pass's voicing term: the cost is in units of that level's feature spread. */
function voicing(frames: FrameMatrix, v: { ref: Float32Array; syn: Float32Array }): Voicing {
  return { ...v, cost: VOICING_COST * frameScale(frames) };
}

/**
 * A pyramid: the wide search runs on 120 ms frames, a 40 ms pass refines it in a band of
 * about a second, and the 10 ms pass (the caller's) in a band of a tenth of that. Memory
 * and time stay linear in duration whatever the search width. Each level's frames, and
 * the guides (the speech counts behind them are 36 MB for three hours), live only in
 * this function, so they are gone before the finer pass.
 */
function coarsePath(input: AlignInput, refLevels: Levels, voicedFine: { ref: Float32Array; syn: Float32Array }): WarpPath {
  const { ref, syn, units, tick } = input;
  const refSeconds = ref.frames.length * ref.hop;
  const synSeconds = syn.frames.length * syn.hop;
  const refSpeech = cumulativeSpeech(ref.envelope.values, refLevels.threshold);
  const synSpeech = cumulativeSpeech(syn.envelope.values, speechLevels(syn.envelope).threshold);
  const shares = speechShareGuide(refSpeech, ref.envelope.step, synSpeech, syn.envelope.step);
  const synToRef = speechShareGuide(synSpeech, syn.envelope.step, refSpeech, ref.envelope.step);

  // Candidate guides for the coarse pass; the cheapest path wins. Given times can be
  // right (keep them), drifted (undo a fitted scale and offset) or off by more than any
  // fit (then the speech shares guide better), and only the audio can tell which.
  const candidates: { guide: (t: number) => number; radius: number }[] = [];
  const given: AnchorPoint[] = [];
  units.forEach((u, k) => {
    const a = input.anchors[k];
    if (a !== null && a !== undefined) given.push({ ref: a - ref.start!, syn: u.start });
  });
  const wide = Math.min(120, Math.max(20, refSeconds * 0.15));
  const anchorSets: AnchorPoint[][] = [];
  const anchorRadius = input.anchorKind === 'coarse' ? 6 : 12;
  if (given.length > 0 && input.anchorKind !== 'none') {
    anchorSets.push(given);
    candidates.push({ guide: anchorGuide(monotoneAnchors(given, refSeconds, synSeconds)), radius: anchorRadius });
    if (input.anchorKind === 'drifted') {
      const fixed = undoDrift(given, synToRef);
      if (fixed !== given) {
        anchorSets.push(fixed);
        candidates.push({ guide: anchorGuide(monotoneAnchors(fixed, refSeconds, synSeconds)), radius: 12 });
      }
    }
  }
  if (input.anchorKind !== 'coarse' || candidates.length === 0) candidates.push({ guide: shares, radius: wide });
  const coarseRef = poolFrames(ref.frames, COARSE);
  const coarseSyn = poolFrames(syn.frames, COARSE);
  const voicedCoarse = { ref: poolShares(voicedFine.ref, COARSE), syn: poolShares(voicedFine.syn, COARSE) };
  const widest = Math.max(...candidates.map((c) => c.radius));
  // Small problems skip the top level: its 120 ms frames lose detail the 40 ms search keeps.
  const top = coarseRef.length * ((2 * widest) / (ref.hop * COARSE)) <= DIRECT_CELLS ? 1 : TOP;
  const search = (topRef: FrameMatrix, topSyn: FrameMatrix, voicedTop: { ref: Float32Array; syn: Float32Array }): WarpPath => {
    const topRefHop = ref.hop * COARSE * top;
    const topSynHop = syn.hop * COARSE * top;
    let best: WarpPath | null = null;
    candidates.forEach(({ guide, radius }, c) => {
      const band = bandAround(topRef.length, topSyn.length, radius / topRefHop, (i) => guide(i * topRefHop) / topSynHop);
      const share = (row: number) => (0.2 * (c + row / topRef.length)) / candidates.length;
      const path = bandedDtw(topRef, topSyn, band, STEP_PENALTY, { ...(tick ? { tick: (row: number) => tick(share(row)) } : {}), voicing: voicing(topRef, voicedTop) });
      if (!best || path.normalizedCost < best.normalizedCost) best = path;
    });
    return best!;
  };
  const best = top === 1
    ? search(coarseRef, coarseSyn, voicedCoarse)
    : search(poolFrames(coarseRef, top), poolFrames(coarseSyn, top), { ref: poolShares(voicedCoarse.ref, top), syn: poolShares(voicedCoarse.syn, top) });
  let coarse = top === 1 ? best : bandedDtw(coarseRef, coarseSyn, bandFromCoarse(best, top, coarseRef.length, coarseSyn.length, COARSE_MARGIN), STEP_PENALTY, { ...(tick ? { tick: (row: number) => tick(0.2 + (0.2 * row) / coarseRef.length) } : {}), voicing: voicing(coarseRef, voicedCoarse) });
  // Given times the path strays far from, where it agrees with all the others: it slipped
  // (the voices match loosely, and audio the text lacks lets the next cue's words take it).
  // The coarse pass runs again held to the given times.
  if (input.anchorKind === 'drifted') {
    const held = heldToAnchors(coarse, anchorSets, ref.hop * COARSE, syn.hop * COARSE, coarseRef.length, coarseSyn.length, refSeconds, synSeconds, anchorRadius);
    if (held) coarse = bandedDtw(coarseRef, coarseSyn, held, STEP_PENALTY, { ...(tick ? { tick: (row: number) => tick(0.3 + (0.1 * row) / coarseRef.length) } : {}), voicing: voicing(coarseRef, voicedCoarse) });
  }
  return coarse;
}

/**
 * The band of a coarse pass held to the given times (guide.ts `corridorFor`), or null
 * when the path agrees with them. Of several sets of given times (as given, drift
 * undone), the one the path agrees with best is used.
 */
function heldToAnchors(path: WarpPath, sets: AnchorPoint[][], refHop: number, synHop: number, rows: number, cols: number, refSeconds: number, synSeconds: number, radius: number): Band | null {
  const { first } = pathMaps(path, cols);
  const column = (syn: number) => Math.max(0, Math.min(cols - 1, Math.floor(syn / synHop)));
  // Of the sets, the one the path agrees with most closely decides.
  let chosen: { set: AnchorPoint[]; verdict: Corridor | { agrees: true; tolerance: number } } | null = null;
  for (const set of sets) {
    const verdict = corridorFor(set.map((a) => first[column(a.syn)]! * refHop - a.ref));
    if (verdict !== 'unreliable' && (!chosen || verdict.tolerance < chosen.verdict.tolerance)) chosen = { set, verdict };
  }
  if (!chosen || 'agrees' in chosen.verdict) return null;
  const { set, verdict: corridor } = chosen;
  const guide = anchorGuide(monotoneAnchors(set.map((a) => ({ ref: a.ref + corridor.shift, syn: a.syn })), refSeconds, synSeconds));
  const band = bandAround(rows, cols, radius / refHop, (i) => guide(i * refHop) / synHop);
  clampToCorridor(band.lo, band.hi, set.map((a) => ({ ref: a.ref, column: column(a.syn) })), corridor, refHop);
  return repairBand(band.lo, band.hi, cols);
}

/** Share of each frame's analysis window the envelope calls speech. */
function frameVoicing(signal: Signal, threshold: number): Float32Array {
  const { values, step, offset } = signal.envelope;
  const start = signal.start ?? offset;
  const out = new Float32Array(signal.frames.length);
  const span = Math.max(1, Math.round((2 * signal.centre) / step));
  for (let i = 0; i < out.length; i++) {
    const from = Math.max(0, Math.round((start + i * signal.hop - offset) / step));
    const to = Math.min(values.length, from + span);
    let loud = 0;
    for (let k = from; k < to; k++) if (values[k]! >= threshold) loud++;
    out[i] = to > from ? loud / (to - from) : 0;
  }
  return out;
}

/** Means of each run of `factor` values: the voicing of pooled frames. */
function poolShares(values: Float32Array, factor: number): Float32Array {
  const out = new Float32Array(Math.ceil(values.length / factor));
  for (let k = 0; k < out.length; k++) {
    let sum = 0;
    const n = Math.min(factor, values.length - k * factor);
    for (let m = 0; m < n; m++) sum += values[k * factor + m]!;
    out[k] = sum / n;
  }
  return out;
}

/** `maps` are pathMaps of `path`; the frames' values are gone by now (their count is not). */
function placeUnits(input: AlignInput, path: WarpPath, maps: PathMaps, levels: ReturnType<typeof speechLevels>, audio: { start: number; end: number }, pace: number): AlignedUnit[] {
  const { ref, syn, units } = input;
  const cols = syn.frames.length;
  const { first, last } = maps;
  const synFrame = (t: number) => Math.max(0, Math.min(cols - 1, Math.round((t - syn.centre) / syn.hop)));
  const frameStart = ref.start ?? ref.envelope.offset;
  const refTime = (i: number) => frameStart + i * ref.hop + ref.centre;
  const startOf = (t: number) => refTime(first[synFrame(t)]!);
  const endOf = (t: number) => refTime(last[synFrame(t)]!) + ref.hop / 2;
  const scores = scoreUnits(path, units.map((u) => ({ from: synFrame(u.start), to: synFrame(u.end) })), ref.hop / syn.hop);
  const placed: AlignedUnit[] = units.map((u, k) => ({
    start: startOf(u.start),
    end: Math.max(startOf(u.start), endOf(u.end)),
    words: u.words.map((w) => ({ start: startOf(w.start), end: endOf(w.end) })),
    confidence: scores[k]!.confidence,
    lowConfidence: scores[k]!.low,
  }));
  const audioEnd = audio.end;
  // Text placed on a pause was not spoken there (a line the audio lacks lands in a gap).
  // What counts is the speech found against the speech expected: a cue stretched over a
  // long pause after its own words still holds them.
  placed.forEach((p, k) => {
    if (p.lowConfidence || onSpeech(input, maps, units[k]!, levels, pace)) return;
    p.lowConfidence = true;
    p.confidence = Math.min(p.confidence, 0.2);
  });
  const search = { radius: 0.3, minPause: 0.06 };
  for (let k = 0; k < placed.length; k++) {
    const p = placed[k]!;
    if (p.lowConfidence) continue;
    const previous = placed.slice(0, k).reverse().find((q) => !q.lowConfidence);
    const next = placed.slice(k + 1).find((q) => !q.lowConfidence);
    const minStart = previous ? previous.start + 0.05 : audio.start;
    // A start the path put on the previous cue's last sounds, just before a pause, is after the pause.
    const firstWord = units[k]!.words[0];
    const lead = firstWord ? Math.min(MAX_LEAD, LEAD_SHARE * (firstWord.end - firstWord.start) * pace) : 0;
    const afterPause = onsetAfterPause(ref.envelope, levels, p.start, Math.max(p.words[1]?.end ?? p.end, p.words[0]?.end ?? p.end), WORD_PAUSE, lead);
    if (afterPause !== null) p.start = afterPause;
    const maxEnd = next ? next.start + search.radius : audioEnd;
    const start = nearestEdge(ref.envelope, levels, p.start, 'start', search, { min: minStart, max: p.end });
    const end = nearestEdge(ref.envelope, levels, p.end, 'end', search, { min: start ?? p.start, max: maxEnd });
    if (start !== null) p.start = start;
    if (end !== null) p.end = end;
    // Stretched over a pause: the cue starts and ends where its speech does.
    p.start = speechEdgeWithin(ref.envelope, levels, p.start, p.end, 'start') ?? p.start;
    p.end = speechEdgeWithin(ref.envelope, levels, p.start, p.end, 'end') ?? p.end;
    if (p.end <= p.start) p.end = p.start + 0.05;
  }
  placed.forEach((p, k) => {
    if (!p.lowConfidence) snapWords(p, units[k]!.words.map((w) => (w.end - w.start) * pace), ref.envelope, levels);
  });
  interpolateLow(placed, units, audio.start, audioEnd);
  // An interpolated cue that covers some speech is put on it (its words may just be said
  // otherwise, like a date), and keeps its flag.
  for (const p of placed) {
    if (!p.lowConfidence) continue;
    const start = speechEdgeWithin(ref.envelope, levels, p.start, p.end, 'start');
    const end = start === null ? null : speechEdgeWithin(ref.envelope, levels, start, p.end - 0.1, 'end');
    if (start === null || end === null || end <= start) continue;
    const scale = (end - start) / Math.max(1e-3, p.end - p.start);
    p.words = p.words.map((w) => ({ start: start + (w.start - p.start) * scale, end: start + (w.end - p.start) * scale }));
    p.start = start;
    p.end = end;
  }
  for (const p of placed) fitWords(p);
  return placed;
}

/**
 * A word after a clear pause starts where the voice comes back: the path is only good to
 * a few frames, the envelope to 5 ms. The pause must be longer than a stop consonant's
 * closure, so words inside fluent speech keep their path times.
 */
function snapWords(p: AlignedUnit, expected: number[], envelope: Envelope, levels: ReturnType<typeof speechLevels>): void {
  const search = { radius: 0.4, minPause: 0.12 };
  for (let k = 1; k < p.words.length; k++) {
    const w = p.words[k]!;
    const previous = p.words[k - 1]!;
    const next = p.words[k + 1];
    const afterPause = onsetAfterPause(envelope, levels, w.start, next ? Math.max(next.end, w.end) : p.end, WORD_PAUSE, Math.min(MAX_LEAD, LEAD_SHARE * expected[k]!));
    if (afterPause !== null) {
      w.start = afterPause;
      previous.end = Math.min(previous.end, afterPause);
      w.end = Math.max(w.end, afterPause);
      continue;
    }
    const edge = nearestEdge(envelope, levels, w.start, 'start', search, { min: previous.start + 0.05, max: next ? next.start : p.end });
    if (edge === null) continue;
    w.start = edge;
    previous.end = Math.min(previous.end, edge);
    w.end = Math.max(w.end, edge);
  }
}

/** Low-confidence cues share the gap between their confident neighbours by synthesized length. */
function interpolateLow(placed: AlignedUnit[], units: SynthUnit[], audioStart: number, audioEnd: number): void {
  for (let k = 0; k < placed.length; k++) {
    if (!placed[k]!.lowConfidence) continue;
    let e = k;
    while (e + 1 < placed.length && placed[e + 1]!.lowConfidence) e++;
    const from = k > 0 ? placed[k - 1]!.end : audioStart;
    const to = e + 1 < placed.length ? placed[e + 1]!.start : audioEnd;
    const lengths = units.slice(k, e + 1).map((u) => Math.max(0.01, u.end - u.start));
    const total = lengths.reduce((a, b) => a + b, 0);
    let at = from;
    for (let m = k; m <= e; m++) {
      const share = Math.max(0, to - from) * (lengths[m - k]! / total);
      const p = placed[m]!;
      const synStart = units[m]!.start;
      const synLength = Math.max(0.01, units[m]!.end - synStart);
      p.words = units[m]!.words.map((w) => ({ start: at + ((w.start - synStart) / synLength) * share, end: at + ((w.end - synStart) / synLength) * share }));
      p.start = at;
      p.end = at + share;
      at += share;
    }
    k = e;
  }
}

/** Words inside their cue, in order, the first starting and the last ending with it. */
function fitWords(p: AlignedUnit): void {
  let floor = p.start;
  for (const w of p.words) {
    w.start = Math.min(Math.max(w.start, floor), p.end);
    w.end = Math.min(Math.max(w.end, w.start), p.end);
    floor = w.start;
  }
  const firstWord = p.words[0];
  const lastWord = p.words[p.words.length - 1];
  if (firstWord) firstWord.start = p.start;
  if (lastWord) lastWord.end = p.end;
}
