/**
 * The cues, derived from the document: a StateField holding the parsed WebVTT document,
 * updated on each change by reparsing only the blocks the change touched (see
 * shared/formats/vtt/incremental). The waveform, status bar, lint and timing commands
 * all read cues from here; nothing keeps a second copy.
 *
 * `cuesOf` builds every cue with its current positions (after a keystroke, every cue
 * after it moved): commands may, but what runs on each keystroke or frame (status bar,
 * highlights, decorations, the waveform) asks `blocksOf` for the few it needs instead,
 * by index or position in O(log n).
 */
import { StateField, type EditorState, type Transaction } from '@codemirror/state';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { blockRuns, reparseVtt, type ChangedSpan, type TextSource } from '../../../shared/formats/vtt/incremental';
import type { BlockRuns } from '../../../shared/formats/vtt/block-runs';
import type { VttCue, VttDocument } from '../../../shared/formats/vtt/types';

export const vttField = StateField.define<VttDocument>({
  create: (state) => parseVtt(state.doc.toString()),
  update(doc, tr: Transaction) {
    if (!tr.docChanged) return doc;
    // The cue times of every version are chained from the last one's (O(1) while typing
    // changes no time), so the waveform can tell by identity that nothing moved in time.
    blockRuns(doc).times();
    const spans: ChangedSpan[] = [];
    tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => spans.push({ fromA, toA, fromB, toB }));
    const text = tr.newDoc;
    // Read from CodeMirror's rope in pieces: no 0.4 MB string per keystroke.
    const source: TextSource = {
      length: text.length,
      slice: (from, to) => text.sliceString(from, to),
      lineNumberAt: (offset) => text.lineAt(offset).number,
    };
    return reparseVtt(doc, source, spans, text.lines - tr.startState.doc.lines);
  },
});

export function vttOf(state: EditorState): VttDocument {
  return state.field(vttField);
}

export function cuesOf(state: EditorState): readonly VttCue[] {
  return state.field(vttField).cues;
}

/** The document's blocks and cues by index, position or time, without building them all. */
export function blocksOf(state: EditorState): BlockRuns {
  return blockRuns(state.field(vttField));
}

/** Index of the cue under the main cursor (or the one before it), -1 before the first. */
export function cursorCueIndex(state: EditorState): number {
  return blocksOf(state).cueIndexAt(state.selection.main.head);
}
