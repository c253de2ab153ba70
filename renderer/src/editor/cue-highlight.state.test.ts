import { readFileSync } from 'node:fs';
import { EditorState } from '@codemirror/state';
import { EditorView, type DecorationSet } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { cuesOf, vttField } from './cue-field';
import { cueHighlight, setSpokenCue } from './cue-highlight';
import { fixture } from '../../test/fixtures';

const text = readFileSync(fixture.vtt515, 'utf8').slice(0, 5000);

/** Line numbers carrying each highlight class. */
function highlighted(state: EditorState): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const source of state.facet(EditorView.decorations)) {
    const set = (typeof source === 'function' ? null : source) as DecorationSet | null;
    set?.between(0, state.doc.length, (from, _to, deco) => {
      const cls = String((deco.spec as { class?: string }).class);
      (out[cls] ??= []).push(state.doc.lineAt(from).number);
    });
  }
  return out;
}

describe('cue highlight', () => {
  it('marks every line of the cursor cue, and of the spoken cue when it is another one', () => {
    let state = EditorState.create({ doc: text, extensions: [vttField, cueHighlight] });
    const cues = cuesOf(state);
    const lines = (i: number) => {
      const first = state.doc.lineAt(cues[i]!.range.from).number;
      const last = state.doc.lineAt(cues[i]!.range.to).number;
      return Array.from({ length: last - first + 1 }, (_, k) => first + k);
    };
    state = state.update({ selection: { anchor: cues[2]!.textRange.from } }).state;
    expect(highlighted(state)['cm-vtt-active-cue']).toEqual(lines(2));
    expect(highlighted(state)['cm-vtt-spoken-cue']).toBeUndefined();
    state = state.update({ effects: setSpokenCue.of(5) }).state;
    expect(highlighted(state)['cm-vtt-spoken-cue']).toEqual(lines(5));
    // The spoken cue is the cursor's: one highlight, the cursor's.
    state = state.update({ effects: setSpokenCue.of(2) }).state;
    expect(highlighted(state)['cm-vtt-spoken-cue']).toBeUndefined();
    expect(highlighted(state)['cm-vtt-active-cue']).toEqual(lines(2));
  });
});
