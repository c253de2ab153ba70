/**
 * The waveform's view of the editor: cues read from the editor's cue StateField (no
 * copy, no parse of its own), the cue under the cursor, and cue-edge drags written back
 * as one CodeMirror transaction (so they undo like typing).
 */
import { useCallback, useState, type RefObject } from 'react';
import type { EditorView } from '@codemirror/view';
import type { VttCue } from '../../../shared/formats/vtt/types';
import { retimeCue } from '../../../shared/formats/vtt/edit';
import { cuesOf, cursorCueIndex, vttOf } from '../editor/cue-field';
import type { CueRetime } from './cue-layer';

export function useTranscriptCues(view: RefObject<EditorView | null>) {
  const [cues, setCues] = useState<readonly VttCue[]>([]);
  const [cursorIndex, setCursorIndex] = useState<number | null>(null);

  /** Call on every editor update: cheap (reference compare and a binary search). */
  const noteUpdate = useCallback((v: EditorView) => {
    setCues(cuesOf(v.state));
    const index = cursorCueIndex(v.state);
    setCursorIndex(index >= 0 ? index : null);
  }, []);

  const reset = useCallback(() => {
    setCues([]);
    setCursorIndex(null);
  }, []);

  /** Waveform drags: every retimed cue in one transaction (one undo step). */
  const retimeCues = useCallback((retimes: readonly CueRetime[]) => {
    const v = view.current;
    if (!v) return;
    const doc = vttOf(v.state);
    const changes = retimes.flatMap((r) => {
      const cue = doc.cues[r.index];
      if (!cue) return [];
      const start = r.start ?? cue.start;
      const end = r.end ?? cue.end;
      // An edge never crosses the other one.
      return retimeCue(doc, cue, { start: Math.min(start, end), end: Math.max(start, end) });
    });
    if (changes.length) v.dispatch({ changes, userEvent: 'input.cue-drag' });
  }, [view]);

  return { cues, cursorIndex, noteUpdate, reset, retimeCues };
}
