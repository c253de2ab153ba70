/**
 * Speaker commands on the open editor, each one transaction (one undo step): rename a
 * speaker everywhere, merge one into another, set the speaker of the selected cues, and
 * move words across a turn (Alt+Shift+Up: the words before the cursor, or up to the end
 * of the selection, to the previous cue; Alt+Shift+Down: the words after the cursor, or
 * from the start of the selection, to the next cue). Word moves use the cue's word times
 * when the editor has them (word-times.ts), a proportional estimate otherwise.
 */
import { Prec, type Extension } from '@codemirror/state';
import { keymap, type Command, type EditorView } from '@codemirror/view';
import type { TextChange } from '../../../shared/model/text-change';
import { moveWords, renameSpeaker, setSpeaker, type MoveDirection } from '../../../shared/speakers';
import { cueIndexAt, cueSpanOf } from '../../../shared/timing/cue-at';
import { cuesOf, vttOf } from '../editor/cue-field';
import { cueWordTimes, wordTimesField } from '../editor/word-times';
import { noticeField, structureNotice } from '../transcript-view/guard';

function apply(view: EditorView, changes: readonly TextChange[], userEvent: string): boolean {
  if (!changes.length) return false;
  view.dispatch({ changes: [...changes], userEvent, scrollIntoView: true });
  return true;
}

export function renameSpeakerIn(view: EditorView, from: string, to: string): boolean {
  return apply(view, renameSpeaker(vttOf(view.state), from, to.trim()), 'input.speaker.rename');
}

/** Merging `from` into `into`: every turn of `from` becomes `into`'s. */
export const mergeSpeakerIn = (view: EditorView, from: string, into: string): boolean => renameSpeakerIn(view, from, into);

/** The cues the selection touches (the cursor's cue for a bare cursor) get `name` as their speaker. */
export function setSpeakerOfSelection(view: EditorView, name: string | null): boolean {
  const { from, to } = view.state.selection.main;
  const span = cueSpanOf(cuesOf(view.state), from, to);
  if (!span) return false;
  return apply(view, setSpeaker(vttOf(view.state), span[0], span[1], name), 'input.speaker.set');
}

export function moveWordsCommand(direction: MoveDirection): Command {
  return (view) => {
    const { state } = view;
    const sel = state.selection.main;
    const cut = direction === 'previous' ? sel.to : sel.from;
    const cues = cuesOf(state);
    const index = cueIndexAt(cues, cut);
    const cue = cues[index];
    if (!cue || cut < cue.textRange.from) return false;
    const words = state.field(wordTimesField, false) ? cueWordTimes(state, index) : null;
    const edit = moveWords(vttOf(state), index, cut, direction, words);
    if (edit.refused) {
      view.dispatch({ effects: structureNotice.of(edit.refused) });
      return true;
    }
    view.dispatch({ changes: edit.changes, userEvent: 'input.speaker.move', scrollIntoView: true });
    return true;
  };
}

export const moveWordsToPrevious = moveWordsCommand('previous');
export const moveWordsToNext = moveWordsCommand('next');

/** The speaker keys, in either view (above CodeMirror's Alt+Shift+Up/Down, which copy lines). */
export const speakerCommands: Extension = [
  noticeField,
  Prec.high(keymap.of([
    { key: 'Alt-Shift-ArrowUp', run: moveWordsToPrevious },
    { key: 'Alt-Shift-ArrowDown', run: moveWordsToNext },
  ])),
];
