import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { vttField, vttOf } from '../editor/cue-field';
import { wordTimes } from '../editor/word-times';
import { noticeField } from '../transcript-view/guard';
import { cutBetweenWords, moveWordsOfCue, moveWordsToNext, moveWordsToPrevious, renameSpeakerIn } from './commands';

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

  it('a dropped word drag is the same edit as the keys with the cursor at that word', () => {
    const cueAt = (h: ReturnType<typeof host>, i: number) => vttOf(h.state).cues[i]!.range.from;
    // "three" (word 0 of the second cue) dropped on the previous cue: as Alt+Shift+Up after "three".
    const dragged = host(DOC, true);
    expect(moveWordsOfCue(asView(dragged), cueAt(dragged, 1), 0, 'previous')).toBe(true);
    const keyed = host(DOC, true);
    at(keyed, ' <00:00:07.500>four');
    moveWordsToPrevious(asView(keyed));
    expect(dragged.state.doc.toString()).toBe(keyed.state.doc.toString());
    expect(times(dragged)).toEqual([[1, 7.5], [7.5, 9]]);
    // "two" (word 1 of the first cue) dropped on the next cue: as Alt+Shift+Down before "two".
    const next = host(DOC, false);
    moveWordsOfCue(asView(next), cueAt(next, 0), 1, 'next');
    expect(vttOf(next.state).cues.map((c) => c.text)).toEqual(['<v A>one', '<v B>two <00:00:04.100>three <00:00:07.500>four']);
    // Proportional: "one" is 3 of the 6 characters of "one two" (less its space).
    expect(times(next)[0]![1]).toBeCloseTo(2.5, 3);
    // A position that is no cue start moves nothing.
    expect(moveWordsOfCue(asView(next), cueAt(next, 0) + 1, 0, 'next')).toBe(false);
  });

  it('cuts between words after their last space: a timestamp tag goes with the word after it, a closing tag stays', () => {
    const raw = '<i>one two</i> <00:00:05.000>three';
    expect(raw.slice(cutBetweenWords(raw, 2))).toBe('<00:00:05.000>three');
    expect(raw.slice(0, cutBetweenWords(raw, 1))).toBe('<i>one ');
    expect(cutBetweenWords(raw, 0)).toBe(0);
    expect(cutBetweenWords(raw, 3)).toBe(raw.length);
  });
});
