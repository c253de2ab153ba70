import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { vttField, vttOf } from '../editor/cue-field';
import { wordTimes } from '../editor/word-times';
import { noticeField } from '../transcript-view/guard';
import { moveWordsToNext, moveWordsToPrevious, renameSpeakerIn } from './commands';

// "three" starts at 4.1 s and "four" at 7.5 s: far from where the characters would put the cut (6.2 s).
const DOC = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v A>one two', '', '00:00:04.000 --> 00:00:09.000', '<v B><00:00:04.100>three <00:00:07.500>four', ''].join('\n');

/** The parts of an EditorView the commands use: the state and dispatch. */
function host(doc: string, timed: boolean) {
  const h = {
    state: EditorState.create({ doc, extensions: [vttField, noticeField, ...(timed ? [wordTimes] : [])] }),
    dispatch(spec: TransactionSpec) {
      h.state = h.state.update(spec).state;
    },
  };
  return h;
}
const asView = (h: ReturnType<typeof host>) => h as unknown as EditorView;
const at = (h: ReturnType<typeof host>, text: string) => h.dispatch({ selection: { anchor: h.state.doc.toString().indexOf(text) } });
const times = (h: ReturnType<typeof host>) => vttOf(h.state).cues.map((c) => [c.start, c.end]);

describe('speaker commands on the editor', () => {
  it('moves the words before the cursor to the previous cue, timed by the word times when the editor has them', () => {
    const timed = host(DOC, true);
    at(timed, ' <00:00:07.500>four');
    expect(moveWordsToPrevious(asView(timed))).toBe(true);
    expect(vttOf(timed.state).cues.map((c) => c.text)).toEqual(['<v A>one two <00:00:04.100>three', '<v B><00:00:07.500>four']);
    expect(times(timed)).toEqual([[1, 7.5], [7.5, 9]]);
    // Without word times, in proportion to the characters.
    const plain = host(DOC, false);
    at(plain, ' <00:00:07.500>four');
    moveWordsToPrevious(asView(plain));
    expect(times(plain)[0]![1]).toBeCloseTo(6.778, 3);
  });

  it('says why when there is nothing to move, and renames as one transaction', () => {
    const h = host(DOC, true);
    at(h, 'four');
    h.dispatch({ selection: { anchor: vttOf(h.state).cues[1]!.textRange.to } });
    expect(moveWordsToNext(asView(h))).toBe(true);
    expect(h.state.field(noticeField)).toMatch(/last cue/);
    expect(h.state.doc.toString()).toBe(DOC);
    let transactions = 0;
    const counting = { ...h, dispatch: (spec: TransactionSpec) => { transactions++; h.dispatch(spec); } };
    Object.defineProperty(counting, 'state', { get: () => h.state });
    renameSpeakerIn(counting as unknown as EditorView, 'B', 'Bea');
    expect(transactions).toBe(1);
    expect(vttOf(h.state).cues[1]!.speaker).toBe('Bea');
  });
});
