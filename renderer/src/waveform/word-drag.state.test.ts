import { describe, expect, it } from 'vitest';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { labelWords } from './label-word';
import { wordDragPlan, type WordDragInput } from './word-drag';

const cues = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n00:00:02.000 --> 00:00:04.000\nb c d\n\n00:00:04.000 --> 00:00:05.000\ne\n').cues;
const at = (i: number) => cues[i]!.range.from;
// Word 1 ("c") of the middle cue, pressed at 3 s.
const plan = (over: Partial<WordDragInput>) => wordDragPlan({ cues, at: at(1), word: 1, words: 3, origin: 3, pointer: 3, ...over });

describe('word drags on a label', () => {
  it('takes the word and those before it toward the previous cue, and it and those after it toward the next', () => {
    expect(plan({ pointer: 2.5 })).toEqual({ direction: 'previous', from: 0, to: 2, target: at(0), armed: false });
    expect(plan({ pointer: 3.5 })).toEqual({ direction: 'next', from: 1, to: 3, target: at(2), armed: false });
    expect(plan({}).direction).toBeNull();
  });

  it('is armed only once the pointer is past the cue edge on that side, whichever way it went there', () => {
    expect(plan({ pointer: 1.9 })).toMatchObject({ direction: 'previous', armed: true });
    expect(plan({ pointer: 4.1 })).toMatchObject({ direction: 'next', armed: true });
    // Pressed near the start, dragged right past the end: next.
    expect(plan({ origin: 2.1, pointer: 4.5 })).toMatchObject({ direction: 'next', from: 1, to: 3, armed: true });
  });

  it('has no target past the first or last cue, and names cues by position', () => {
    expect(wordDragPlan({ cues, at: at(0), word: 0, words: 1, origin: 1.5, pointer: 0.5 })).toEqual({ direction: 'previous', from: 0, to: 1, target: null, armed: false });
    expect(plan({ at: at(1) + 1, pointer: 1 }).direction).toBeNull();
    expect(plan({ word: 3, pointer: 1 }).direction).toBeNull();
  });
});

describe('label words', () => {
  it('shows the words of the cue (tags out, references decoded), all of them when they fit', () => {
    expect(labelWords('<v Ann>Salt &amp; <i>pepper</i>  now')).toEqual({ words: ['Salt', '&', 'pepper', 'now'], head: 'Salt & pepper now', tail: '', tailFrom: 4 });
  });

  it('pins the last words of a long cue beside its start, never repeating a word the start shows', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const shown = labelWords(words.join(' '));
    expect(shown.head).toBe(words.join(' ').slice(0, 80));
    expect(shown.tail).toBe(words.slice(shown.tailFrom).join(' '));
    expect(shown.tail.endsWith('word29')).toBe(true);
    expect(shown.tail.length).toBeLessThanOrEqual(32);
    // The head's 80 characters end with word12; the tail holds word26..word29 (28 characters).
    expect(shown.head.endsWith(' word12')).toBe(true);
    expect(shown.tailFrom).toBe(26);
    // A short cue past 80 characters: the tail never reaches back into the head's words.
    expect(labelWords(`${'ab '.repeat(27)}cd`).tailFrom).toBe(27);
    // One very long last word is still shown whole.
    const long = labelWords(`${'a '.repeat(45)}${'x'.repeat(50)}`);
    expect(long.tail).toBe('x'.repeat(50));
  });
});
