import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { FILLERS, fillerChanges, fillerPattern } from './fillers';

const PATTERN = fillerPattern(FILLERS);
const clean = (text: string, pattern = PATTERN) => applyChanges(text, fillerChanges(text, 0, text.length, pattern));

describe('fillers', () => {
  it.each([
    ['Uh, so we went home.', 'So we went home.'],
    ['we, um, went home', 'we went home'],
    ['So we, um, went home.', 'So we went home.'],
    ['it was um great', 'it was great'],
    ['it was um, great', 'it was great'],
    ['yeah, um I think', 'yeah, I think'],
    ['Well, uh, I think, um, yes.', 'Well, I think yes.'],
    ['Hi, Carlton, um, what do you think?', 'Hi, Carlton, what do you think?'],
    ['I think so, uh.', 'I think so.'],
    ['Um. Okay then', 'Okay then'],
    ['Hmm. i guess', 'I guess'],
    ['uh so we went', 'so we went'],
    ['and then... hmm, the umbrella', 'and then... the umbrella'],
    ['Drum and bass, erm, and Uhura', 'Drum and bass and Uhura'],
    ['conference uh by uh uh the founder, um, uh, said', 'conference by the founder said'],
    ['the ER and AH are not fillers, uh-huh', 'the ER and AH are not fillers, uh-huh'],
    ['umm, ummm, 5 mm', 'ummm, 5 mm'],
    ['um', ''],
  ])('%s -> %s', (input, output) => {
    expect(clean(input)).toBe(output);
  });

  it('works on one span of a longer text and never reaches outside it', () => {
    const text = '00:00:01 um\n00:00:02 Uh, we went';
    const second = text.indexOf('Uh');
    const changes = fillerChanges(text, second, text.length, PATTERN);
    expect(changes.every((c) => c.from >= second)).toBe(true);
    expect(applyChanges(text, changes)).toBe('00:00:01 um\n00:00:02 We went');
  });

  it('takes a configurable list, matched as whole words', () => {
    const pattern = fillerPattern(['you know', 'Basically']);
    expect(clean('it was, you know, great and I know you. basically done', pattern)).toBe('it was great and I know you. done');
    expect(fillerPattern([])).toBeNull();
    expect(clean('um', null)).toBe('um');
  });
});
