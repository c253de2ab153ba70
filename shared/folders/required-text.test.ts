import { describe, expect, it } from 'vitest';
import { regexRuns, requiredText, requiredTexts } from './required-text';

const literal = (find: string, ignoreCase = false) => requiredText({ find, regex: false, ignoreCase });
const regex = (find: string, ignoreCase = false) => requiredText({ find, regex: true, ignoreCase });

describe('the text every match of a rule holds', () => {
  it('is a literal itself, or its longest ASCII piece (cut at k and s when case is ignored)', () => {
    expect(literal('Cloud Code')).toEqual({ text: 'Cloud Code', ignoreCase: false });
    expect(literal('Kubernetes', true)).toEqual({ text: 'ubernete', ignoreCase: true });
    expect(literal('Kubernetes')).toEqual({ text: 'Kubernetes', ignoreCase: false });
    // Non-ASCII is other bytes in UTF-8 and Windows-1252: only the ASCII around it.
    expect(literal('Café Olé')).toEqual({ text: 'Caf', ignoreCase: false });
    expect(literal('größer')).toBeNull();
    expect(literal('ab')).toBeNull();
  });

  it('of a regex: the literal runs at its top level, quantified characters left out', () => {
    expect(regexRuns('durable\\s+execution')).toEqual(['durable', 'execution']);
    expect(regexRuns('colou?r')).toEqual(['colo', 'r']);
    expect(regexRuns('ab+c')).toEqual(['ab', 'c']);
    expect(regexRuns('abc{0,2}d')).toEqual(['ab', 'd']);
    expect(regexRuns('abc{2}d')).toEqual(['abc', 'd']);
    expect(regexRuns('Temp(o)ral\\.io')).toEqual(['Temp', 'ral.io']);
    expect(regexRuns('py[0-9]+ [a-z]x')).toEqual(['py', ' ', 'x']);
    expect(regexRuns('[]a]bcd')).toEqual(['bcd']);
    expect(regexRuns('(?<=pip )install')).toEqual(['install']);
    expect(regexRuns('^start.*end$')).toEqual(['start', 'end']);
    expect(regexRuns('a*?bcd')).toEqual(['bcd']);
    expect(regexRuns('\\bword\\b')).toEqual(['word']);
    expect(regex('durable\\s+execution')).toEqual({ text: 'execution', ignoreCase: false });
  });

  it('is unknown (null) wherever the reading is unsure, so no file is passed over wrongly', () => {
    expect(regexRuns('cat|dog')).toBeNull();
    expect(regexRuns('(?i)word')).toBeNull();
    expect(regexRuns('(?s:a.)bcd')).toBeNull();
    expect(regexRuns('\\x41BC')).toBeNull();
    expect(regexRuns('\\u0041BC')).toBeNull();
    expect(regexRuns('\\p{L}bcd')).toBeNull();
    expect(regexRuns('\\QA+B\\E')).toBeNull();
    expect(regexRuns('a{,2}bcd')).toBeNull();
    expect(regexRuns('(unclosed')).toBeNull();
    expect(regexRuns('[unclosed')).toBeNull();
    expect(regex('r\\w+h')).toBeNull();
    expect(regex('(ab|cd)ef')).toBeNull();
    // A list needs a text for every rule, or any file may match.
    expect(requiredTexts([{ find: 'Django', regex: false, ignoreCase: true }, { find: 'r\\w+h', regex: true, ignoreCase: false }])).toBeNull();
    expect(requiredTexts([{ find: 'Django', regex: false, ignoreCase: true }, { find: 'Flask', regex: false, ignoreCase: false }])).toEqual([{ text: 'Django', ignoreCase: true }, { text: 'Flask', ignoreCase: false }]);
  });

  it('is in every match the engines find, case-blind ones included (KELVIN SIGN, LONG S)', () => {
    const cases: [string, boolean, string][] = [
      ['kubernetes', true, 'Kubernetes \u212Aubernetes KUBERNETES'],
      ['grass', true, 'GRASS gra\u017F\u017F'],
      ['durable\\s+execution', false, 'durable   execution'],
      ['rough(ly)?', true, 'ROUGHLY Rough'],
    ];
    for (const [find, ignoreCase, text] of cases) {
      const required = requiredText({ find, regex: true, ignoreCase })!;
      const matches = text.match(new RegExp(find, ignoreCase ? 'giu' : 'gu'))!;
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(ignoreCase ? m.toLowerCase().includes(required.text.toLowerCase()) : m.includes(required.text), `${find} in ${m}`).toBe(true);
    }
  });
});
