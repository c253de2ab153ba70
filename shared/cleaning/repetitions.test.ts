import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { REPEAT_ALLOWED, repetitionChanges } from './repetitions';

const ALLOWED = new Set(REPEAT_ALLOWED);
const clean = (text: string, allowed: ReadonlySet<string> = ALLOWED) => applyChanges(text, repetitionChanges(text, 0, text.length, allowed));

describe('repetitions', () => {
  it.each([
    ['the, the steering council', 'the steering council'],
    ['I I think', 'I think'],
    ['I, I think', 'I think'],
    ["it's it's it's fine", "it's fine"],
    ["so carlton's carlton's carlton's here", "so carlton's here"],
    ['The the end', 'The end'],
    ['is is this it? this is is', 'is this it? this is'],
    ['the theme, them the', 'the theme, them the'],
    ["' ' quotes", "' ' quotes"],
  ])('%s -> %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it('keeps intended repeats from the allow-list, and a custom list replaces it', () => {
    expect(clean('we had had enough, bye bye, no no no, very very good')).toBe('we had had enough, bye bye, no no no, very very good');
    expect(clean('we had had enough, the the end', new Set())).toBe('we had enough, the end');
  });

  it('removes only the copies: the first word keeps its place and spelling', () => {
    const text = 'So So we';
    expect(repetitionChanges(text, 0, text.length, ALLOWED)).toEqual([]);
    const t2 = 'Well well, Well';
    expect(repetitionChanges(t2, 0, t2.length, ALLOWED)).toEqual([{ from: 4, to: 15, insert: '', kind: 'repetition', suggested: true }]);
  });
});

describe('repetitions never pre-accept a change of meaning', () => {
  /** What a preview applies before the user ticks anything. */
  const preTicked = (text: string) => applyChanges(text, repetitionChanges(text, 0, text.length, ALLOWED).filter((c) => !c.suggested));

  it('leaves numbers alone, not even suggested', () => {
    const text = '0, 0, 0, 0, 0, 1 in binary, and 42 42 or 3.0 3.0';
    expect(repetitionChanges(text, 0, text.length, ALLOWED)).toEqual([]);
  });

  it.each([
    ['a long, long time ago', 'long'],
    ['many, many, many people', 'many'],
    ['what we do do matters', 'do'],
    ['it is is what it is', 'is'],
    ["so carlton's carlton's here", "carlton's"],
  ])('offers "%s" unticked', (text, word) => {
    const changes = repetitionChanges(text, 0, text.length, ALLOWED);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.suggested).toBe(true);
    expect(text.slice(changes[0]!.from - word.length, changes[0]!.from)).toBe(word);
    expect(preTicked(text)).toBe(text);
  });

  it.each([
    ['the, the steering council', 'the steering council'],
    ['I I think', 'I think'],
    ["it's it's it's fine", "it's fine"],
    ['and and then we we went to to the', 'and then we went to the'],
  ])('pre-ticks a stumble on a small word: %s', (text, out) => {
    expect(preTicked(text)).toBe(out);
  });
});
