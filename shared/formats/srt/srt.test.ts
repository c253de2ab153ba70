import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../vtt';
import { parseSrt, writeSrt } from './index';

const vtt = readFileSync(`${__dirname}/../../../../shared/fixtures/talkpython/515-temporal.vtt`, 'utf8');
const show = (text: string) => parseSrt(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('SRT', () => {
  it('writes a real episode as SRT and reads it back', () => {
    const cues = parseVtt(vtt).cues;
    const srt = writeSrt(cues);
    expect(srt.startsWith("1\n00:00:00,020 --> 00:00:04,740\nWhat if your code was crash-proof?")).toBe(true);
    const doc = parseSrt(srt);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.cues.map((c) => [c.start, c.end, c.text])).toEqual(cues.map((c) => [c.start, c.end, c.text]));
    expect(doc.cues.at(-1)!.index).toBe(1287);
    expect(srt.slice(doc.cues[5]!.range.from, doc.cues[5]!.range.to)).toBe(`6\n${srt.slice(doc.cues[5]!.timingRange.from, doc.cues[5]!.textRange.to)}`);
  });

  it('tolerates missing numbers, spaces on blank lines, missing blank lines, CRLF and dots', () => {
    const text = '\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nOne\r\ntwo lines\r\n  \r\n00:00:03.000 --> 00:00:04,000\r\nno number\r\n7\r\n0:00:05,5 --> 00:00:06,000 X1:10 X2:20\r\nmissing blank line';
    const doc = parseSrt(text);
    expect([doc.bom, doc.eol]).toEqual([true, '\r\n']);
    expect(doc.cues.map((c) => [c.index, c.start, c.end, c.text])).toEqual([
      [1, 1, 2, 'One\ntwo lines'],
      [null, 3, 4, 'no number'],
      [7, 5.5, 6, 'missing blank line'],
    ]);
    expect(text.slice(doc.cues[2]!.extraRange.from, doc.cues[2]!.extraRange.to)).toBe(' X1:10 X2:20');
    expect(show(text)).toEqual([
      "6:9 warning SRT times use ',' before the milliseconds",
      '6:1 warning missing cue number (expected 2)',
      '8:1 warning missing blank line before this cue',
      '8:1 warning cue number 7 out of sequence (expected 3)',
    ].sort((a, b) => lineCol(a) - lineCol(b)));
  });

  it('bad inputs: junk, bad times, end before start, empty', () => {
    expect(show('')).toEqual(['1:1 warning empty SRT file: no cues']);
    expect(show('hello\nworld\n\n1\n00:00:01,000 --> 00:00:00,500\nx\n\n2\n00:61:00,000 --> 01:00:00,000\ny\n')).toEqual([
      '1:1 error expected a cue number or a timing line (00:00:01,000 --> 00:00:02,000); this text is not part of any cue',
      '5:18 error cue end time must be after its start time',
      '9:4 error invalid start time: minutes must be 00–59, got 61',
    ]);
    const junk = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join('');
    expect(parseSrt(junk).diagnostics.length).toBeGreaterThan(0);
  });

  it('writer output always reads back without errors and renumbers', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.double(), end: fc.double(), text: fc.string() }), { maxLength: 8 }), (cues) => {
        const doc = parseSrt(writeSrt(cues));
        expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(doc.cues.map((c) => c.index)).toEqual(cues.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

function lineCol(s: string): number {
  const [l, c] = s.split(' ')[0]!.split(':').map(Number);
  return l! * 1000 + c!;
}
