import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/text-change';
import { cueIndexAt, cueIndexAtTime } from '../../timing/cue-at';
import { blockRuns, reparseVttText } from './incremental';
import { parseVtt } from './parser';
import type { VttDocument } from './types';

const fixtures = join(import.meta.dirname, '../../../../shared/fixtures');
const episode = readFileSync(join(fixtures, 'talkpython/515-temporal.vtt'), 'utf8');

function edit(doc: VttDocument, from: number, to: number, insert: string): VttDocument {
  const text = applyChanges(doc.text, [{ from, to, insert }]);
  return reparseVttText(doc, text, [{ fromA: from, toA: to, fromB: from, toB: from + insert.length }]);
}

const timesOf = (list: readonly { start: number; end: number }[]) => list.map((t) => [t.start, t.end]);

describe('BlockRuns lookups', () => {
  it('answer by index, position and time as the full parse does, over a chain of edits (property)', () => {
    const medium = episode.slice(0, parseVtt(episode).cues[60]!.range.from);
    const step = fc.record({
      at: fc.nat(),
      len: fc.nat(8),
      insert: fc.constantFrom('', 'a', '\n', '\n\n', ' --> ', 'NOTE x\n\n', '00:00:01.000 --> 00:00:02.000\nnew\n\n', '\r\n', '9'),
      probe: fc.nat(),
      // Reading the times on some steps and not others crosses both ways `times` is made.
      readTimes: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        let doc = parseVtt(medium);
        for (const s of steps) {
          const from = s.at % (doc.text.length + 1);
          const next = edit(doc, from, Math.min(doc.text.length, from + s.len), s.insert);
          const full = parseVtt(next.text);
          // Asked before anything builds the whole list (the keystroke path).
          const runs = blockRuns(next);
          expect(runs.cueCount).toBe(full.cues.length);
          expect(runs.length).toBe(full.blocks.length);
          const pos = s.probe % (full.text.length + 1);
          expect(runs.cueIndexAt(pos)).toBe(cueIndexAt(full.cues, pos));
          const firstEnding = full.blocks.findIndex((b) => b.range.to >= pos);
          expect(runs.blockIndexFrom(pos)).toBe(firstEnding === -1 ? full.blocks.length : firstEnding);
          const k = full.cues.length ? s.probe % full.cues.length : 0;
          expect(runs.cue(k)).toEqual(full.cues[k]);
          expect(runs.cue(full.cues.length)).toBeUndefined();
          if (full.cues.length) expect(runs.block(runs.cueBlock(k))).toEqual({ kind: 'cue', range: full.cues[k]!.range, cue: full.cues[k] });
          const seconds = full.cues.length ? full.cues[k]!.start : 0;
          expect(runs.cueIndexAtTime(seconds)).toBe(cueIndexAtTime(full.cues, seconds));
          expect(runs.cueIndexAtTime(seconds - 0.001)).toBe(cueIndexAtTime(full.cues, seconds - 0.001));
          if (s.readTimes) expect(timesOf(runs.times())).toEqual(timesOf(full.cues));
          // The whole list, once built, holds the very cue objects the lookups gave.
          if (full.cues.length) expect(next.cues[k]).toBe(runs.cue(k));
          doc = next;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keep the same times array while an edit changes no time, and a new one when it does', () => {
    let doc = parseVtt(episode);
    const times = blockRuns(doc).times();
    const cue = doc.cues[100]!;
    doc = edit(doc, cue.textRange.from, cue.textRange.from, 'typed ');
    expect(blockRuns(doc).times()).toBe(times);
    // A new line in the text, and one cue split into two: the first keeps its times, the second is new.
    const split = doc.cues[100]!;
    doc = edit(doc, split.textRange.to, split.textRange.to, '\n\n00:20:00.000 --> 00:20:01.000\nadded');
    const afterSplit = blockRuns(doc).times();
    expect(afterSplit).not.toBe(times);
    expect(timesOf(afterSplit)).toEqual(timesOf(parseVtt(doc.text).cues));
    expect(afterSplit.length).toBe(times.length + 1);
    const retimed = doc.cues[300]!;
    doc = edit(doc, retimed.startRange.from, retimed.startRange.to, '00:30:00.000');
    const afterRetime = blockRuns(doc).times();
    expect(afterRetime).not.toBe(afterSplit);
    expect(afterRetime[300]!.start).toBe(1800);
    expect(timesOf(afterRetime)).toEqual(timesOf(parseVtt(doc.text).cues));
  });
});
