import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { parseVtt } from '../formats/vtt/parser';
import { cueIndexAt, cueSpanOf } from './cue-at';
import { fixOverlaps, insertCueAt, mergeWithNext, nudge, rippleShift, setEdgeAt, setEndAndGoToNext, splitCue } from './commands';
import { checkCue, cueFigures, QA_PROFILES } from './qa';

const fixtures = join(import.meta.dirname, '../../../shared/fixtures');
const episode = readFileSync(join(fixtures, 'talkpython/515-temporal.vtt'), 'utf8');
const overlap = readFileSync(join(fixtures, 'snippets/vtt_overlap_515.vtt'), 'utf8');

/** The lines that differ between two texts of equal line count, as [before, after] pairs. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

describe('timing commands on 515-temporal.vtt', () => {
  const doc = parseVtt(episode);

  it('nudges the third cue start by +100 ms, touching only that timestamp', () => {
    const after = applyChanges(episode, nudge(doc, 2, 2, 'start', 100).changes);
    expect(changedLines(episode, after)).toEqual([['00:00:09.440 --> 00:00:13.300', '00:00:09.540 --> 00:00:13.300']]);
  });

  it('nudges end by -10 ms and shifts whole cues of a selection', () => {
    const end = applyChanges(episode, nudge(doc, 0, 0, 'end', -10).changes);
    expect(changedLines(episode, end)).toEqual([['00:00:00.020 --> 00:00:04.740', '00:00:00.020 --> 00:00:04.730']]);
    const [first, last] = cueSpanOf(doc.cues, doc.cues[1]!.textRange.from, doc.cues[2]!.textRange.from)!;
    const both = applyChanges(episode, nudge(doc, first, last, 'both', 1000).changes);
    expect(changedLines(episode, both)).toEqual([
      ['00:00:05.260 --> 00:00:09.000', '00:00:06.260 --> 00:00:10.000'],
      ['00:00:09.440 --> 00:00:13.300', '00:00:10.440 --> 00:00:14.300'],
    ]);
  });

  it('never moves a time below zero or a start past its end', () => {
    const back = applyChanges(episode, nudge(doc, 0, 0, 'start', -100).changes);
    expect(back.split('\n')[2]).toBe('00:00:00.000 --> 00:00:04.740');
    const past = applyChanges(episode, nudge(doc, 0, 0, 'start', 10_000).changes);
    expect(past.split('\n')[2]).toBe('00:00:04.740 --> 00:00:04.740');
  });

  it('ripple-shifts a cue and every cue after it', () => {
    const after = parseVtt(applyChanges(episode, rippleShift(doc, 1000, -500).changes));
    expect(after.cues.slice(0, 1000).map((c) => c.start)).toEqual(doc.cues.slice(0, 1000).map((c) => c.start));
    expect(after.cues[1000]!.start).toBeCloseTo(doc.cues[1000]!.start - 0.5, 6);
    expect(after.cues.at(-1)!.end).toBeCloseTo(doc.cues.at(-1)!.end - 0.5, 6);
  });

  it('sets start/end to the playhead, and "set end and go to next" moves the cursor', () => {
    const start = applyChanges(episode, setEdgeAt(doc, 2, 'start', 9.5).changes);
    expect(changedLines(episode, start)).toEqual([['00:00:09.440 --> 00:00:13.300', '00:00:09.500 --> 00:00:13.300']]);
    const edit = setEndAndGoToNext(doc, 2, 13.9);
    const text = applyChanges(episode, edit.changes);
    expect(text.slice(edit.cursor!, edit.cursor! + 20)).toBe(doc.cues[3]!.text.slice(0, 20));
  });

  it('splits a cue at the cursor with time by characters, and merging restores it', () => {
    const cue = doc.cues[2]!;
    const at = cue.textRange.from + cue.text.indexOf(' without') + 1;
    const split = splitCue(doc, 2, at);
    const text = applyChanges(episode, split.changes);
    const after = parseVtt(text);
    expect(after.cues.length).toBe(doc.cues.length + 1);
    expect(after.cues[2]!.text).toBe('scalable applications');
    expect(after.cues[3]!.text).toBe('without sacrificing productivity or reliability.');
    // 21 of 21 + 48 characters: 9.440 + 3.860 * 21/69 = 10.615 s.
    expect(after.cues[2]!.end).toBeCloseTo(10.615, 3);
    expect(after.cues[3]!.start).toBeCloseTo(10.615, 3);
    expect(after.cues[3]!.end).toBe(13.3);
    expect(text.slice(split.cursor!, split.cursor! + 7)).toBe('without');
    const merged = applyChanges(text, mergeWithNext(after, 2).changes);
    expect(merged).toBe(episode);
  });

  it('inserts an empty cue at the playhead, ending at the next cue', () => {
    const edit = insertCueAt(doc, 13.5);
    const text = applyChanges(episode, edit.changes);
    const after = parseVtt(text);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(after.cues[3]).toMatchObject({ start: 13.5, end: 14.13, text: '' });
    expect(cueIndexAt(after.cues, edit.cursor!)).toBe(3);
    expect(after.cues[4]!.text).toBe(doc.cues[3]!.text);
  });
});

describe('fix overlaps and QA', () => {
  it('ends overlapping cues before the next one, leaving others alone', () => {
    const doc = parseVtt(overlap);
    const edit = fixOverlaps(doc, 0, doc.cues.length - 1, 0);
    const after = parseVtt(applyChanges(overlap, edit.changes));
    for (let i = 0; i + 1 < after.cues.length; i++) expect(after.cues[i]!.end).toBeLessThanOrEqual(after.cues[i + 1]!.start);
    expect(edit.changes.length).toBe(doc.cues.filter((c, i) => doc.cues[i + 1] && c.end > doc.cues[i + 1]!.start).length);
    expect(edit.changes.length).toBeGreaterThan(0);
  });

  it('flags subtitle limits and passes under the transcript profile', () => {
    const doc = parseVtt(overlap);
    const problems = doc.cues.flatMap((c, i) => checkCue(c, doc.cues[i + 1], QA_PROFILES.subtitle));
    expect(problems.some((p) => p.rule === 'minGap' && /overlaps/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.rule === 'maxLineLength')).toBe(true);
    expect(doc.cues.flatMap((c, i) => checkCue(c, doc.cues[i + 1], QA_PROFILES.transcript))).toEqual([]);
    const f = cueFigures(doc.cues[0]!);
    expect(f.duration).toBeCloseTo(5.821, 3);
    expect(f.longestLine).toBe(doc.cues[0]!.text.length);
  });
});
