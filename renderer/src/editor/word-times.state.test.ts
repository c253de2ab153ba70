import { history, undo, redo } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { mergeWithNext, splitCue } from '../../../shared/timing/commands';
import { vttField, vttOf } from './cue-field';
import { carryWordTimes } from './word-times-edit';
import { clearWordTimes, cueWordTimes, textWithWordTimestamps, wordAt, wordBoundaryNear, wordEdgeNear, wordsBetween, wordTimeAt, wordTimes, wordTimesEffect, wordTimesField } from './word-times';

const TAGGED = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:03.000',
  'Hello <00:00:01.500>big <00:00:02.000>world.',
  '',
  '00:00:03.000 --> 00:00:05.000',
  'Second <00:00:04.000>cue.',
  '',
].join('\n');

const UNTIMED = ['WEBVTT', '', '00:00:01.000 --> 00:00:03.000', 'one two three', '', '00:00:04.000 --> 00:00:06.000', 'four five', ''].join('\n');

const stateOf = (doc: string) => EditorState.create({ doc, extensions: [vttField, wordTimes, history()] });
const words = (state: EditorState, cue: number) => cueWordTimes(state, cue)?.map((w) => [w.text, w.start, w.end, state.doc.sliceString(w.from, w.to)]) ?? null;

/** A state whose two cues got word times from an "alignment" in the transaction that also retimed them. */
function aligned() {
  const state = stateOf(UNTIMED);
  const text = UNTIMED.replace('00:00:01.000 --> 00:00:03.000', '00:00:01.100 --> 00:00:02.900');
  const doc = parseVtt(text);
  const times = [
    { words: [{ text: 'one', start: 1.1, end: 1.5 }, { text: 'two', start: 1.6, end: 2 }, { text: 'three', start: 2.1, end: 2.9 }], confidence: 0.9 },
    { words: [{ text: 'four', start: 4.2, end: 4.6 }, { text: 'five', start: 4.8, end: 5.5 }], confidence: 0.2, lowConfidence: true },
  ];
  const tr = state.update({ changes: { from: 0, to: state.doc.length, insert: text }, effects: wordTimesEffect(doc, (i) => times[i] ?? null) });
  return { before: state, state: tr.state };
}

describe('word times state', () => {
  it('reads inline timestamp tags when a document opens', () => {
    const state = stateOf(TAGGED);
    expect(words(state, 0)).toEqual([
      ['Hello', 1, 1.5, 'Hello'],
      ['big', 1.5, 2, 'big'],
      ['world.', 2, 3, 'world.'],
    ]);
    expect(words(state, 1)).toEqual([
      ['Second', 3, 4, 'Second'],
      ['cue.', 4, 5, 'cue.'],
    ]);
    expect(cueWordTimes(stateOf(UNTIMED), 0)).toBeNull();
  });

  it('finds the word at a position, at a time, and the boundary nearest the cursor', () => {
    const state = stateOf(TAGGED);
    const big = state.doc.toString().indexOf('big');
    expect(wordAt(state, big + 1)).toMatchObject({ text: 'big', start: 1.5, end: 2, cue: 0 });
    expect(wordAt(state, state.doc.line(3).from)).toBeNull(); // on the timing line
    expect(wordTimeAt(state, 1.7)?.text).toBe('big');
    expect(wordTimeAt(state, 4.5)?.text).toBe('cue.');
    expect(wordTimeAt(state, 5.5)).toBeNull();
    // Cursor inside "big", nearer its end: the boundary before "world.".
    expect(wordBoundaryNear(state, big + 2)).toEqual({ pos: state.doc.toString().indexOf('<00:00:02.000>world.'), endBefore: 2, startAfter: 2 });
    expect(wordEdgeNear(state, 1.45)).toBe(1.5);
    expect(wordEdgeNear(state, 2.5, 0.2)).toBeNull();
    expect(wordsBetween(state, 1.9, 3.5).map((w) => w.text)).toEqual(['big', 'world.', 'Second']);
  });

  it('takes word times from an alignment in the same transaction as its text', () => {
    const { state } = aligned();
    expect(words(state, 0)).toEqual([
      ['one', 1.1, 1.5, 'one'],
      ['two', 1.6, 2, 'two'],
      ['three', 2.1, 2.9, 'three'],
    ]);
    expect(state.field(wordTimesField)[1]).toMatchObject({ confidence: 0.2, lowConfidence: true });
  });

  it('maps word times through edits elsewhere and drops them for a cue whose words change', () => {
    let { state } = aligned();
    // An edit in the header and one in the second cue's words.
    const four = state.doc.toString().indexOf('four');
    state = state.update({ changes: [{ from: 0, to: 6, insert: 'WEBVTT - x' }, { from: four, to: four + 4, insert: 'for' }] }).state;
    expect(words(state, 0)?.map((w) => w[3])).toEqual(['one', 'two', 'three']);
    expect(cueWordTimes(state, 1)).toBeNull();
    // Whitespace inside the cue keeps its words: the times stay.
    const two = state.doc.toString().indexOf('two');
    state = state.update({ changes: { from: two - 1, to: two, insert: '  ' } }).state;
    expect(words(state, 0)?.map((w) => w[0])).toEqual(['one', 'two', 'three']);
    // Typing into a word drops the cue's times.
    state = state.update({ changes: { from: two, insert: 'x' } }).state;
    expect(cueWordTimes(state, 0)).toBeNull();
  });

  it('clears the low-confidence mark when the cue is retimed by hand', () => {
    let { state } = aligned();
    const timing = state.doc.line(6);
    expect(timing.text).toBe('00:00:04.000 --> 00:00:06.000');
    state = state.update({ changes: { from: timing.from + 7, to: timing.from + 8, insert: '5' } }).state;
    expect(state.field(wordTimesField)[1]).toMatchObject({ lowConfidence: false });
    expect(cueWordTimes(state, 1)).toHaveLength(2);
  });

  it('undo of the alignment restores the text and the word times before it; redo brings both back', () => {
    const tagged = stateOf(TAGGED);
    const doc = parseVtt(UNTIMED);
    const applied = tagged.update({ changes: { from: 0, to: tagged.doc.length, insert: UNTIMED }, effects: wordTimesEffect(doc, (i) => (i === 0 ? { words: [{ text: 'one', start: 1, end: 2 }, { text: 'two', start: 2, end: 2.5 }, { text: 'three', start: 2.5, end: 3 }] } : null)) }).state;
    expect(cueWordTimes(applied, 0)?.map((w) => w.text)).toEqual(['one', 'two', 'three']);
    let state = applied;
    undo({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe(TAGGED);
    expect(words(state, 0)).toEqual(words(tagged, 0));
    expect(words(state, 1)).toEqual(words(tagged, 1));
    redo({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe(UNTIMED);
    expect(words(state, 0)).toEqual(words(applied, 0));
    state = state.update({ effects: clearWordTimes.of(null) }).state;
    expect(state.field(wordTimesField)).toEqual([]);
  });

  it('carries word times into both halves of a Split, and back through a Merge', () => {
    let { state } = aligned();
    const three = state.doc.toString().indexOf('three');
    const boundary = wordBoundaryNear(state, three - 1)!;
    expect(boundary).toEqual({ pos: three, endBefore: 2, startAfter: 2.1 });
    state = state.update({ changes: splitCue(vttOf(state), 0, boundary.pos).changes }).state;
    expect(words(state, 0)?.map((w) => w.slice(0, 3))).toEqual([['one', 1.1, 1.5], ['two', 1.6, 2]]);
    expect(words(state, 1)?.map((w) => w.slice(0, 3))).toEqual([['three', 2.1, 2.9]]);
    expect(words(state, 2)?.map((w) => w[0])).toEqual(['four', 'five']);
    state = state.update({ changes: mergeWithNext(vttOf(state), 0).changes }).state;
    expect(words(state, 0)?.map((w) => w.slice(0, 3))).toEqual([['one', 1.1, 1.5], ['two', 1.6, 2], ['three', 2.1, 2.9]]);
    expect(words(state, 1)?.map((w) => w[0])).toEqual(['four', 'five']);
  });

  it('exports word timestamps that open again with the same word times; an opened tagged file exports byte for byte', () => {
    expect(textWithWordTimestamps(stateOf(TAGGED))).toBe(TAGGED);
    const { state } = aligned();
    const exported = textWithWordTimestamps(state);
    expect(exported).toContain('one <00:00:01.600>two <00:00:02.100>three');
    expect(exported).toContain('00:00:04.200>four <00:00:04.800>five');
    const reopened = stateOf(exported);
    expect(cueWordTimes(reopened, 0)?.map((w) => w.start)).toEqual([1.1, 1.6, 2.1]);
    expect(cueWordTimes(reopened, 1)?.map((w) => w.start)).toEqual([4.2, 4.8]);
    expect(textWithWordTimestamps(reopened)).toBe(exported);
    // Without word times, nothing changes.
    expect(textWithWordTimestamps(stateOf(UNTIMED))).toBe(UNTIMED);
  });

  it('follows random edits exactly as carrying the times of every cue would, though only the cues near the edit are looked at (property)', () => {
    const cues = Array.from({ length: 30 }, (_, i) => `00:00:${String(i * 2).padStart(2, '0')}.000 --> 00:00:${String(i * 2 + 1).padStart(2, '0')}.500\nword${i} two three`);
    const text = `WEBVTT\n\n${cues.join('\n\n')}\n`;
    const timed = () => {
      const state = stateOf(text);
      const doc = vttOf(state);
      return state.update({ effects: wordTimesEffect(doc, (i) => ({ words: ['word' + i, 'two', 'three'].map((t, k) => ({ text: t, start: doc.cues[i]!.start + k * 0.4, end: doc.cues[i]!.start + k * 0.4 + 0.3 })), lowConfidence: i % 3 === 0 })) }).state;
    };
    const change = fc.record({ at: fc.nat(), len: fc.oneof(fc.nat(6), fc.nat(80)), insert: fc.constantFrom('', 'x', ' ', '\n', '\n\n', 'more ', '00:00:09.000 --> 00:00:09.500\nnew\n\n') });
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (steps) => {
        let state = timed();
        for (const step of steps) {
          // One change, or two apart (an edit in two places at once).
          const specs = step.map((c) => ({ from: c.at % (state.doc.length + 1), len: c.len, insert: c.insert })).sort((a, b) => a.from - b.from);
          const changes = specs.filter((c, i) => i === 0 || c.from > specs[i - 1]!.from + specs[i - 1]!.len).map((c) => ({ from: c.from, to: Math.min(state.doc.length, c.from + c.len), insert: c.insert }));
          const before = state.field(wordTimesField);
          const tr = state.update({ changes });
          expect(tr.state.field(wordTimesField)).toEqual(carryWordTimes(before, tr.changes, tr.newDoc));
          state = tr.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});
