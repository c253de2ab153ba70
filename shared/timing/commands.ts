/**
 * Timing commands as pure functions of a parsed WebVTT document: each returns the text
 * changes (and where the cursor should go) and touches only timestamp text, or, for
 * split/merge/insert, the cue blocks involved. The editor applies the result as one
 * transaction, so every command is one undo step and the rest of the file keeps its
 * bytes.
 */
import type { TextChange } from '../model/text-change';
import { formatTimestampMs, secondsToMs } from '../formats/timestamp';
import { insertCue, retimeCue } from '../formats/vtt/edit';
import type { VttCue, VttDocument } from '../formats/vtt/types';
import { cueIndexAtTime } from './cue-at';

export interface TimingEdit {
  changes: TextChange[];
  /** Where to put the cursor afterwards (offset in the text after the changes); absent: keep it mapped. */
  cursor?: number;
}

export type CueEdgeName = 'start' | 'end' | 'both';

const ms = (seconds: number) => secondsToMs(seconds);
const NONE: TimingEdit = { changes: [] };

/** Moves an edge (or the whole cue) of cues `[first, last]` by `deltaMs`; times stay >= 0 and start <= end. */
export function nudge(doc: VttDocument, first: number, last: number, edge: CueEdgeName, deltaMs: number): TimingEdit {
  const changes: TextChange[] = [];
  for (let i = first; i <= last; i++) {
    const cue = doc.cues[i];
    if (!cue) continue;
    const s = ms(cue.start);
    const e = ms(cue.end);
    if (edge === 'both') {
      const d = Math.max(deltaMs, -s);
      changes.push(...retimeCue(doc, cue, { start: (s + d) / 1000, end: (e + d) / 1000 }));
    } else if (edge === 'start') {
      changes.push(...retimeCue(doc, cue, { start: clamp(s + deltaMs, 0, Math.max(e, s)) / 1000 }));
    } else {
      changes.push(...retimeCue(doc, cue, { end: Math.max(e + deltaMs, s, 0) / 1000 }));
    }
  }
  return { changes };
}

/** Ripple: moves cue `from` and every cue after it by `deltaMs` (clamped so the first stays >= 0). */
export function rippleShift(doc: VttDocument, from: number, deltaMs: number): TimingEdit {
  const cue = doc.cues[from];
  if (!cue) return NONE;
  const d = Math.max(deltaMs, -ms(cue.start));
  const changes: TextChange[] = [];
  for (let i = from; i < doc.cues.length; i++) {
    const c = doc.cues[i]!;
    changes.push(...retimeCue(doc, c, { start: Math.max(0, ms(c.start) + d) / 1000, end: Math.max(0, ms(c.end) + d) / 1000 }));
  }
  return { changes };
}

/** Sets the start or end of cue `index` to `seconds` (the playhead); the other edge follows if crossed. */
export function setEdgeAt(doc: VttDocument, index: number, edge: 'start' | 'end', seconds: number): TimingEdit {
  const cue = doc.cues[index];
  if (!cue) return NONE;
  const t = Math.max(0, ms(seconds));
  const s = ms(cue.start);
  const e = ms(cue.end);
  if (edge === 'start') return { changes: retimeCue(doc, cue, { start: t / 1000, end: Math.max(e, t) / 1000 }) };
  return { changes: retimeCue(doc, cue, { start: Math.min(s, t) / 1000, end: t / 1000 }) };
}

/** Subtitle Edit's "set end and go to next": the end goes to `seconds`, the cursor to the next cue's text. */
export function setEndAndGoToNext(doc: VttDocument, index: number, seconds: number): TimingEdit {
  const edit = setEdgeAt(doc, index, 'end', seconds);
  const next = doc.cues[index + 1];
  if (!next) return edit;
  return { changes: edit.changes, cursor: mapOffset(edit.changes, next.textRange.from) };
}

/**
 * Splits cue `index` at `offset` (inside its text): the text before stays, the text after
 * becomes a new cue right after it. The time is split in proportion to the characters
 * on each side (ASR speech runs at a near-constant rate, so this lands close to the
 * word boundary). Settings are copied; the new cue has no identifier.
 */
export function splitCue(doc: VttDocument, index: number, offset: number): TimingEdit {
  const cue = doc.cues[index];
  if (!cue || offset < cue.textRange.from || offset > cue.textRange.to) return NONE;
  const text = doc.text;
  const head = text.slice(cue.textRange.from, offset).replace(/\s+$/, '');
  const tail = text.slice(offset, cue.textRange.to).replace(/^\s+/, '');
  if (!head || !tail) return NONE;
  const s = ms(cue.start);
  const e = ms(cue.end);
  const weight = (t: string) => t.replace(/\s+/g, ' ').length;
  const at = Math.round(s + ((e - s) * weight(head)) / (weight(head) + weight(tail)));
  const eol = doc.eol;
  const settings = text.slice(cue.settingsRange.from, cue.settingsRange.to);
  const timing = `${formatTimestampMs(at, cue.startStyle)} --> ${formatTimestampMs(e, cue.endStyle)}${settings}`;
  const headEnd = cue.textRange.from + head.length;
  const changes: TextChange[] = [
    ...retimeCue(doc, cue, { end: at / 1000 }),
    { from: headEnd, to: cue.textRange.to, insert: `${eol}${eol}${timing}${eol}${tail}` },
  ];
  const newTextStart = headEnd + eol.length * 3 + timing.length;
  return { changes, cursor: mapOffset(changes.slice(0, -1), newTextStart) };
}

/** Merges cue `index` with the next one: texts joined by a space, times spanning both; the next block goes. */
export function mergeWithNext(doc: VttDocument, index: number): TimingEdit {
  const cue = doc.cues[index];
  const next = doc.cues[index + 1];
  if (!cue || !next) return NONE;
  const nextText = doc.text.slice(next.textRange.from, next.textRange.to);
  const joinAt = cue.textRange.to;
  const sep = cue.textRange.to > cue.textRange.from && nextText ? ' ' : cue.textRange.to > cue.textRange.from ? '' : doc.eol;
  const changes: TextChange[] = [
    ...retimeCue(doc, cue, { start: Math.min(cue.start, next.start), end: Math.max(cue.end, next.end) }),
    { from: joinAt, to: next.range.to, insert: nextText ? sep + nextText : '' },
  ];
  return { changes, cursor: mapOffset(changes.slice(0, -1), joinAt) };
}

/**
 * Inserts an empty cue at `seconds` after the cue starting before it. It lasts until
 * the next cue starts (at most `duration`, at least 0.1 s); the cursor lands on its
 * empty text line, ready to type.
 */
export function insertCueAt(doc: VttDocument, seconds: number, durationMs = 2000): TimingEdit {
  const start = Math.max(0, ms(seconds));
  const after = cueIndexAtTime(doc.cues, seconds);
  const next = doc.cues[after + 1];
  const end = next ? Math.max(start + 100, Math.min(start + durationMs, ms(next.start))) : start + durationMs;
  const changes = insertCue(doc, after, { start: start / 1000, end: end / 1000, text: '' });
  const change = changes[0];
  if (!change) return NONE;
  // Open a text line after the timing line, and put the cursor on it.
  const timingEnd = change.insert.indexOf('-->');
  const lineEnd = change.insert.indexOf(doc.eol, timingEnd);
  const insert = lineEnd === -1 ? change.insert + doc.eol : change.insert.slice(0, lineEnd) + doc.eol + change.insert.slice(lineEnd);
  const cursor = change.from + (lineEnd === -1 ? insert.length : lineEnd + doc.eol.length);
  return { changes: [{ ...change, insert }], cursor };
}

/**
 * Ends each cue in `[first, last]` `minGapMs` before the next one starts when it
 * overlaps it (never before its own start). Abutting cues stay as they are when the
 * gap is 0.
 */
export function fixOverlaps(doc: VttDocument, first: number, last: number, minGapMs = 0): TimingEdit {
  const changes: TextChange[] = [];
  for (let i = first; i <= last; i++) {
    const cue = doc.cues[i];
    const next = doc.cues[i + 1];
    if (!cue || !next) continue;
    const limit = ms(next.start) - minGapMs;
    if (ms(cue.end) > limit && limit > ms(cue.start)) changes.push(...retimeCue(doc, cue, { end: limit / 1000 }));
  }
  return { changes };
}

/** Offset of the text of cue `index + step` (clamped), for previous/next cue. */
export function cueTextOffset(cues: readonly VttCue[], index: number, step: number): number | null {
  const target = cues[Math.max(0, Math.min(cues.length - 1, index + step))];
  return target ? target.textRange.from : null;
}

/** Where `offset` lands after `changes` (all before or away from it, sorted, non-overlapping). */
function mapOffset(changes: readonly TextChange[], offset: number): number {
  let shift = 0;
  for (const c of changes) if (c.to <= offset) shift += c.insert.length - (c.to - c.from);
  return offset + shift;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
