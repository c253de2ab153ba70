/**
 * Folder search on the corrections engine: a query becomes a rule (literal or regex,
 * whole word or not, case), and the spans parsed only near a literal's occurrences give
 * exactly the matches and changes the whole file's spans give (what `cli fix` uses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRules, findNearMisses, parseRules, textSpans } from '../corrections';
import { detectFormat } from '../formats/detect';
import { candidateSpans } from './candidate-spans';
import { requiredText } from './required-text';
import { fileMatches, replaceChosen } from './file-matches';
import { queryRule, type FolderQuery } from './folder-query';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

const MARKUP_VTT = [
  'WEBVTT', 'Kind: captions', '', 'STYLE', '::cue { color: red }', '', 'NOTE rough notes about rough', '',
  'intro', '00:00:01.000 --> 00:00:02.000 align:start', '<v Matt McKay>pip install <i>rough</i> &amp; rough</v>', '',
  '00:00:02.000 --> 00:00:03.000', 'ruff and rough<b>ly</b> rough', 'second line: Cloud Code', '', '', '',
  'rough', '00:00:03.000 --> 00:00:04.000', 'uvx rough', '',
  '00:00:04.000 --> 00:00:05.000', 'cloud code, CloudCode, Cloud  Code, chat GPT and UVX Rough', '',
].join('\r\n');

const TEXTS: Record<string, string> = {
  'talkpython/515-temporal.vtt': read('talkpython/515-temporal.vtt'),
  'talkpython/515-temporal.txt': read('talkpython/515-temporal.txt'),
  'talkpython/518-django-birthday.vtt': read('talkpython/518-django-birthday.vtt'),
  'pages/djangochat-dev-environments-otter.txt': read('pages/djangochat-dev-environments-otter.txt'),
  'pages/talkpython-451-djangonauts-mmss.txt': read('pages/talkpython-451-djangonauts-mmss.txt'),
  'markup.vtt': MARKUP_VTT,
  'markup-lf.vtt': MARKUP_VTT.replaceAll('\r\n', '\n'),
};

const RULES = parseRules([
  'rough\truff\tbefore=install|uvx', 'Temporal\tTemporal.io', 'Django\tdjango\ti', 'Cloud Code\tClaude Code', 'the, the\tthe',
  'Matt McKay\tMatt Makai', 'chatGPT\tChatGPT', 'Python\tPython 3', '00\tzero', 'captions\tsubtitles', 'a\tA\ti',
  // Regex rules with a required text (parsed near it) and one without (the whole file).
  'durable\\s+execution\tdurable execution\tre', '(?<=pip )install\tINSTALL\tre', 'Temp(o)ral\tTemp$1ral.io\tre', 'rough(ly)?\truff\tre,i',
  'cloud\\s*code\tClaude Code\tre,i', 'r\\w+h\tX\tre',
].join('\n')).rules;

describe('folder search', () => {
  it("parses only near literal occurrences (and a regex rule's required text) and finds exactly what the whole file gives, on real and marked-up files", () => {
    for (const [name, text] of Object.entries(TEXTS)) {
      const format = detectFormat(text);
      for (const rules of [...RULES.map((r) => [r]), RULES, RULES.filter((r) => !r.regex || requiredText(r))]) {
        const full = applyRules(text, textSpans(text, format), rules);
        const near = applyRules(text, candidateSpans(text, rules, format) ?? [], rules);
        expect(near.hits.map((h) => [h.from, h.to, h.rule.line]), `${name}: ${rules.map((r) => r.find).join(', ')}`).toEqual(full.hits.map((h) => [h.from, h.to, h.rule.line]));
        expect(near.changes).toEqual(full.changes);
        expect(near.refused.length).toBe(full.refused.length);
        const loose = candidateSpans(text, rules, format, true) ?? [];
        const misses = (spans: typeof loose) => findNearMisses(text, spans, rules, applyRules(text, spans, rules).hits).map((m) => [m.from, m.found, m.why, m.rule.line]);
        expect(misses(loose), `${name}: near-misses`).toEqual(misses(textSpans(text, format)));
      }
    }
  });

  it('parses a regex rule only near its required text, and the whole file for a regex without one', () => {
    const text = TEXTS['talkpython/515-temporal.vtt']!;
    const all = textSpans(text, 'vtt').length;
    const [durable, anyR] = parseRules('durable\\s+execution\tx\tre\nr\\w+h\tx\tre\n').rules;
    const near = candidateSpans(text, [durable!], 'vtt')!;
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all / 20);
    expect(candidateSpans(text, [anyR!], 'vtt')).toHaveLength(all);
  });

  it('finds near-misses of a corrections list across the file (case and spacing variants), left unchanged', () => {
    const rules = parseRules('Cloud Code\tClaude Code\nchatGPT\tChatGPT\nrough\truff\tbefore=install|uvx\n').rules;
    const { matches, nearMisses } = fileMatches(MARKUP_VTT, rules, true, 'vtt', true);
    expect(matches.map((m) => [m.rule, MARKUP_VTT.slice(m.from, m.to)])).toEqual([[3, 'rough'], [1, 'Cloud Code'], [3, 'rough']]);
    expect(nearMisses.map((m) => [m.rule, m.found, m.why])).toEqual([[1, 'cloud code', 'case'], [1, 'CloudCode', 'spacing'], [1, 'Cloud  Code', 'spacing'], [2, 'chat GPT', 'spacing'], [3, 'Rough', 'case']]);
    expect(nearMisses[0]!.time).toBe(4);
  });

  it('never matches timing lines, ids, settings, NOTE, STYLE or tags', () => {
    const rule = (q: Partial<FolderQuery>) => { const r = queryRule({ regex: false, wholeWord: true, caseSensitive: true, ...q, text: q.text! }); if (!r.ok) throw new Error(r.message); return [r.rule]; };
    const found = (q: Partial<FolderQuery>) => fileMatches(MARKUP_VTT, rule(q), false).matches.map((m) => MARKUP_VTT.slice(m.from, m.to));
    expect(found({ text: 'rough' })).toEqual(['rough', 'rough', 'rough', 'rough']);
    expect(found({ text: 'rough', wholeWord: false })).toEqual(['rough', 'rough', 'rough', 'rough', 'rough']);
    expect(found({ text: 'ROUGH', caseSensitive: false })).toHaveLength(5);
    expect(found({ text: '00', wholeWord: false })).toEqual([]);
    expect(found({ text: 'align' })).toEqual([]);
    expect(found({ text: 'intro' })).toEqual([]);
    expect(found({ text: 'Matt' })).toEqual([]);
    expect(found({ text: 'i', wholeWord: true })).toEqual([]);
    expect(found({ text: 'r\\w+h', regex: true })).toEqual(['rough', 'rough', 'rough', 'rough']);
    expect(found({ text: 'ro', regex: true, wholeWord: false })).toEqual(['ro', 'ro', 'ro', 'ro', 'ro']);
  });

  it('replaces only the chosen matches, with only the term changed, and gives each match its cue time', () => {
    const r = queryRule({ text: 'rough', replace: 'ruff', regex: false, wholeWord: true, caseSensitive: true });
    if (!r.ok) throw new Error(r.message);
    const { matches } = fileMatches(MARKUP_VTT, [r.rule], true);
    expect(matches.map((m) => m.time)).toEqual([1, 1, 2, 3]);
    expect(matches[0]!.replaced.slice(matches[0]!.contextFrom, matches[0]!.contextFrom + 4)).toBe('ruff');
    const out = replaceChosen(MARKUP_VTT, matches, new Set([0, 3]));
    expect(out).toBe(MARKUP_VTT.replace('<i>rough</i>', '<i>ruff</i>').replace('uvx rough', 'uvx ruff'));
  });

  it('refuses what the engine refuses, naming the field and column', () => {
    expect(queryRule({ text: 'a(b', regex: true, wholeWord: true, caseSensitive: true })).toMatchObject({ ok: false, message: expect.stringMatching(/^search, column \d+: invalid regular expression/) });
    expect(queryRule({ text: 'x', replace: 'a <b>', regex: false, wholeWord: true, caseSensitive: true })).toMatchObject({ ok: false, message: expect.stringMatching(/^replacement, column 3: /) });
    expect(queryRule({ text: 'a\tb', regex: false, wholeWord: true, caseSensitive: true }).ok).toBe(false);
    // A literal is never a pattern, nor a comment of the rules syntax.
    const hash = queryRule({ text: '#1', regex: false, wholeWord: false, caseSensitive: true });
    expect(hash.ok && fileMatches('WEBVTT\n\n00:01.000 --> 00:02.000\nepisode #1 (a.b)\n', [hash.rule], false).matches).toHaveLength(1);
    const dots = queryRule({ text: 'a.b', regex: false, wholeWord: false, caseSensitive: true });
    expect(dots.ok && fileMatches('WEBVTT\n\n00:01.000 --> 00:02.000\naxb a.b\n', [dots.rule], false).matches.map((m) => m.column)).toEqual([5]);
  });
});
