import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { QA_PROFILES } from '../../../shared/timing/qa';
import { fixture } from '../../test/fixtures';
import { asSubtitles } from './as-subtitles';
import { detectQaProfile } from '../../../shared/timing/qa-profile';
import { fileQaProfile, qaRulesFor } from './qa-profile';

const read = (path: string) => readFile(path, 'utf8');

describe('QA profile from the file', () => {
  it('gives a podcast transcript (one long line per cue) the transcript profile', async () => {
    expect(detectQaProfile(parseVtt(await read(fixture.vtt515)).cues)).toBe('transcript');
    expect(detectQaProfile(parseVtt(await read(fixture.vtt518)).cues)).toBe('transcript');
  });

  it('gives the same speech broken into subtitle lines the subtitle profile', async () => {
    const cues = parseVtt(asSubtitles(await read(fixture.vtt515))).cues;
    expect(cues.length).toBeGreaterThan(1000);
    expect(cues.every((c) => c.text.split('\n').every((l) => l.length <= 42 || !l.includes(' ')))).toBe(true);
    expect(detectQaProfile(cues)).toBe('subtitle');
  });

  it('gives cues that stay up longer than a subtitle may the transcript profile, whatever their lines', async () => {
    // The 100 s, 2,020-character cue excerpt: long cues.
    expect(detectQaProfile(parseVtt(await read(join(fixture.snippets, 'vtt_100s_2020char_cue_517.vtt'))).cues)).toBe('transcript');
    const short = parseVtt('WEBVTT\n\n00:00:00.000 --> 00:00:20.000\nHi\n\n00:00:20.000 --> 00:00:40.000\nthere\n').cues;
    expect(detectQaProfile(short)).toBe('transcript');
  });

  it('keeps the user\u2019s choice over the file, and the user\u2019s own limits over either', async () => {
    const transcript = { text: await read(fixture.vtt515) };
    const subtitles = { text: asSubtitles(transcript.text) };
    // From a sample of the first cues: the same answer as the whole file.
    expect(fileQaProfile(transcript)).toBe('transcript');
    expect(fileQaProfile(subtitles)).toBe('subtitle');
    expect(qaRulesFor({ qaProfile: 'auto', qa: {} }, transcript)).toEqual(QA_PROFILES.transcript);
    expect(qaRulesFor({ qaProfile: 'auto', qa: {} }, subtitles)).toEqual(QA_PROFILES.subtitle);
    expect(qaRulesFor({ qaProfile: 'subtitle', qa: {} }, transcript)).toEqual(QA_PROFILES.subtitle);
    expect(qaRulesFor({ qaProfile: 'transcript', qa: { maxCps: 25 } }, subtitles)).toEqual({ ...QA_PROFILES.transcript, maxCps: 25 });
    expect(qaRulesFor({ qaProfile: 'auto', qa: {} }, null)).toEqual(QA_PROFILES.subtitle);
  });
});
