/**
 * Fuzz: random WebVTT (and files that only look like it) with tags, entities, settings,
 * NOTE/STYLE blocks and damaged lines, run through fix and clean. Nothing may throw or
 * hang, and everything outside the cue words must come out as it went in: header,
 * ids, timing lines and settings, NOTE/STYLE and dropped blocks, and every tag and
 * character reference of each cue, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, cleanVtt } from '../cleaning';
import { detectFormat } from '../formats/detect';
import { tokenizeCueText } from '../formats/vtt/cue-text';
import { consumeCharacterReference } from '../formats/vtt/entities';
import { parseVtt } from '../formats/vtt/parser';
import { applyChanges, type TextChange } from '../model/text-change';
import { correctTranscript, parseRules, textSpans } from './index';

const RULES = parseRules([
  'i\tI', 'start\tbeginning', '00\t11', 'amp\tAMP', 'lt\tLT', 'v\tV', 'c\tC', 'Bob\tRob', 'NOTE\tnote', 'WEBVTT\twebvtt', 'align\tALIGN',
  '-\t--', '(x)\t$1--\tre', '(\\w+\\s?)+;\tX;\tre', '(\\d+)\\.(\\d+)\t$2.$1\tre', 'um\tuh', '&\tand',
].join('\n'));

const word = fc.constantFrom('i', 'I', 'the', 'start', 'um', 'uh', 'Um', 'so', 'we', 'Bob', 'amp', 'lt', '00', '0', '1', 'x', 'long', 'do', 'c', 'v', 'hi', 'Py', 'thon', 'align');
const punct = fc.constantFrom(',', '.', ';', '-', '--', '>', '&', '?', ' ', '  ', '\t', '\n');
const tag = fc.constantFrom('<i>', '</i>', '<b>', '</b>', '<c.i.start>', '</c>', '<v Bob i>', '<v.loud Ann>', '</v>', '<00:00:01.500>', '<ruby>', '<rt>', '</rt>', '</ruby>', '<lang en>', '</lang>', '<', '<i');
const entity = fc.constantFrom('&amp;', '&lt;', '&gt;', '&#39;', '&#x41;', '&nbsp;', '&lrm;', '&amp');
const cueText = fc.array(fc.oneof({ arbitrary: word, weight: 6 }, { arbitrary: punct, weight: 4 }, { arbitrary: tag, weight: 2 }, { arbitrary: entity, weight: 1 }), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join('').replace(/\n+/g, '\n').replace(/^\n|\n$/g, '') || 'x');
const timing = fc.constantFrom(
  '00:00:01.000 --> 00:00:02.000', '00:01.000 --> 00:02.000 align:start', '00:00:02.000 --> 00:00:03.000 line:0 position:10%,line-left size:50%',
  '00:00:01,000 --> 00:00:02,000', '00:00:1.000 --> 00:00:02.000', '00:00:60.000 --> 00:01:00.000', '00:00:03.000 -> 00:00:04.000',
  '00:00:05.000 --> 00:00:04.000', '00:00:01.000 -->', '00:00:00.000 --> 00:00:00.000 region:r align:start', 'garbage --> 00:00:01.000',
);
const block = fc.oneof(
  { arbitrary: fc.tuple(fc.option(fc.constantFrom('1', 'start', 'i', 'intro 00')), timing, cueText).map(([id, t, text]) => `${id === null ? '' : `${id}\n`}${t}\n${text}`), weight: 8 },
  { arbitrary: fc.constantFrom('NOTE i start 00', 'STYLE\n::cue(.start) { color: red }', 'NOTE\nuh, the, the note', 'REGION\nid:r width:40%'), weight: 1 },
  { arbitrary: cueText, weight: 1 },
);
const header = fc.constantFrom('WEBVTT', 'WEBVTT start i', '\uFEFFWEBVTT', 'WEBVTT\nKind: captions', 'webvtt', 'WEBVTTX', '');
const eol = fc.constantFrom('\n', '\r\n', '\r');
const file = fc.tuple(header, fc.array(block, { minLength: 1, maxLength: 6 }), eol)
  .map(([h, blocks, e]) => [h, ...blocks].join('\n\n').replace(/\n/g, e) + e);

/** Everything a WebVTT parser sees that is not cue words: the structure, and each cue's tags and references. */
function vttSkeleton(text: string) {
  const doc = parseVtt(text);
  const markup = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const out: string[] = [];
    for (const t of tokenizeCueText(raw)) {
      if (t.type !== 'text') { out.push(raw.slice(t.from, t.to)); continue; }
      for (let amp = raw.indexOf('&', t.from); amp !== -1 && amp < t.to; amp = raw.indexOf('&', amp + 1)) {
        const ref = consumeCharacterReference(raw, amp, t.to);
        if (ref) out.push(raw.slice(amp, ref.end));
      }
    }
    return out;
  };
  return {
    header: text.slice(0, doc.header.range.to),
    blocks: doc.blocks.map((b) => (b.kind === 'cue'
      ? { kind: 'cue', id: b.cue.idRange && text.slice(b.cue.idRange.from, b.cue.idRange.to), timing: text.slice(b.cue.timingRange.from, b.cue.timingRange.to), markup: markup(b.cue.textRange.from, b.cue.textRange.to) }
      : { kind: b.kind, text: text.slice(b.range.from, b.range.to) })),
  };
}

/** For text that is not WebVTT: its timing lines and tags. */
function lineSkeleton(text: string) {
  return { timings: text.split(/\r\n|\r|\n/).filter((l) => l.includes('-->')), tags: text.match(/<\/?[A-Za-z][^<>\r\n]*>|\{\\[^{}\r\n]*\}/g) ?? [] };
}

const skeleton = (text: string) => (detectFormat(text) === 'vtt' ? vttSkeleton(text) : lineSkeleton(text));

/**
 * Every change lies inside one span of words; or, for a line that cleaning empties, it
 * removes that line's words with one line break next to them (see cleaning/lines.ts).
 */
function insideWords(text: string, changes: readonly TextChange[]): boolean {
  const spans = textSpans(text);
  const inSpan = (from: number, to: number) => spans.some((s) => s.from <= from && to <= s.to);
  return changes.every((c) => {
    if (inSpan(c.from, c.to)) return true;
    const removed = text.slice(c.from, c.to);
    const lead = /^(?:\r\n|\r|\n)/.exec(removed)?.[0].length ?? 0;
    const tail = lead ? 0 : (/(?:\r\n|\r|\n)$/.exec(removed)?.[0].length ?? 0);
    const words = removed.slice(lead, removed.length - tail);
    return c.insert === '' && (lead > 0 || tail > 0) && !/[\r\n]/.test(words) && inSpan(c.from + lead, c.to - tail);
  });
}

describe('fix and clean change words only (fuzz)', () => {
  expect(RULES.diagnostics).toEqual([]);

  it('1,000 random files with tags, settings and damaged lines: no throw, no markup or timing change, whatever changes are ticked', () => {
    fc.assert(fc.property(file, fc.array(fc.boolean(), { maxLength: 40 }), (text, ticked) => {
      const before = skeleton(text);
      const format = detectFormat(text);
      const fixed = correctTranscript(text, RULES.rules);
      expect(insideWords(text, fixed.changes)).toBe(true);
      expect(skeleton(applyChanges(text, fixed.changes))).toEqual(before);
      const options = { fillers: true, repetitions: true, case: true, whitespace: true, chrome: true };
      const cleaning = format === 'vtt' ? cleanVtt(text, options) : cleanText(text, options, format).changes;
      // Chrome removal takes whole TXT lines by design; every other kind stays inside the words.
      expect(insideWords(text, cleaning.filter((c) => c.kind !== 'chrome'))).toBe(true);
      const words = cleaning.filter((c) => c.kind !== 'chrome');
      expect(skeleton(applyChanges(text, words))).toEqual(before);
      // Any choice the preview allows: some changes ticked, others not.
      expect(skeleton(applyChanges(text, words.filter((_, i) => ticked[i % Math.max(1, ticked.length)] ?? true)))).toEqual(before);
    }), { numRuns: 1000 });
  });
});
