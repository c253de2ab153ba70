/**
 * Enter in the transcript view: at the end of a cue's text it starts a new cue, timed
 * from the current cue's end to the next cue's start (at most 2 s; where there is no
 * room it is as short as WebVTT allows, which QA flags as needing timing), with the
 * cursor on its text. Elsewhere it is an ordinary line break inside the cue (the guard
 * keeps it from becoming a blank line).
 */
import { EditorSelection } from '@codemirror/state';
import type { Command } from '@codemirror/view';
import { insertCue } from '../../../shared/formats/vtt/edit';
import { vttOf } from '../editor/cue-field';
import { ownerOf } from './guard';

/** Longest a cue started by Enter lasts, seconds. */
const NEW_CUE_SECONDS = 2;

export const enterNewCue: Command = (view) => {
  const { state } = view;
  const sel = state.selection.main;
  if (!sel.empty) return false;
  const doc = vttOf(state);
  const owner = ownerOf(state, doc, sel.head);
  const cue = owner ? doc.cues[owner.cue] : undefined;
  if (!owner || !cue || owner.pos !== cue.textRange.to || sel.head !== owner.pos) return false;
  const next = doc.cues[owner.cue + 1];
  const start = cue.end;
  const end = next ? Math.min(start + NEW_CUE_SECONDS, Math.max(start, next.start)) : start + NEW_CUE_SECONDS;
  const changes = insertCue(doc, owner.cue, { start, end, text: '' });
  const change = changes[0];
  if (!change) return false;
  view.dispatch({
    changes,
    selection: EditorSelection.cursor(change.from + change.insert.length),
    userEvent: 'input.cue.insert',
    scrollIntoView: true,
  });
  return true;
};
