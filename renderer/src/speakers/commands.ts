/**
 * Speaker commands on the open editor, each one transaction (one undo step): rename a
 * speaker everywhere, merge one into another, set the speaker of the selected cues, and
 * move words across a turn (Alt+Shift+Up: the words before the cursor, or up to the end
 * of the selection, to the previous cue; Alt+Shift+Down: the words after the cursor, or
 * from the start of the selection, to the next cue). Word moves use the cue's word times
 * when the editor has them (word-times.ts), a proportional estimate otherwise. A word
 * dragged across a turn on the waveform (waveform/word-drag.ts) runs the same move.
 */
import { Prec, type Extension } from '@codemirror/state';
import { keymap, type Command, type EditorView } from '@codemirror/view';
import { cueWords } from '../../../shared/align/word-tags';
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

/** Moves the words of cue `index` on `direction`'s side of `cut` (one transaction), or shows why not. */
function moveWordsAt(view: EditorView, index: number, cut: number, direction: MoveDirection): boolean {
  const { state } = view;
  const words = state.field(wordTimesField, false) ? cueWordTimes(state, index) : null;
  const edit = moveWords(vttOf(state), index, cut, direction, words);
  if (edit.refused) {
    view.dispatch({ effects: structureNotice.of(edit.refused) });
    return true;
  }
  view.dispatch({ changes: edit.changes, userEvent: 'input.speaker.move', scrollIntoView: true });
  return true;
}

export function moveWordsCommand(direction: MoveDirection): Command {
  return (view) => {
    const sel = view.state.selection.main;
    const cut = direction === 'previous' ? sel.to : sel.from;
    const cues = cuesOf(view.state);
    const index = cueIndexAt(cues, cut);
    const cue = cues[index];
    if (!cue || cut < cue.textRange.from) return false;
    return moveWordsAt(view, index, cut, direction);
  };
}

/**
 * Where the text of a cue is cut between its words `boundary - 1` and `boundary`
 * (shared/align/word-tags' words; 0 and the word count are the text's ends): after the
 * last space between them, so a timestamp tag before a word goes with it and a closing
 * tag after one stays with it. An offset into `raw`.
 */
export function cutBetweenWords(raw: string, boundary: number): number {
  const words = cueWords(raw);
  if (boundary <= 0) return 0;
  if (boundary >= words.length) return raw.length;
  const before = words[boundary - 1]!;
  const after = words[boundary]!;
  const gap = raw.slice(before.rawTo, after.rawFrom);
  const space = gap.search(/\s\S*$/);
  return space >= 0 ? before.rawTo + space + 1 : after.rawFrom;
}

/**
 * A waveform drag dropped word `word` of the cue starting at `cueAt` on the neighbour
 * toward `direction`: that word and those before it go to the previous cue, or it and
 * those after it to the next; the same edit as the keys with the cursor at that word.
 */
export function moveWordsOfCue(view: EditorView, cueAt: number, word: number, direction: MoveDirection): boolean {
  const cues = cuesOf(view.state);
  const index = cueIndexAt(cues, cueAt);
  const cue = cues[index];
  if (!cue || cue.range.from !== cueAt) return false;
  const raw = view.state.doc.sliceString(cue.textRange.from, cue.textRange.to);
  const cut = cue.textRange.from + cutBetweenWords(raw, direction === 'previous' ? word + 1 : word);
  return moveWordsAt(view, index, cut, direction);
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
