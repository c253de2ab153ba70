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
import type { CueEdge } from './cue-layer';

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

  const moveCueEdge = useCallback((index: number, edge: CueEdge, seconds: number) => {
    const v = view.current;
    if (!v) return;
    const doc = vttOf(v.state);
    const cue = doc.cues[index];
    if (!cue) return;
    // An edge never crosses the other one.
    const t = edge === 'start' ? Math.min(seconds, cue.end) : Math.max(seconds, cue.start);
    const changes = retimeCue(doc, cue, edge === 'start' ? { start: t } : { end: t });
    if (changes.length) v.dispatch({ changes, userEvent: 'input.cue-drag' });
  }, [view]);

  return { cues, cursorIndex, noteUpdate, reset, moveCueEdge };
}
