import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { formatVttTimestamp } from '../../../shared/formats/timestamp';
import { detectQaProfile, resolveQaProfile } from './qa-profile';

const fixture = (path: string) => readFile(join(__dirname, '../../../../shared/fixtures', path), 'utf8');

/** The same speech as subtitles: each cue's words broken into lines of at most 42 characters. */
function asSubtitles(vtt: string): string {
  const blocks = parseVtt(vtt).cues.map((cue) => {
    const lines: string[] = [];
    for (const word of cue.text.split(/\s+/)) {
      const last = lines.at(-1);
      if (last !== undefined && `${last} ${word}`.length <= 42) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return `${formatVttTimestamp(cue.start)} --> ${formatVttTimestamp(cue.end)}\n${lines.join('\n')}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

describe('QA profile from the file', () => {
  it('gives a podcast transcript (one long line per cue) the transcript profile', async () => {
    expect(detectQaProfile(parseVtt(await fixture('talkpython/515-temporal.vtt')).cues)).toBe('transcript');
    expect(detectQaProfile(parseVtt(await fixture('talkpython/518-django-birthday.vtt')).cues)).toBe('transcript');
  });

  it('gives the same speech broken into subtitle lines the subtitle profile', async () => {
    const cues = parseVtt(asSubtitles(await fixture('talkpython/515-temporal.vtt'))).cues;
    expect(cues.length).toBeGreaterThan(1000);
    expect(cues.every((c) => c.text.split('\n').every((l) => l.length <= 42 || !l.includes(' ')))).toBe(true);
    expect(detectQaProfile(cues)).toBe('subtitle');
  });

  it('gives cues that stay up longer than a subtitle may the transcript profile, whatever their lines', async () => {
    // The 100 s, 2,020-character cue excerpt: long cues.
    expect(detectQaProfile(parseVtt(await fixture('snippets/vtt_100s_2020char_cue_517.vtt')).cues)).toBe('transcript');
    const short = parseVtt('WEBVTT\n\n00:00:00.000 --> 00:00:20.000\nHi\n\n00:00:20.000 --> 00:00:40.000\nthere\n').cues;
    expect(detectQaProfile(short)).toBe('transcript');
  });

  it('keeps the user\u2019s choice over the file', async () => {
    const cues = parseVtt(await fixture('talkpython/515-temporal.vtt')).cues;
    expect(resolveQaProfile('subtitle', cues)).toBe('subtitle');
    expect(resolveQaProfile('auto', cues)).toBe('transcript');
    expect(resolveQaProfile('auto', [])).toBe('subtitle');
  });
});
