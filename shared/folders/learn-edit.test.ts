import { describe, expect, it } from 'vitest';
import { learnedEdit, ruleFor } from './learn-edit';

const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.map((c, i) => `00:00:0${i}.000 --> 00:00:0${i + 1}.000\n${c}`).join('\n\n')}\n`;

describe('learning a correction from an edit', () => {
  it('reads back the word or phrase changed, whole words, with its neighbours', () => {
    const before = vtt('we used QDF for the joins', 'then QDF again');
    expect(learnedEdit(before, before.replace('used QDF', 'used cuDF'))).toMatchObject({ from: 'QDF', to: 'cuDF', before: 'used', after: 'for' });
    // Typed letter by letter inside the word: still the whole word.
    expect(learnedEdit(vtt('pip install rough now'), vtt('pip install ruff now'))).toMatchObject({ from: 'rough', to: 'ruff', before: 'install', after: 'now' });
    expect(learnedEdit(vtt('talk to Matt McKay today'), vtt('talk to Matt Makai today'))).toMatchObject({ from: 'McKay', to: 'Makai' });
    expect(learnedEdit(vtt('the Cloud Code tool'), vtt('the Claude Code tool'))).toMatchObject({ from: 'Cloud', to: 'Claude' });
  });

  it('offers nothing for timing, new lines, deletions, long rewrites or markup', () => {
    const base = vtt('we used QDF for the joins');
    expect(learnedEdit(base, base.replace('00:00:00.000', '00:00:00.500'))).toBeNull();
    expect(learnedEdit(base, base.replace('QDF ', ''))).toBeNull();
    expect(learnedEdit(base, base.replace('QDF', 'QDF\nmore'))).toBeNull();
    expect(learnedEdit(base, base.replace('we used QDF for the joins', 'something else entirely was said here'))).toBeNull();
    expect(learnedEdit(base, base.replace('QDF', '<b>QDF</b>'))).toBeNull();
    expect(learnedEdit(base, base)).toBeNull();
  });

  it('limits the rule to the neighbouring word when the old word is also used in another sense', () => {
    const edit = learnedEdit(vtt('pip install rough now'), vtt('pip install ruff now'))!;
    expect(ruleFor(edit, [{ before: 'a', after: 'week' }, { before: 'install', after: 'and' }])).toEqual({ line: 'rough\truff\tbefore=install', limited: 'before', otherSense: 1 });
    expect(ruleFor(edit, [{ before: 'install', after: 'and' }])).toEqual({ line: 'rough\truff', limited: null, otherSense: 0 });
    const name = learnedEdit(vtt('we used QDF for it'), vtt('we used cuDF for it'))!;
    expect(ruleFor(name, [{ before: 'a', after: 'b' }]).line).toBe('QDF\tcuDF');
  });
});
