import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/text-change';
import { parseVtt } from './parser';
import { applyQuickFixes, quickFixes } from './quick-fixes';

const F = `${__dirname}/../../../../shared/fixtures/`;

/** Applies the preferred fixes and checks the result is clean of the fixed problems. */
function fixed(text: string) {
  const r = applyQuickFixes(text);
  return { ...r, doc: parseVtt(r.text) };
}

const errors = (text: string) => parseVtt(text).diagnostics.filter((d) => d.severity === 'error');

describe('quick fixes', () => {
  it.each([
    ['comma milliseconds', '00:00:01,500 --> 00:00:02,000', '00:00:01.500 --> 00:00:02.000'],
    ['a one-dash arrow', '00:00:01.500 -> 00:00:02.000', '00:00:01.500 --> 00:00:02.000'],
    ['0:0:25.5', '0:0:25.5 --> 0:0:26.25', '00:00:25.500 --> 00:00:26.250'],
    ['missing leading zeros', '0:01.5 --> 0:02', '00:00:01.500 --> 00:00:02.000'],
    ['a second of 60', '00:00:60.000 --> 00:01:01.000', '00:01:00.000 --> 00:01:01.000'],
    ['four fraction digits', '00:00:01.2345 --> 00:00:02.000', '00:00:01.235 --> 00:00:02.000'],
    ['seconds alone', '1.5 --> 2,25', '00:00:01.500 --> 00:00:02.250'],
    ['no-break spaces around the arrow', '00:00:01.500\u00a0-->\u00a000:00:02.000', '00:00:01.500 --> 00:00:02.000'],
    ['an em dash arrow', '00:00:01.500 \u2014> 00:00:02.000', '00:00:01.500 --> 00:00:02.000'],
  ])('%s: the dropped cue comes back; only the timing bytes change; settings kept', (_name, bad, good) => {
    const text = `WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nfirst\n\n${bad} align:start\nsecond\n`;
    const r = fixed(text);
    expect(r.text).toBe(text.replace(bad, good));
    expect(r.doc.cues.map((c) => c.text)).toEqual(['first', 'second']);
    expect(r.doc.cues[1]!.settings.align).toBe('start');
    expect(r.applied).toMatchObject([{ line: 6, column: 1, kind: 'timing-line' }]);
  });

  it('a line that only looks like numbers around an arrow is left alone', () => {
    const text = 'WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nfirst\n\n1 --> 2\nsecond\n';
    expect(quickFixes(parseVtt(text)).filter((f) => f.kind === 'timing-line')).toEqual([]);
  });

  it('timestamps are written in the shape the file uses (hours-less stays hours-less)', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:03,000 --> 00:04,000\nb\n';
    expect(fixed(text).text).toBe(text.replace('00:03,000 --> 00:04,000', '00:03.000 --> 00:04.000'));
  });

  it.each([
    ['webvtt', 'WEBVTT'],
    ['WebVTT - Title', 'WEBVTT - Title'],
    ['WEBVVT', 'WEBVTT'],
    ['WEB VTT', 'WEBVTT'],
    ['WEBVTTX', 'WEBVTT X'],
    ['WEBVTT\u00a0Title', 'WEBVTT Title'],
    ['WEBVTT\fTitle', 'WEBVTT Title'],
    ['\ufeffWEBVTT', 'WEBVTT'],
  ])('signature %j becomes %j', (bad, good) => {
    const r = fixed(`\ufeff${bad}\n\n00:00:01.000 --> 00:00:02.000\nhi\n`);
    expect(r.text).toBe(`\ufeff${good}\n\n00:00:01.000 --> 00:00:02.000\nhi\n`);
    expect(r.doc.signature.valid).toBe(true);
    expect(errors(r.text)).toEqual([]);
  });

  it('a missing header is inserted, in the file’s line ending', () => {
    const r = fixed('00:00:01.000 --> 00:00:02.000\r\nhi\r\n');
    expect(r.text).toBe('WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nhi\r\n');
  });

  it('end before start: ends at the next cue’s start, or swaps for the last cue', () => {
    const text = 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\na\n\n00:00:06.000 --> 00:00:07.000\nb\n\n00:00:09.000 --> 00:00:08.000\nc\n';
    const fixes = quickFixes(parseVtt(text)).filter((f) => f.kind === 'end-before-start');
    expect(fixes.map((f) => [f.title, f.preferred])).toEqual([
      ['End when the next cue starts (00:00:06.000)', true],
      ['Swap the start and end times', false],
      ['Swap the start and end times', true],
    ]);
    expect(fixed(text).text).toBe(text.replace('00:00:05.000 --> 00:00:04.000', '00:00:05.000 --> 00:00:06.000').replace('00:00:09.000 --> 00:00:08.000', '00:00:08.000 --> 00:00:09.000'));
  });

  it('overlaps end when the next cue starts (the real 515 overlap snippet)', () => {
    const text = readFileSync(F + 'snippets/vtt_overlap_515.vtt', 'utf8');
    const before = parseVtt(text).cues;
    const overlapping = before.filter((c, i) => before[i + 1] && c.end > before[i + 1]!.start).length;
    expect(overlapping).toBeGreaterThan(0);
    const r = fixed(text);
    const after = r.doc.cues;
    expect(after.every((c, i) => !after[i + 1] || c.end <= after[i + 1]!.start)).toBe(true);
    expect(r.applied.filter((a) => a.kind === 'overlap')).toHaveLength(overlapping);
    expect(after.map((c) => c.text)).toEqual(before.map((c) => c.text));
  });

  it('a missing blank line is inserted; a swallowed cue number goes back to its cue', () => {
    const text = 'WEBVTT\n00:00:01.000 --> 00:00:02.000\none\n2\n00:00:03.000 --> 00:00:04.000\ntwo\n00:00:05.000 --> 00:00:06.000\nthree\n';
    const r = fixed(text);
    expect(r.text).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\none\n\n2\n00:00:03.000 --> 00:00:04.000\ntwo\n\n00:00:05.000 --> 00:00:06.000\nthree\n');
    expect(r.doc.cues.map((c) => [c.id, c.text])).toEqual([['', 'one'], ['2', 'two'], ['', 'three']]);
    expect(r.doc.diagnostics).toEqual([]);
  });

  it('several problems at once; each fix alone is one change set that applies cleanly', () => {
    const text = 'webvtt\n\n00:00:01,000 --> 00:00:03.000\na\n\n00:00:02.000 --> 00:00:04.000\nb\n\n0:0:09.5 -> 0:0:08\nc\n';
    for (const fix of quickFixes(parseVtt(text))) expect(() => applyChanges(text, fix.changes)).not.toThrow();
    const r = fixed(text);
    expect(r.text).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n00:00:02.000 --> 00:00:04.000\nb\n\n00:00:08.000 --> 00:00:09.500\nc\n');
    expect(errors(r.text)).toEqual([]);
  });

  it('clean real episodes need no fix but their overlaps', () => {
    for (const name of ['talkpython/515-temporal.vtt', 'talkpython/518-django-birthday.vtt']) {
      const kinds = new Set(quickFixes(parseVtt(readFileSync(F + name, 'utf8'))).map((f) => f.kind));
      expect([...kinds].filter((k) => k !== 'overlap')).toEqual([]);
    }
  });
});
