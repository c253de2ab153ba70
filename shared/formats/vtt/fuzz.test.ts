/**
 * Fuzzing the readers with damaged WebVTT: a real episode's cues, given tags, voices,
 * entities, settings, regions and styles, then mutated (characters inserted, deleted,
 * replaced, lines duplicated or cut, CR/LF/NUL/BOM sprinkled). For each of 1,000 files:
 * nothing throws; the parse is lossless and its ranges and diagnostics are in bounds;
 * what a browser would see equals the W3C algorithm (spec-oracle.ts); an edit reparsed
 * incrementally equals a full parse; the quick fixes never add errors, lose cues or
 * touch markup characters.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/text-change';
import { classifyBytes } from '../binary';
import { detectFormat } from '../detect';
import { parseSrt } from '../srt';
import { importTxt } from '../txt';
import { reparseVttText } from './incremental';
import { toJson } from './json';
import { parseVtt } from './parser';
import { applyQuickFixes } from './quick-fixes';
import { specParse } from './spec-oracle';
import type { VttDocument } from './types';

const F = `${__dirname}/../../../../shared/fixtures/`;
const real = parseVtt(readFileSync(F + 'talkpython/515-temporal.vtt', 'utf8')).cues.slice(0, 60);

const TAGS = ['<i>', '</i>', '<b>', '</b>', '<v Michael Kennedy>', '<v.loud Maxim>', '</v>', '<c.yellow>', '</c>', '<00:00:01.500>', '<ruby>', '<rt>', '</rt>', '</ruby>', '<lang en>', '&amp;', '&lt;', '&nbsp;', '&bogus;', '<', '>'];
const SETTINGS = ['align:start', 'line:0', 'line:10%,end', 'position:20%,line-left', 'size:50%', 'vertical:rl', 'region:r1', 'align:middle', 'bogus', 'line:'];
const DAMAGE = ['\n', '\r\n', '\r', '\n\n', '\u0000', '\ufeff', '-->', '->', ',', ':', '.', '60', '0', ' ', '\t', '\f', 'NOTE ', 'STYLE\n', 'REGION\nid:r1\n', '00:00:01.000 --> 00:00:00.000', 'WEBVTT', '<v ', '&'];

/** A tagged, styled episode excerpt in the file's own timestamp shape. */
const episode = fc.record({
  tags: fc.array(fc.tuple(fc.nat(real.length - 1), fc.constantFrom(...TAGS)), { maxLength: 30 }),
  settings: fc.array(fc.tuple(fc.nat(real.length - 1), fc.constantFrom(...SETTINGS)), { maxLength: 12 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  prelude: fc.constantFrom('', 'REGION\nid:r1 width:40%\n\n', 'STYLE\n::cue { color: lime }\n\nNOTE hi\n\n'),
}).map(({ tags, settings, eol, prelude }) => {
  const text = real.map((c) => c.text);
  const extra = real.map(() => '');
  for (const [i, tag] of tags) text[i] = `${tag}${text[i]}`;
  for (const [i, s] of settings) extra[i] += ` ${s}`;
  const blocks = real.map((c, i) => `${i % 7 === 0 ? `${i + 1}${eol}` : ''}${fmt(c.start)} --> ${fmt(c.end)}${extra[i]}${eol}${text[i]}`);
  return `WEBVTT${eol}${eol}${prelude.replace(/\n/g, eol)}${blocks.join(eol + eol)}${eol}`;
});

function fmt(s: number): string {
  const ms = Math.round(s * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
}

type Mutation = { at: number; cut: number; insert: string };
const mutation = fc.record({ at: fc.nat(), cut: fc.nat(40), insert: fc.oneof(fc.constantFrom(...DAMAGE), fc.string({ maxLength: 4 }), fc.constant('')) });

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = m.at % (t.length + 1);
    t = t.slice(0, at) + m.insert + t.slice(Math.min(t.length, at + m.cut));
  }
  return t;
}

function checkInBounds(doc: VttDocument, text: string): void {
  let last = -1;
  for (const b of doc.blocks) {
    expect(b.range.from).toBeGreaterThan(last);
    expect(b.range.to).toBeLessThanOrEqual(text.length);
    last = b.range.to;
    if (b.kind === 'cue') {
      const c = b.cue;
      expect(text.slice(c.timingRange.from, c.timingRange.to)).toContain('-->');
      expect(c.timingRange.from).toBeGreaterThanOrEqual(c.range.from);
      expect(c.textRange.to).toBeLessThanOrEqual(c.range.to);
    }
  }
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of doc.diagnostics) {
    expect(d.offset).toBeLessThanOrEqual(text.length);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

const browser = (doc: VttDocument) => {
  const j = toJson(doc);
  return j.valid ? { valid: true, cues: j.cues.map(({ speaker: _s, ...c }) => c), regions: j.regions, styles: j.styles } : { valid: false, cues: [], regions: [], styles: [] };
};
const errorCount = (doc: VttDocument) => doc.diagnostics.filter((d) => d.severity === 'error').length;
const markup = (t: string) => t.replace(/[^<>&]/g, '');

describe('fuzz: 1,000 damaged WebVTT files', () => {
  it('parse, browser view, incremental reparse and quick fixes hold on every one', () => {
    fc.assert(
      fc.property(episode, fc.array(mutation, { minLength: 1, maxLength: 8 }), mutation, (clean, damage, edit) => {
        const text = mutate(clean, damage);
        const doc = parseVtt(text);
        expect(doc.text).toBe(text);
        checkInBounds(doc, text);
        expect(browser(doc)).toEqual(specParse(text));

        const at = edit.at % (text.length + 1);
        const to = Math.min(text.length, at + edit.cut);
        const after = applyChanges(text, [{ from: at, to, insert: edit.insert }]);
        const incremental = reparseVttText(doc, after, [{ fromA: at, toA: to, fromB: at, toB: at + edit.insert.length }]);
        const { text: _a, ...inc } = incremental;
        const { text: _b, ...full } = parseVtt(after);
        expect(inc).toEqual(full);

        const fixed = applyQuickFixes(text);
        const fixedDoc = parseVtt(fixed.text);
        expect(errorCount(fixedDoc)).toBeLessThanOrEqual(errorCount(doc));
        expect(fixedDoc.cues.length).toBeGreaterThanOrEqual(doc.cues.length);
        expect(markup(fixed.text)).toBe(markup(text));

        // The other readers take the same bytes without throwing.
        detectFormat(text);
        parseSrt(text);
        importTxt(text);
        classifyBytes(new TextEncoder().encode(text));
      }),
      { numRuns: 1000 },
    );
  });
});
