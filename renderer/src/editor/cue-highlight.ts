/**
 * Two cue highlights: the cue under the cursor (follows the selection) and the cue being
 * spoken during playback (set by the app through `setSpokenCue`). Line decorations over
 * the cue's block; each costs O(lines of one cue). The transcript view hides the line
 * breaks between a cue's lines and the previous cue's text, so there the cue's text is
 * marked instead (a line decoration would land on a line that is not drawn).
 */
import { RangeSetBuilder, StateEffect, StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { blocksOf, cursorCueIndex } from './cue-field';
import { viewModeOf } from '../transcript-view/view-mode';

export const setSpokenCue = StateEffect.define<number>();

/** Index of the cue being spoken, -1 when none (or not playing). */
export const spokenCue = StateField.define<number>({
  create: () => -1,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setSpokenCue)) value = e.value;
    return value;
  },
});

const ACTIVE = Decoration.line({ class: 'cm-vtt-active-cue' });
const SPOKEN = Decoration.line({ class: 'cm-vtt-spoken-cue' });
const ACTIVE_TEXT = Decoration.mark({ class: 'cm-vtt-active-cue' });
const SPOKEN_TEXT = Decoration.mark({ class: 'cm-vtt-spoken-cue' });

function lines(state: EditorState, index: number, deco: Decoration, out: { from: number; to?: number; deco: Decoration }[]) {
  const cue = blocksOf(state).cue(index);
  if (!cue) return;
  if (viewModeOf(state) === 'transcript') {
    if (cue.textRange.to > cue.textRange.from) out.push({ from: cue.textRange.from, to: cue.textRange.to, deco: deco === ACTIVE ? ACTIVE_TEXT : SPOKEN_TEXT });
    return;
  }
  const first = state.doc.lineAt(cue.range.from).number;
  const last = state.doc.lineAt(cue.range.to).number;
  for (let n = first; n <= last; n++) out.push({ from: state.doc.line(n).from, deco });
}

function build(state: EditorState): DecorationSet {
  const list: { from: number; to?: number; deco: Decoration }[] = [];
  const active = cursorCueIndex(state);
  const spoken = state.field(spokenCue);
  lines(state, active, ACTIVE, list);
  if (spoken !== active) lines(state, spoken, SPOKEN, list);
  list.sort((a, b) => a.from - b.from);
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to, deco } of list) builder.add(from, to ?? from, deco);
  return builder.finish();
}

export const cueHighlight = [
  spokenCue,
  EditorView.decorations.compute(['doc', 'selection', spokenCue], build),
];
