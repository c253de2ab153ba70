/**
 * Word times as derived editor state: per cue, the start and end of each word, set by an
 * effect (an alignment result, or the inline timestamp tags of the file on open), mapped
 * through edits and dropped for a cue whose words change. Nothing is written into the
 * document unless asked (Export ▸ WebVTT with word timestamps, `documentWithWordTimes`).
 */
import { invertedEffects } from '@codemirror/commands';
import { StateEffect, StateField, type ChangeDesc, type EditorState, type Extension, type Text } from '@codemirror/state';
import { cueWords, documentWithWordTimes, readWordTimes, type WordTime } from '../../../shared/align/word-tags';
import type { VttDocument } from '../../../shared/formats/vtt/types';
import { blocksOf, cuesOf, vttField } from './cue-field';
import { carryWordTimes, mapEntry } from './word-times-edit';

/** One cue's word times, located by its text and timing line in the current document. */
export interface CueWordTimes {
  /** The cue's text range (all its text lines). */
  textFrom: number;
  textTo: number;
  /** The cue's timing line: editing it clears `lowConfidence` (the user has checked the times). */
  timingFrom: number;
  timingTo: number;
  words: readonly WordTime[];
  /** 0..1 from the aligner, when the times came from one. */
  confidence?: number;
  lowConfidence?: boolean;
}

/** A timed word with where it is in the document. */
export interface LocatedWord extends WordTime {
  from: number;
  to: number;
  /** Index of its cue in `cuesOf(state)`. */
  cue: number;
}

/** Sets word times for the cues listed (replacing what those cues had); positions refer to the document after the transaction's changes. */
export const setWordTimes = StateEffect.define<readonly CueWordTimes[]>({
  map: (entries, changes) => entries.map((e) => mapEntry(e, changes)),
});
/** Forgets every word time (another document, or the user asked). */
export const clearWordTimes = StateEffect.define<null>();
/** Puts back a whole earlier set of word times: what undo and redo carry. */
const restoreWordTimes = StateEffect.define<readonly CueWordTimes[]>({
  map: (entries, changes) => entries.map((e) => mapEntry(e, changes)),
});

function merge(entries: readonly CueWordTimes[], added: readonly CueWordTimes[]): CueWordTimes[] {
  const overlaps = (a: CueWordTimes, b: CueWordTimes) => a.textFrom <= b.textTo && b.textFrom <= a.textTo;
  const kept = entries.filter((e) => !added.some((a) => overlaps(a, e)));
  return [...kept, ...added].sort((a, b) => a.textFrom - b.textFrom);
}

/** Word times of the cues of `doc` for which `timesOf` gives some (an effect for a transaction whose result is `doc`). */
export function wordTimesEffect(
  doc: VttDocument,
  timesOf: (index: number) => { words: readonly WordTime[]; confidence?: number; lowConfidence?: boolean } | null,
): StateEffect<readonly CueWordTimes[]> {
  const entries: CueWordTimes[] = [];
  doc.cues.forEach((cue, i) => {
    const t = timesOf(i);
    if (!t || t.words.length === 0) return;
    const entry: CueWordTimes = { textFrom: cue.textRange.from, textTo: cue.textRange.to, timingFrom: cue.timingRange.from, timingTo: cue.timingRange.to, words: t.words };
    if (t.confidence !== undefined) entry.confidence = t.confidence;
    if (t.lowConfidence) entry.lowConfidence = true;
    entries.push(entry);
  });
  return setWordTimes.of(entries);
}

/** The word times a document's inline timestamp tags give (read when a document opens). */
export function wordTimesFromTags(doc: VttDocument): StateEffect<readonly CueWordTimes[]> {
  return wordTimesEffect(doc, (i) => {
    const cue = doc.cues[i]!;
    const words = cue.text.includes('<') ? readWordTimes(cue.text, cue.start, cue.end) : null;
    return words ? { words } : null;
  });
}

export const wordTimesField = StateField.define<readonly CueWordTimes[]>({
  create: (state) => {
    const effect = wordTimesFromTags(state.field(vttField));
    return merge([], effect.value);
  },
  update(entries, tr) {
    let out = tr.docChanged && entries.length ? carryAround(entries, tr.changes, tr.newDoc) : entries;
    for (const e of tr.effects) {
      if (e.is(clearWordTimes)) out = [];
      else if (e.is(setWordTimes)) out = merge(out, e.value);
      else if (e.is(restoreWordTimes)) out = e.value.slice();
    }
    return out;
  },
});

/**
 * `carryWordTimes` for the entries a change can touch only: those before it keep their
 * objects, those after it are moved by the length change (built field by field: a spread
 * per entry cost a keystroke several milliseconds on an aligned 4,000-cue episode).
 */
function carryAround(entries: readonly CueWordTimes[], changes: ChangeDesc, doc: Text): CueWordTimes[] {
  let fromA = Infinity;
  let toA = -1;
  changes.iterChangedRanges((from, to) => {
    fromA = Math.min(fromA, from);
    toA = Math.max(toA, to);
  });
  // Entries are in document order and apart: [a, b) are the ones the change may touch
  // (touching counts at the edges). A Merge touches both cues' entries, so both are in.
  const a = firstIndex(entries, (e) => e.textTo >= fromA);
  const b = firstIndex(entries, (e) => e.timingFrom > toA);
  const out = entries.slice(0, a);
  for (const e of carryWordTimes(entries.slice(a, b), changes, doc)) out.push(e);
  const delta = changes.newLength - changes.length;
  for (let i = b; i < entries.length; i++) out.push(shifted(entries[i]!, delta));
  return out;
}

function shifted(e: CueWordTimes, d: number): CueWordTimes {
  const out: CueWordTimes = { textFrom: e.textFrom + d, textTo: e.textTo + d, timingFrom: e.timingFrom + d, timingTo: e.timingTo + d, words: e.words };
  if (e.confidence !== undefined) out.confidence = e.confidence;
  if (e.lowConfidence !== undefined) out.lowConfidence = e.lowConfidence;
  return out;
}

/** The first index whose entry satisfies `pred` (monotone over the entries), else the length. */
function firstIndex(entries: readonly CueWordTimes[], pred: (e: CueWordTimes) => boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(entries[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const changesWordTimes = (e: StateEffect<unknown>) => e.is(setWordTimes) || e.is(clearWordTimes) || e.is(restoreWordTimes);

/**
 * The word-times field, with undo: a transaction that sets them records the set before
 * it in the history, so undoing "Apply alignment" restores the old word times too.
 */
export const wordTimes: Extension = [
  wordTimesField,
  invertedEffects.of((tr) => (tr.effects.some(changesWordTimes) ? [restoreWordTimes.of(tr.startState.field(wordTimesField))] : [])),
];

/** Entry whose cue text contains `pos` (binary search; entries are in document order). */
function entryAt(entries: readonly CueWordTimes[], pos: number): CueWordTimes | null {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid]!;
    if (pos < e.textFrom) hi = mid - 1;
    else if (pos > e.textTo) lo = mid + 1;
    else return e;
  }
  return null;
}

function locate(state: EditorState, e: CueWordTimes): LocatedWord[] {
  const words = cueWords(state.doc.sliceString(e.textFrom, e.textTo));
  const cue = blocksOf(state).cueIndexAt(e.textFrom);
  return words.map((w, i) => ({ ...e.words[i]!, from: e.textFrom + w.rawFrom, to: e.textFrom + w.rawTo, cue }));
}

/** The timed words of the cue at `index`, or null when it has no word times. */
export function cueWordTimes(state: EditorState, index: number): LocatedWord[] | null {
  const cue = blocksOf(state).cue(index);
  if (!cue) return null;
  // An editor without the word-times extension has none (the same as no times).
  const e = entryAt(state.field(wordTimesField, false) ?? [], cue.textRange.from);
  return e && e.textFrom === cue.textRange.from ? locate(state, e) : null;
}

/** The timed word at document position `pos` (inside it or at its edges), or null. */
export function wordAt(state: EditorState, pos: number): LocatedWord | null {
  const e = entryAt(state.field(wordTimesField), pos);
  if (!e) return null;
  return locate(state, e).find((w) => pos >= w.from && pos <= w.to) ?? null;
}

/** The word being spoken at `time` (start ≤ time < end), or null between words. */
export function wordTimeAt(state: EditorState, time: number): LocatedWord | null {
  const entries = state.field(wordTimesField);
  const found = lastStartingBy(entries, time);
  // Overlapping cues: the one before may still be speaking.
  for (const i of [found, found - 1]) {
    const e = entries[i];
    if (!e || e.words.at(-1)!.end <= time) continue;
    const k = e.words.findIndex((w) => w.start <= time && time < w.end);
    if (k >= 0) return locate(state, e)[k]!;
  }
  return null;
}

/** A boundary between two timed words of one cue: where to split the text and the times either side. */
export interface WordBoundary {
  /** Where to cut: after the space before the next word (and before any tag of its own). */
  pos: number;
  /** End of the word before, start of the word after (seconds). */
  endBefore: number;
  startAfter: number;
}

/** The word boundary nearest `pos` in its cue, or null when the cue has no word times or one word. */
export function wordBoundaryNear(state: EditorState, pos: number): WordBoundary | null {
  const e = entryAt(state.field(wordTimesField), pos);
  if (!e) return null;
  const words = locate(state, e);
  let best: WordBoundary | null = null;
  let distance = Infinity;
  for (let i = 1; i < words.length; i++) {
    const [before, after] = [words[i - 1]!, words[i]!];
    // Anywhere in the gap between the words counts as on the boundary.
    const d = pos < before.to ? before.to - pos : pos > after.from ? pos - after.from : 0;
    if (d < distance) {
      distance = d;
      // Cut after the gap's last space, so a timestamp tag before the word goes with it.
      const gap = state.doc.sliceString(before.to, after.from);
      const space = Math.max(gap.lastIndexOf(' '), gap.lastIndexOf('\t'), gap.lastIndexOf('\n'));
      best = { pos: space >= 0 ? before.to + space + 1 : after.from, endBefore: before.end, startAfter: after.start };
    }
  }
  return best;
}

/** The word start or end nearest `time` within `maxDistance` seconds (for snapping cue edges), or null. */
export function wordEdgeNear(state: EditorState, time: number, maxDistance = 0.3): number | null {
  let best: number | null = null;
  for (const w of wordsBetween(state, time - maxDistance, time + maxDistance)) {
    for (const t of [w.start, w.end]) if (Math.abs(t - time) <= maxDistance && (best === null || Math.abs(t - time) < Math.abs(best - time))) best = t;
  }
  return best;
}

/** Index of the last entry whose first word starts at or before `time` (entries are in time order), or -1. */
function lastStartingBy(entries: readonly CueWordTimes[], time: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.words[0]!.start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Timed words overlapping `[from, to)` seconds, in order (waveform word labels): O(log n + cues in view). */
export function wordsBetween(state: EditorState, from: number, to: number): LocatedWord[] {
  const entries = state.field(wordTimesField, false) ?? [];
  const out: LocatedWord[] = [];
  // The cue before the window may still be speaking into it (overlaps): start one earlier.
  for (let i = Math.max(0, lastStartingBy(entries, from) - 1); i < entries.length; i++) {
    const e = entries[i]!;
    if (e.words[0]!.start >= to) break;
    if (e.words.at(-1)!.end < from) continue;
    for (const w of locate(state, e)) if (w.end >= from && w.start < to) out.push(w);
  }
  return out;
}

/**
 * Export ▸ WebVTT with word timestamps: the document with each timed cue's word starts
 * written as inline tags (`Hello <00:00:01.500>world`); cues without word times as they are.
 */
export function textWithWordTimestamps(state: EditorState): string {
  return documentWithWordTimes(state.doc.toString(), cuesOf(state), (i) => cueWordTimes(state, i));
}
