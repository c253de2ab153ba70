import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/model/text-change';
import { formatVttTimestamp } from '../../../shared/formats/timestamp';
import { minimalChanges } from './line-diff';

const FIXTURE = readFileSync(join(import.meta.dirname, '../../../../shared/fixtures/talkpython/515-temporal.vtt'), 'utf8');

describe('minimalChanges', () => {
  it('turns any text into any other', () => {
    const line = fc.constantFrom('', 'a', 'b', 'WEBVTT', '00:00:01.000 --> 00:00:02.000', 'same text');
    const text = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 12 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
    fc.assert(fc.property(text, text, fc.boolean(), (a, b, cut) => {
      const b2 = cut ? b.slice(0, -1) : b;
      expect(applyChanges(a, minimalChanges(a, b2))).toBe(b2);
    }), { numRuns: 400 });
  });

  it("re-timing every cue of a real episode changes only the timestamps' digits", () => {
    const shifted = FIXTURE.replace(/^(\S+) --> (\S+)$/gm, (_m, s: string, e: string) => {
      const sec = (t: string) => t.split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
      return `${formatVttTimestamp(sec(s) + 2.5)} --> ${formatVttTimestamp(sec(e) + 2.5)}`;
    });
    const changes = minimalChanges(FIXTURE, shifted);
    expect(applyChanges(FIXTURE, changes)).toBe(shifted);
    const cueCount = FIXTURE.match(/-->/g)!.length;
    expect(changes.length).toBe(cueCount);
    // Every change lies inside one timing line.
    for (const c of changes) {
      const lineStart = FIXTURE.lastIndexOf('\n', c.from - 1) + 1;
      const lineEnd = FIXTURE.indexOf('\n', c.to);
      expect(FIXTURE.slice(lineStart, lineEnd)).toMatch(/^\S+ --> \S+$/);
    }
    expect(minimalChanges(FIXTURE, FIXTURE)).toEqual([]);
  });
});
