/**
 * Where the WebVTT structure sits around each block, read from the cue StateField: the
 * part the transcript view hides (separator blank lines, header, cue id, timing line and
 * its line break) and the part the user edits (the cue text). Both the decorations and
 * the typing guard ask here, so they agree on every boundary.
 */
import type { EditorState, Text } from '@codemirror/state';
import { blockRuns } from '../../../shared/formats/vtt/incremental';
import type { VttBlock, VttDocument } from '../../../shared/formats/vtt/types';
import { vttField } from '../editor/cue-field';
import { firstBlockFrom } from '../editor/vtt-decorations';

export interface BlockLayout {
  /** Start of the hidden lead: the line after the previous block (0 for the first). */
  hiddenFrom: number;
  /** End of the hidden lead: the cue text start (timing line end for a cue without text); a non-cue block's end. */
  hiddenTo: number;
  /** Where typing is not allowed: from the previous block's end (its last line break) to `hiddenTo`. */
  guardFrom: number;
}

/** First block whose range ends at or after `pos` (the raw view's decorations search the same way). */
export const blockFrom = firstBlockFrom;

function lineAfter(text: Text, pos: number): number {
  const line = text.lineAt(pos);
  return line.number < text.lines ? text.line(line.number + 1).from : line.to;
}

/** End of block `b`'s hidden lead: where its visible part starts. */
function hiddenToOf(b: VttBlock): number {
  if (b.kind !== 'cue') return b.range.to;
  const c = b.cue;
  return c.textRange.to > c.textRange.from ? c.textRange.from : c.timingRange.to;
}

export function layoutOf(text: Text, doc: VttDocument, i: number): BlockLayout {
  // By index (editor/cue-field blocksOf): a keystroke never builds the whole block list.
  const blocks = blockRuns(doc);
  const prev = i > 0 ? blocks.block(i - 1) : undefined;
  return { hiddenFrom: prev ? lineAfter(text, prev.range.to) : 0, hiddenTo: hiddenToOf(blocks.block(i)), guardFrom: prev ? prev.range.to : 0 };
}

/**
 * Each block in order with its hidden lead (`hiddenFrom`, `hiddenTo` as in layoutOf), in
 * one pass: the previous block is at hand and a block ending at its line's end (every
 * parsed block does) has its next line one position on, so no line is looked up twice.
 */
export function eachLead(text: Text, doc: VttDocument, from: number, to: number, visit: (b: VttBlock, hiddenFrom: number, hiddenTo: number) => void): void {
  const blocks = blockRuns(doc);
  let prev = from > 0 ? blocks.block(from - 1) : undefined;
  for (let i = from; i <= to; i++) {
    const b = blocks.block(i);
    let hiddenFrom = 0;
    if (prev) {
      const end = prev.range.to;
      const line = text.lineAt(end);
      hiddenFrom = line.to === end && line.number < text.lines ? end + 1 : lineAfter(text, end);
    }
    visit(b, hiddenFrom, hiddenToOf(b));
    prev = b;
  }
}

/** The blank lines after the last block, hidden too (null when there are none). */
export function trailingRange(text: Text, doc: VttDocument): { from: number; to: number } | null {
  const blocks = blockRuns(doc);
  const last = blocks.length ? blocks.block(blocks.length - 1) : undefined;
  if (!last) return null;
  const from = lineAfter(text, last.range.to);
  return from < text.length ? { from, to: text.length } : null;
}

export function layoutAt(state: EditorState, i: number): BlockLayout {
  return layoutOf(state.doc, state.field(vttField), i);
}
