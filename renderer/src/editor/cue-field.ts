/**
 * The cues, derived from the document: a StateField holding the parsed WebVTT document,
 * updated on each change by reparsing only the blocks the change touched (see
 * shared/formats/vtt/incremental). The waveform, status bar, lint and timing commands
 * all read cues from here; nothing keeps a second copy.
 */
import { StateField, type EditorState, type Transaction } from '@codemirror/state';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { reparseVtt, type ChangedSpan, type TextSource } from '../../../shared/formats/vtt/incremental';
import type { VttCue, VttDocument } from '../../../shared/formats/vtt/types';
import { cueIndexAt } from '../../../shared/timing/cue-at';

export const vttField = StateField.define<VttDocument>({
  create: (state) => parseVtt(state.doc.toString()),
  update(doc, tr: Transaction) {
    if (!tr.docChanged) return doc;
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

/** Index of the cue under the main cursor (or the one before it), -1 before the first. */
export function cursorCueIndex(state: EditorState): number {
  return cueIndexAt(cuesOf(state), state.selection.main.head);
}
