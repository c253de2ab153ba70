/**
 * Jumps: moving the cursor to a target the user asked for (a cue, a find result, a
 * problem, a click on the waveform) puts the target in the middle of the editor, never
 * at its bottom edge, and tags the transaction so the waveform centres the cue too.
 */
import { EditorSelection, type SelectionRange } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** User events that are jumps (the waveform centres the cursor's cue after them). */
export const JUMP_EVENTS = ['select.cue', 'select.search', 'select.problem', 'select.waveform'] as const;
export type JumpEvent = (typeof JUMP_EVENTS)[number];

export function jumpTo(view: EditorView, selection: number | SelectionRange, userEvent: JumpEvent): void {
  const range = typeof selection === 'number' ? EditorSelection.cursor(selection) : selection;
  view.dispatch({
    selection: range,
    effects: EditorView.scrollIntoView(range, { y: 'center' }),
    userEvent,
  });
}

/** Centres the cursor after a command that moved it with CodeMirror's own (nearest-edge) scrolling. */
export function centreCursor(view: EditorView, userEvent: JumpEvent): void {
  jumpTo(view, view.state.selection.main, userEvent);
}
