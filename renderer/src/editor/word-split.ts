/**
 * Split at cursor with word times: the cut goes to the word boundary nearest the cursor,
 * the first half ends where its last word ends and the second starts where its first
 * word starts, instead of the character-proportional estimate of `splitCue`. Built on
 * `splitCue` (the same text change) with the two times set after it, composed into one
 * edit of the original text, so it stays one undo step.
 */
import { ChangeSet, type EditorState } from '@codemirror/state';
import { retimeCue } from '../../../shared/formats/vtt/edit';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { applyChanges, type TextChange } from '../../../shared/model/text-change';
import { splitCue, type TimingEdit } from '../../../shared/timing';
import { vttOf } from './cue-field';
import { cueWordTimes, wordBoundaryNear } from './word-times';

/** The split of cue `index` at the word boundary nearest `pos`, or null when the cue has no word times there. */
export function splitCueAtWord(state: EditorState, index: number, pos: number): TimingEdit | null {
  const words = cueWordTimes(state, index);
  if (!words || words.length < 2 || pos <= words[0]!.from || pos >= words.at(-1)!.to) return null;
  const boundary = wordBoundaryNear(state, pos);
  if (!boundary) return null;
  const doc = vttOf(state);
  const split = splitCue(doc, index, boundary.pos);
  if (!split.changes.length) return null;
  const text = state.doc.toString();
  const after = parseVtt(applyChanges(text, split.changes));
  const [head, tail] = [after.cues[index], after.cues[index + 1]];
  if (!head || !tail) return null;
  const retime: TextChange[] = [...retimeCue(after, head, { end: boundary.endBefore }), ...retimeCue(after, tail, { start: boundary.startAfter })];
  const first = ChangeSet.of(split.changes, text.length);
  const second = ChangeSet.of(retime, first.newLength);
  const changes: TextChange[] = [];
  first.compose(second).iterChanges((fromA, toA, _fromB, _toB, inserted) => changes.push({ from: fromA, to: toA, insert: inserted.toString() }));
  return { changes, cursor: split.cursor === undefined ? undefined : second.mapPos(split.cursor) };
}
