/**
 * What the status bar shows of the editor (cursor, the cue there, the problem count),
 * published by a ViewPlugin into a Store only when it changes: typing re-renders the
 * status bar at most, and playback (spoken-cue effects) re-renders nothing.
 */
import type { Extension } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import { diagnosticCount, setDiagnosticsEffect } from '@codemirror/lint';
import type { VttCue } from '../../../shared/formats/vtt/types';
import { Store } from '../store';
import { blocksOf } from './cue-field';

export interface EditorStatus {
  line: number;
  column: number;
  lines: number;
  /** Index of the cue under the cursor (-1 when none) and the number of cues. */
  cueIndex: number;
  cueCount: number;
  cue: VttCue | null;
  problems: number;
}

export const NO_STATUS: EditorStatus = { line: 1, column: 1, lines: 0, cueIndex: -1, cueCount: 0, cue: null, problems: 0 };

function statusOf(view: EditorView, problems: number): EditorStatus {
  const state = view.state;
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  // By position and index: typing never builds the whole cue list for the status bar.
  const cues = blocksOf(state);
  const cueIndex = cues.cueIndexAt(head);
  return { line: line.number, column: head - line.from + 1, lines: state.doc.lines, cueIndex, cueCount: cues.cueCount, cue: cues.cue(cueIndex) ?? null, problems };
}

function same(a: EditorStatus, b: EditorStatus): boolean {
  return a.line === b.line && a.column === b.column && a.lines === b.lines && a.cueIndex === b.cueIndex && a.cueCount === b.cueCount && a.cue === b.cue && a.problems === b.problems;
}

export function publishStatus(store: Store<EditorStatus>): Extension {
  return ViewPlugin.define((view) => {
    store.set(statusOf(view, 0));
    return {
      update(u: ViewUpdate) {
        const linted = u.transactions.some((tr) => tr.effects.some((e) => e.is(setDiagnosticsEffect)));
        if (!u.docChanged && !u.selectionSet && !linted) return;
        // Counting walks every diagnostic: only when the linter has new ones.
        const next = statusOf(u.view, linted ? diagnosticCount(u.state) : store.get().problems);
        if (!same(next, store.get())) store.set(next);
      },
      destroy() {
        store.set(NO_STATUS);
      },
    };
  });
}
