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
    expect(repetitionChanges(t2, 0, t2.length, ALLOWED)).toEqual([{ from: 4, to: 15, insert: '', kind: 'repetition' }]);
  });
});
