import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcriptFigures } from '../folders/episode-figures';
import { parseVtt } from '../formats/vtt/parser';
import { checkCue, QA_PROFILES } from './qa';
import { detectQaProfile, qaRulesOf, qaSampleEnd, sampleQaProfile } from './qa-profile';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const vtt515 = readFileSync(join(FIXTURES, 'talkpython/515-temporal.vtt'), 'utf8');

/** Cues of 3 s (subtitle length) holding one 80-character line (transcript lines). */
function longLineCues(n: number): string {
  const line = 'so this is a sentence that runs on well past what a subtitle line would ever hold';
  return `WEBVTT\n\n${Array.from({ length: n }, (_, i) => `00:00:${String(3 * i).padStart(2, '0')}.000 --> 00:00:${String(3 * i + 3).padStart(2, '0')}.000\n${line}`).join('\n\n')}\n`;
}

describe('the QA profile a file gets with "auto"', () => {
  it('is decided from the first cues; cues already parsed give the same answer as a parse of the sample', () => {
    expect(vtt515.length).toBeGreaterThan(qaSampleEnd(vtt515));
    const all = parseVtt(vtt515).cues;
    const sample = parseVtt(vtt515.slice(0, qaSampleEnd(vtt515))).cues;
    expect(all.filter((c) => c.range.to <= qaSampleEnd(vtt515)).map((c) => [c.start, c.end, c.text])).toEqual(sample.map((c) => [c.start, c.end, c.text]));
    expect(sampleQaProfile(vtt515)).toBe('transcript');
    expect(sampleQaProfile(vtt515, all)).toBe('transcript');
    expect(sampleQaProfile('WEBVTT\n')).toBe('subtitle');
  });

  it('counts long lines as well as long cues: short cues of transcript lines are a transcript', () => {
    const text = longLineCues(9);
    expect(detectQaProfile(parseVtt(text).cues)).toBe('transcript');
    expect(qaRulesOf('auto', {}, () => sampleQaProfile(text))).toEqual(QA_PROFILES.transcript);
    expect(qaRulesOf('subtitle', { maxCps: 30 }, () => 'transcript')).toEqual({ ...QA_PROFILES.subtitle, maxCps: 30 });
  });

  it('is the one the folder sidebar counts problems with, as the editor does', () => {
    const text = longLineCues(9);
    const cues = parseVtt(text).cues;
    const count = (profile: 'subtitle' | 'transcript') => cues.reduce((n, c, i) => n + checkCue(c, cues[i + 1], QA_PROFILES[profile]).length, 0);
    // The profiles disagree on these cues (each line is too long for a subtitle).
    expect(count('subtitle')).toBeGreaterThan(count('transcript'));
    expect(transcriptFigures(text, 'long-lines.vtt', { profile: 'auto', qa: {} }).problems).toBe(count('transcript'));
    expect(transcriptFigures(text, 'long-lines.vtt', { profile: 'subtitle', qa: {} }).problems).toBe(count('subtitle'));
  });
});
