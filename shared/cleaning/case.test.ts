import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { caseChanges } from './case';

const clean = (text: string, startsSentence = true) => applyChanges(text, caseChanges(text, 0, text.length, startsSentence));

describe('sentence case', () => {
  it.each([
    ["thanks for coming on. i think i'm in. is it? yes! i'll go", "Thanks for coming on. I think I'm in. Is it? Yes! I'll go"],
    ['we use e.g. django and i.e. flask vs. fastapi', 'We use e.g. django and i.e. flask vs. fastapi'],
    ['he said "no." then left', 'He said "no." Then left'],
    ['"quoted start', '"Quoted start'],
    ['version 3.12 is out. iPhone and i-th item, pi', 'Version 3.12 is out. iPhone and i-th item, pi'],
    ['NASA and Django stay. ok', 'NASA and Django stay. Ok'],
  ])('%s -> %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it('does not raise the first letter of a span that continues a sentence', () => {
    expect(clean('continues here. and i', false)).toBe('continues here. And I');
  });
});
