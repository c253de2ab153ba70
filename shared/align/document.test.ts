import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTxt } from '../formats/txt/import';
import { importToVtt } from '../formats/txt/to-vtt';
import { parseVtt } from '../formats/vtt/parser';
import { planVtt, type TimedUnit } from './document';
import { segmentProse } from './segment';

const UNTIMED = readFileSync(join(__dirname, '../../../shared/fixtures/pages/djangochat-rust-tooling-untimed.txt'), 'utf8');

/** Times one after another, a second each: the plan's output shape, not an alignment. */
function times(count: number): TimedUnit[] {
  return Array.from({ length: count }, (_, k) => ({ start: k, end: k + 0.9, words: [], tokens: [], confidence: 1, lowConfidence: false }));
}

describe('planVtt on an untimed page as the app opens it', () => {
  // The importer cuts the page into `NOTE needs timing` blocks of ~300 characters,
  // mid-sentence, with the chrome lines joined to the speech after them.
  const vtt = importToVtt(importTxt(UNTIMED));

  it('cuts the blocks into sentences as one text, so no cue starts or ends where a block was cut', () => {
    const plan = planVtt(vtt, { profile: 'transcript' });
    const page = segmentProse(UNTIMED, 'transcript').filter((s) => s.kind === 'speech');
    expect(plan.units.map((u) => u.text.replace(/\s+/g, ' '))).toEqual(page.map((s) => s.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\s+/g, ' ')));
    expect(plan.anchorKind).toBe('none');
  });

  it('keeps the page chrome as NOTE blocks, never as cues, and leaves no untimed block', () => {
    const plan = planVtt(vtt, { profile: 'transcript' });
    expect(plan.units.some((u) => u.text.includes('Back to Show Notes'))).toBe(false);
    const out = plan.build(times(plan.units.length), plan.units.length);
    expect(out.text).not.toContain('needs timing');
    const doc = parseVtt(out.text);
    expect(doc.cues).toHaveLength(plan.units.length);
    expect(doc.blocks.filter((b) => b.kind === 'note').map((b) => out.text.slice(b.range.from, b.range.to).split('\n')[1])).toContain('← Back to Show Notes');
  });

  it('a timed cue between untimed runs keeps its place and its text', () => {
    const mixed = 'WEBVTT\n\nNOTE needs timing\nso we were\n\nNOTE needs timing\ntalking. Yes.\n\n00:00:05.000 --> 00:00:06.000\nTimed.\n\nNOTE needs timing\nAfter.\n';
    const plan = planVtt(mixed);
    expect(plan.units.map((u) => u.text)).toEqual(['so we were talking. Yes.', 'Timed.', 'After.']);
    expect(plan.units.map((u) => u.anchor)).toEqual([null, 5, null]);
    const out = plan.build(times(3), 3);
    expect(parseVtt(out.text).cues.map((c) => [c.start, c.text])).toEqual([[0, 'so we were talking. Yes.'], [1, 'Timed.'], [2, 'After.']]);
  });
});
