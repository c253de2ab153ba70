/**
 * Edits of a parsed WebVTT document as minimal text changes: each touches only the
 * bytes of the cue it edits, in the document's own formatting (timestamp shape, line
 * ending), so an unedited rest of the file stays byte-identical.
 */
import type { TextChange } from '../../model/text-change';
import { formatTimestampMs, secondsToMs, VTT_STYLE } from '../timestamp';
import type { VttCue, VttDocument } from './types';
import { formatCueBlock, sanitizeCueText, type WritableCue } from './writer';

export interface CueTimes {
  start?: number;
  end?: number;
}

/**
 * Rewrites the cue's timestamps in their own shape: `MM:SS.mmm` stays hours-less while
 * the time is under an hour and gains `HH:` otherwise; hour digits are kept.
 */
export function retimeCue(_doc: VttDocument, cue: VttCue, times: CueTimes): TextChange[] {
  const changes: TextChange[] = [];
  const edit = (seconds: number | undefined, range: VttCue['startRange'], style: VttCue['startStyle'], old: number) => {
    if (seconds === undefined || secondsToMs(seconds) === secondsToMs(old)) return;
    changes.push({ from: range.from, to: range.to, insert: formatTimestampMs(secondsToMs(seconds), style) });
  };
  edit(times.start, cue.startRange, cue.startStyle, cue.start);
  edit(times.end, cue.endRange, cue.endStyle, cue.end);
  return changes;
}

/**
 * Replaces the cue's text. Lines are joined with the document's line ending; empty
 * lines are dropped (in WebVTT they would end the cue) and `-->` is written `--&gt;`.
 */
export function setCueText(doc: VttDocument, cue: VttCue, text: string): TextChange[] {
  const insert = sanitizeCueText(text).join(doc.eol);
  const hasText = cue.textRange.to > cue.textRange.from;
  if (hasText) {
    if (insert === '') return [{ from: cue.timingRange.to, to: cue.textRange.to, insert: '' }];
    if (doc.text.slice(cue.textRange.from, cue.textRange.to) === insert) return [];
    return [{ from: cue.textRange.from, to: cue.textRange.to, insert }];
  }
  return insert === '' ? [] : [{ from: cue.timingRange.to, to: cue.timingRange.to, insert: doc.eol + insert }];
}

/** Number of line terminators at the end of `text`, and where they start. */
function trailingBreaks(text: string): { count: number; from: number } {
  let i = text.length;
  let count = 0;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10) {
      i -= text.charCodeAt(i - 2) === 13 ? 2 : 1;
      count++;
    } else if (c === 13) {
      i--;
      count++;
    } else break;
  }
  return { count, from: i };
}

/**
 * Inserts a new cue after cue `afterIndex` (-1: before the first cue; past the end: after
 * the last). Timestamps take
 * the shape of the neighbouring cue, lines the document's line ending.
 */
export function insertCue(doc: VttDocument, afterIndex: number, cue: WritableCue): TextChange[] {
  const eol = doc.eol;
  const neighbour = doc.cues[Math.max(0, Math.min(afterIndex, doc.cues.length - 1))];
  const style = neighbour ? neighbour.startStyle : VTT_STYLE;
  const block = formatCueBlock(cue, eol, style);
  const after = afterIndex >= 0 ? doc.cues[Math.min(afterIndex, doc.cues.length - 1)] : undefined;
  if (after) return [{ from: after.range.to, to: after.range.to, insert: eol + eol + block }];
  const first = doc.cues[0];
  if (first) return [{ from: first.range.from, to: first.range.from, insert: block + eol + eol }];
  // No cue yet: append, leaving exactly one blank line before the new cue.
  if (doc.text.length === (doc.bom ? 1 : 0)) {
    return [{ from: 0, to: doc.text.length, insert: `${doc.bom ? '\ufeff' : ''}WEBVTT${eol}${eol}${block}${eol}` }];
  }
  const tail = trailingBreaks(doc.text);
  const before = tail.count >= 2 ? '' : tail.count === 1 ? eol : eol + eol;
  return [{ from: doc.text.length, to: doc.text.length, insert: before + block + eol }];
}

/** Removes the cue block and the blank lines that separated it from the next block. */
export function removeCue(doc: VttDocument, cue: VttCue): TextChange[] {
  const index = doc.blocks.findIndex((b) => b.kind === 'cue' && b.cue === cue);
  if (index === -1) return [];
  const next = doc.blocks[index + 1];
  if (next) return [{ from: cue.range.from, to: next.range.from, insert: '' }];
  const prev = doc.blocks[index - 1];
  const prevEnd = prev ? prev.range.to : doc.header.range.to;
  return [{ from: prevEnd, to: cue.range.to, insert: '' }];
}

/** Text of a parsed document: parsing is lossless, so an unedited document serialises to its input. */
export function serializeVtt(doc: VttDocument): string {
  return doc.text;
}
