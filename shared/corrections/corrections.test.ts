import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { parseVtt } from '../formats/vtt/parser';
import { correctTranscript, parseRules } from './index';

const TALKPYTHON = join(import.meta.dirname, '../../../shared/fixtures/talkpython');
const read = (name: string) => readFileSync(join(TALKPYTHON, name), 'utf8');

const RULES = ['# names and products', 'Matt McKay\tMatt Makai', 'Langchain\tLangChain', 'Cloud Code\tClaude Code', 'chatGPT\tChatGPT', ''].join('\n');

/** The speech-recognition mistakes the rules fix, put back into a copy of an episode (both files alike). */
function seed(text: string): string {
  let n = 0;
  return text
    .replaceAll('Michael Kennedy', 'Matt McKay')
    .replaceAll('ChatGPT', 'chatGPT')
    .replace(/\bDjango\b/g, (m) => (++n <= 3 ? 'Langchain' : n === 4 ? 'cloud code' : n === 5 ? 'CloudCode' : m))
    .replaceAll('Mason Egger', 'Cloud Code');
}

function changedLineNumbers(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

/** Lines where a rule's FIND occurs as a whole word, found independently of the rule engine. */
function expectedLines(text: string): number[] {
  const terms = [/(?<![\w])Matt McKay(?![\w])/, /(?<![\w])Langchain(?![\w])/, /(?<![\w])Cloud Code(?![\w])/, /(?<![\w])chatGPT(?![\w])/];
  return text.split('\n').flatMap((line, i) => (!line.includes('-->') && terms.some((t) => t.test(line)) ? [i + 1] : []));
}

describe('corrections on the talkpython pairs', () => {
  const { rules, diagnostics } = parseRules(RULES);

  it('parses the rules file', () => {
    expect(diagnostics).toEqual([]);
    expect(rules.map((r) => [r.line, r.find, r.replace])).toEqual([
      [2, 'Matt McKay', 'Matt Makai'], [3, 'Langchain', 'LangChain'], [4, 'Cloud Code', 'Claude Code'], [5, 'chatGPT', 'ChatGPT'],
    ]);
  });

  for (const episode of ['515-temporal', '518-django-birthday']) {
    it(`${episode}: changes exactly the lines holding a term, in the VTT and the TXT alike`, () => {
      for (const ext of ['vtt', 'txt'] as const) {
        const seeded = seed(read(`${episode}.${ext}`));
        const result = correctTranscript(seeded, rules, ext);
        const fixed = applyChanges(seeded, result.changes);
        const expected = expectedLines(seeded);
        expect(expected.length).toBeGreaterThan(0);
        expect(changedLineNumbers(seeded, fixed)).toEqual(expected);
        // Each changed line differs from the seeded one only by the replacements.
        for (const n of expected) {
          const line = seeded.split('\n')[n - 1]!;
          const want = line.replace(/Matt McKay/g, 'Matt Makai').replace(/\bLangchain\b/g, 'LangChain').replace(/Cloud Code/g, 'Claude Code').replace(/\bchatGPT\b/g, 'ChatGPT');
          expect(fixed.split('\n')[n - 1]).toBe(want);
        }
        if (ext === 'vtt') expect(parseVtt(fixed).cues.map((c) => [c.start, c.end])).toEqual(parseVtt(seeded).cues.map((c) => [c.start, c.end]));
      }
    });
  }

  it('reports the case and spacing variants it did not change (near-misses)', () => {
    const seeded = seed(read('518-django-birthday.txt'));
    const result = correctTranscript(seeded, rules, 'txt');
    const misses = result.nearMisses.map((m) => [m.found, m.why, m.rule.find]);
    expect(misses).toContainEqual(['cloud code', 'case', 'Cloud Code']);
    expect(misses).toContainEqual(['CloudCode', 'spacing', 'Cloud Code']);
    expect(applyChanges(seeded, result.changes)).toContain('cloud code');
  });

  it('never matches inside a word: `through` and `brought` keep their "rough"', () => {
    const rough = parseRules('rough\truff').rules;
    for (const name of ['515-temporal.txt', '515-temporal.vtt', '518-django-birthday.txt', '518-django-birthday.vtt']) {
      const text = read(name);
      expect(text).toMatch(/rough/);
      expect(correctTranscript(text, rough).changes).toEqual([]);
    }
  });

  it('leaves a file byte-identical when no rule matches', () => {
    const original = read('515-temporal.vtt');
    const result = correctTranscript(original, parseRules('Matt McKay\tMatt Makai').rules, 'vtt');
    expect(result.changes).toEqual([]);
  });
});

describe('rule options', () => {
  it('applies the rough -> ruff context rule, keeping every space', () => {
    const { rules } = parseRules('rough\truff\tbefore=install|run|uvx');
    const text = 'uv tool install rough and UVX rough check, but a rough week; pip install rough.';
    const out = applyChanges(text, correctTranscript(text, rules, 'txt').changes);
    expect(out).toBe('uv tool install ruff and UVX ruff check, but a rough week; pip install ruff.');
  });

  it('changes only the term: spaces and punctuation around it stay (never `pipinstall`)', () => {
    const { rules } = parseRules('rough\truff\tbefore=install|run|uvx');
    const text = 'pip install rough\n\n00:01:02 uvx  rough, (run rough)';
    const { changes } = correctTranscript(text, rules, 'txt');
    // Each change lies inside its `rough` (the shared `r` is kept): `ough` -> `uff`.
    const at = [...text.matchAll(/rough/g)].map((m) => m.index);
    expect(changes).toEqual(at.map((i) => ({ from: i + 1, to: i + 5, insert: 'uff' })));
    const out = applyChanges(text, changes);
    expect(out).toBe('pip install ruff\n\n00:01:02 uvx  ruff, (run ruff)');
    expect(out).not.toContain('pipinstall');
  });

  it('reports a context rule\'s case variants only where its context holds', () => {
    const { rules } = parseRules('rough\truff\tbefore=install|run|uvx');
    const text = 'uv tool install Rough, a Rough week, UVX Ruff and uvx rough';
    const result = correctTranscript(text, rules, 'txt');
    expect(result.nearMisses.map((m) => [m.found, m.why, m.from])).toEqual([['Rough', 'case', 16]]);
    expect(applyChanges(text, result.changes)).toBe('uv tool install Rough, a Rough week, UVX Ruff and uvx ruff');
  });

  it('matches whole words only, case-sensitively unless i, and supports after= and regular expressions', () => {
    const apply = (rulesText: string, text: string) => applyChanges(text, correctTranscript(text, parseRules(rulesText).rules, 'txt').changes);
    expect(apply('rough\truff', 'roughly rough Rough')).toBe('roughly ruff Rough');
    expect(apply('rough\truff\ti', 'roughly rough Rough')).toBe('roughly ruff ruff');
    expect(apply('rough\truff\tafter=check|format', 'rough check and rough draft')).toBe('ruff check and rough draft');
    expect(apply('py(\\d)\tPython $1\tre', 'py3 and py2 but spy3')).toBe('Python 3 and Python 2 but spy3');
    expect(apply('C++\tC plus plus', 'I like C++, not C.')).toBe('I like C plus plus, not C.');
  });

  it('names the line and column of a bad rule', () => {
    const { rules, diagnostics } = parseRules('# ok\nrough\truff\n\nno tab here\nfoo(\tbar\tre\nx\ty\tbogus');
    expect(rules).toHaveLength(1);
    expect(diagnostics.map((d) => [d.line, d.column, d.message.split(' (')[0]])).toEqual([
      [4, 1, 'expected FIND<TAB>REPLACE[<TAB>OPTIONS]'],
      [5, 1, expect.stringContaining('invalid regular expression')],
      [6, 5, "unknown option 'bogus'"],
    ]);
  });

  it('reads CRLF and BOM rules files, indented comments and spaced options', () => {
    const { rules, diagnostics } = parseRules('\uFEFF  # comment\r\nLangchain\tLangChain\t i , after=is|was \r\n\r\nx\ty\r\n');
    expect(diagnostics).toEqual([]);
    expect(rules.map((r) => [r.line, r.find, r.ignoreCase, r.after && [...r.after]])).toEqual([[2, 'Langchain', true, ['is', 'was']], [4, 'x', false, null]]);
  });

  it('rejects empty FIND, an empty word list, extra fields and a regex matching nothing', () => {
    const { diagnostics } = parseRules('\tx\na\tb\tbefore=\na\tb\ti\textra\n(x)?\ty\tre');
    expect(diagnostics.map((d) => [d.line, d.column, d.offset])).toEqual([[1, 1, 0], [2, 5, 7], [3, 6, 20], [4, 1, 27]]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'FIND is empty', "option 'before=' lists no words", 'too many tab-separated fields (expected at most 3)', 'the regular expression matches empty text',
    ]);
  });

  it('never touches timestamps or speaker times in TXT, nor timing lines in VTT', () => {
    const rules = parseRules('00\tXX\n12\tYY').rules;
    const txt = '00:00:12 we counted 00 and 12\n\nWill Vincent 0:12\nsaid 12\n';
    expect(applyChanges(txt, correctTranscript(txt, rules, 'txt').changes)).toBe('00:00:12 we counted XX and YY\n\nWill Vincent 0:12\nsaid YY\n');
    const vtt = 'WEBVTT\n\n00:00:12.000 --> 00:00:13.000\n12 and 00\n';
    expect(applyChanges(vtt, correctTranscript(vtt, rules, 'vtt').changes)).toBe('WEBVTT\n\n00:00:12.000 --> 00:00:13.000\nYY and XX\n');
  });
});
