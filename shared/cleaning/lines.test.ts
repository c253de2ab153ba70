import { describe, expect, it } from 'vitest';
import { parseVtt } from '../formats/vtt/parser';
import { applyChanges } from '../model/text-change';
import { cleanVtt } from './index';

const cue = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${text}\n\n00:00:03.000 --> 00:00:04.000\nnext\n`;
const clean = (text: string) => applyChanges(text, cleanVtt(text, { fillers: true, whitespace: true }));

describe('cleaning never ends a cue early', () => {
  it.each([
    ['uh\n<i>so</i> we', '<i>so</i> we'],
    ['we went\num', 'we went'],
    ['we\n  \nwent', 'we\nwent'],
    ['Um\n  ', ''],
    ['uh', ''],
  ])('a line it empties goes with its line break: %j', (text, want) => {
    const out = clean(cue(text));
    expect(out).toBe(cue(want));
    expect(parseVtt(out).cues.map((c) => c.text)).toEqual([want, 'next']);
  });

  it('drops a change that would write `-->` or an entity with its neighbours', () => {
    const text = cue('--\tUm> and &amp um; here');
    const out = clean(text);
    expect(parseVtt(out).cues).toHaveLength(2);
    expect(out).not.toContain('-->'.concat(' and'));
    expect(out).toContain('&amp um;');
  });
});
