import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/text-change';
import { reparseVttText } from './incremental';
import { parseVtt } from './parser';
import type { VttDocument } from './types';

const fixtures = join(import.meta.dirname, '../../../../shared/fixtures');
const episode = readFileSync(join(fixtures, 'talkpython/515-temporal.vtt'), 'utf8');

/** Applies one replacement and reparses both ways. */
function edit(doc: VttDocument, from: number, to: number, insert: string) {
  const text = applyChanges(doc.text, [{ from, to, insert }]);
  const incremental = reparseVttText(doc, text, [{ fromA: from, toA: to, fromB: from, toB: from + insert.length }]);
  return { incremental, full: parseVtt(text) };
}

/** Everything but `text` (compared separately) in a comparable shape. */
function shape(doc: VttDocument) {
  const { text: _t, ...rest } = doc;
  return rest;
}
// (The incremental document's text is read lazily from the source; compared separately.)

describe('reparseVtt', () => {
  it('matches a full parse after edits in the middle of a real episode', () => {
    const doc = parseVtt(episode);
    const cue = doc.cues[500]!;
    const cases: [number, number, string][] = [
      [cue.textRange.from + 3, cue.textRange.from + 3, 'xyz'], // typing
      [cue.startRange.from, cue.startRange.to, '00:30:00.000'], // retime out of order
      [cue.range.to, cue.range.to + 1, ''], // join with the blank line after
      [cue.textRange.from, cue.textRange.from, '\n\n'], // split into two blocks
      [cue.range.from, doc.cues[510]!.range.to, ''], // delete ten cues
      [cue.timingRange.from + 13, cue.timingRange.from + 16, '->'], // break the arrow
    ];
    for (const [from, to, insert] of cases) {
      const { incremental, full } = edit(doc, from, to, insert);
      expect(incremental.text).toBe(full.text);
      expect(shape(incremental)).toEqual(shape(full));
    }
  });

  it('reuses the blocks before the edit (only the touched runs are reparsed)', () => {
    const doc = parseVtt(episode);
    const cue = doc.cues[800]!;
    const { incremental } = edit(doc, cue.textRange.from, cue.textRange.from, 'a');
    expect(incremental.blocks[10]).toBe(doc.blocks[10]);
    expect(incremental.cues[790]).toBe(doc.cues[790]);
    expect(incremental.cues[800]!.text).toBe(`a${cue.text}`);
  });

  it('matches a full parse for random edits (property)', () => {
    const small = [
      'WEBVTT',
      '',
      'STYLE',
      '::cue { color: red }',
      '',
      '1',
      '00:00:01.000 --> 00:00:02.000 align:start',
      '<v Ann>Hello <b>there</b>',
      '',
      'NOTE a note',
      '',
      '00:00:03.000 --> 00:00:02.500',
      'End before start',
      '',
      '00:00:04.000 --> 00:00:05.000',
      'Two',
      '00:00:05.000 --> 00:00:06.000',
      'blocks in one run',
      '',
      'stray block',
      '',
      '00:00:07.000 --> 00:00:08.000',
      'last',
      '',
    ].join('\n');
    const pieces = fc.constantFrom('', '\n', '\n\n', ' --> ', '00:00:09.000', 'NOTE', 'word', '<i>', 'STYLE', '\r\n', '-->', 'REGION', '\u0000', '00:00:04.000 --> 00:00:04.000', '\n00:00:10.000 --> 00:00:11.000\n', ',');
    fc.assert(
      fc.property(fc.nat(), fc.nat(12), pieces, (at, len, insert) => {
        const base = parseVtt(small);
        const from = at % (small.length + 1);
        const to = Math.min(small.length, from + len);
        const { incremental, full } = edit(base, from, to, insert);
        expect(shape(incremental)).toEqual(shape(full));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays equal to a full parse over a chain of edits, each reparsed from the last result', () => {
    // 60 cues of the episode; edits in many places split the block list into slices
    // (block-runs.ts) and, past its limit, copy it back into one array: both are crossed.
    const medium = episode.slice(0, parseVtt(episode).cues[60]!.range.from);
    const step = fc.record({ at: fc.nat(), len: fc.nat(8), insert: fc.constantFrom('', 'a', '\n', '\n\n', ' --> ', 'NOTE x\n\n', '00:00:01.000 --> 00:00:02.000\nnew\n\n', '\r\n') });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 50 }), (steps) => {
        let doc = parseVtt(medium);
        for (const s of steps) {
          const from = s.at % (doc.text.length + 1);
          const { incremental, full } = edit(doc, from, Math.min(doc.text.length, from + s.len), s.insert);
          expect(incremental.text).toBe(full.text);
          expect(shape(incremental)).toEqual(shape(full));
          doc = incremental;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('typing into 40 different cues, last to first, keeps every cue equal to a full parse and reuses the ones before', () => {
    let doc = parseVtt(episode);
    for (let i = 40; i > 0; i--) {
      const at = doc.cues[i * 10]!.textRange.from;
      const before = doc.cues[i * 10 - 2]!;
      const { incremental, full } = edit(doc, at, at, 'x');
      expect(shape(incremental)).toEqual(shape(full));
      expect(incremental.cues[i * 10 - 2]).toBe(before);
      expect(incremental.cues[i * 10]!.text).toBe(`x${doc.cues[i * 10]!.text}`);
      doc = incremental;
    }
  });
});
