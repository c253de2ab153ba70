import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { correctTranscript, parseRules, textSpans } from './index';

const fix = (rulesText: string, text: string) => {
  const { rules, diagnostics } = parseRules(rulesText);
  expect(diagnostics).toEqual([]);
  return applyChanges(text, correctTranscript(text, rules).changes);
};

const cue = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${text}\n`;

describe('corrections change words only, whatever the file is called', () => {
  it('an SRT saved as .txt keeps its cue numbers and timings (rule 00 -> 11)', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nwe counted 00 twice\n\n2\n00:00:02,000 --> 00:00:03,500\n00 again\n';
    expect(fix('00\t11\n1\tone', srt)).toBe('1\n00:00:01,000 --> 00:00:02,000\nwe counted 11 twice\n\n2\n00:00:02,000 --> 00:00:03,500\n11 again\n');
  });

  it('an SRT without its first number, read as TXT, still keeps its timing lines and numbers', () => {
    const text = '00:00:01,000 --> 00:00:02,000\nstart 00\n\n2\n00:00:02,000 --> 00:00:03,000\nnext\n';
    expect(fix('00\t11\n2\ttwo', text)).toBe('00:00:01,000 --> 00:00:02,000\nstart 11\n\n2\n00:00:02,000 --> 00:00:03,000\nnext\n');
  });

  it('a WebVTT with a misspelt signature (read as TXT) keeps its header line and timings', () => {
    const text = 'webvtt start\n\n00:00:01.000 --> 00:00:02.000 align:start\nwe start\n';
    expect(fix('start\tbeginning\nwebvtt\tX', text)).toBe(text.replace('we start', 'we beginning'));
  });

  it('a WebVTT keeps its header, ids, settings, NOTE and STYLE (rule start -> beginning)', () => {
    const vtt = 'WEBVTT start\n\nSTYLE\n::cue(.start) { color: red }\n\nstart\n00:00:01.000 --> 00:00:02.000 align:start position:10%,line-left\nwe start now\n\nNOTE start here\n';
    expect(fix('start\tbeginning\nline\tLINE', vtt)).toBe(vtt.replace('we start now', 'we beginning now'));
  });
});

describe('markup is never matched', () => {
  it.each([
    ['i\tI', '<i>hi</i> i think', '<i>hi</i> I think'],
    ['i\tI', '<c.i.b>i</c> and <i.i>so</i>', '<c.i.b>I</c> and <i.i>so</i>'],
    ['Bob\tRob', '<v Bob>Bob said</v>', '<v Bob>Rob said</v>'],
    ['00\tXX', 'one <00:00:01.500>two 00', 'one <00:00:01.500>two XX'],
    ['amp\tX\nlt\tY', 'Tom &amp; Jerry &lt;3 amp', 'Tom &amp; Jerry &lt;3 X'],
    ['ruby\tR\nrt\tT', '<ruby>ruby <rt>rt</rt></ruby>', '<ruby>R <rt>T</rt></ruby>'],
    ['lang\tL\nen\tE', '<lang en>lang en</lang>', '<lang en>L E</lang>'],
  ])('rule %j on %j', (rules, text, want) => {
    expect(fix(rules, cue(text))).toBe(cue(want));
  });

  it('a word cut by markup is one word: `Py` is not matched in <b>Py</b>thon nor caf in caf&eacute;', () => {
    expect(fix('Py\tPie\ncaf\tcoffee', cue('<b>Py</b>thon and caf&eacute; but <b>Py</b> and caf'))).toBe(cue('<b>Py</b>thon and caf&eacute; but <b>Pie</b> and coffee'));
  });

  it('before= and after= see the word across markup within a cue, never across cues', () => {
    const rules = 'rough\truff\tbefore=install\ncheck\tCHECK\tafter=now';
    expect(fix(rules, cue('pip install <i>rough</i> and <b>check</b> <i>now</i>'))).toBe(cue('pip install <i>ruff</i> and <b>CHECK</b> <i>now</i>'));
    const twoCues = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\ninstall\n\n00:00:02.000 --> 00:00:03.000\nrough\n';
    expect(fix(rules, twoCues)).toBe(twoCues);
  });

  it('SRT and TXT tags and {\\an8} overrides are markup too', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>i</i> <font color="i">an</font>\n';
    expect(fix('i\tI\nan\tAN\nfont\tF', srt)).toBe('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>I</i> <font color="i">AN</font>\n');
  });

  it('spans never include markup', () => {
    const text = cue('<v.loud Ann Lee>hi &amp; <i>bye</i><00:00:01.200> ok</v>');
    const pieces = textSpans(text).map((s) => text.slice(s.from, s.to));
    expect(pieces).toEqual(['hi ', ' ', 'bye', ' ok']);
  });
});

describe('a replacement that would create markup is refused', () => {
  it('in the rules file, at its line and column', () => {
    const { rules, diagnostics } = parseRules('ok\tfine\nto\ta --> b\nit\t<b>it</b>\nand\t&amp;\nx\t{\\an8}x');
    expect(rules.map((r) => r.line)).toEqual([1]);
    expect(diagnostics.map((d) => [d.line, d.column, d.message.split(' (')[0]])).toEqual([
      [2, 6, 'the replacement would write markup'],
      [3, 4, 'the replacement would write markup'],
      [4, 5, 'the replacement would write markup'],
      [5, 3, 'the replacement would write markup'],
    ]);
  });

  it('at run time, where a match would form `-->` with its neighbours', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx> y and x z\n';
    const { rules } = parseRules('(x)\t$1--\tre');
    const result = correctTranscript(text, rules);
    expect(applyChanges(text, result.changes)).toBe(text.replace('x z', 'x-- z'));
    expect(result.refused.map((h) => [h.from, h.found, h.replacement])).toEqual([[text.indexOf('x>'), 'x', 'x--']]);
  });
});

describe('regular expressions run in linear time', () => {
  it('the pattern that took 16 s on one 42-character cue finishes, with the same matches as JavaScript', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthis cue has many words and no semicolon x\n\n00:00:02.000 --> 00:00:03.000\nbut this one has; it\n';
    const { rules } = parseRules('(\\w+\\s?)+;\tX;\tre');
    expect(rules[0]!.matcher.engine).toBe('re2');
    expect(applyChanges(text, correctTranscript(text, rules).changes)).toBe(text.replace('but this one has;', 'X;'));
  });

  it('supports groups, named groups, lookbehind, case folding and \\u escapes', () => {
    expect(fix('py(\\d)\tPython $1\tre', cue('py3 and spy3'))).toBe(cue('Python 3 and spy3'));
    expect(fix('(?<major>\\d)\\.x\tv$<major>\tre', cue('use 3.x now'))).toBe(cue('use v3 now'));
    expect(fix('(?<=pip )rough\truff\tre', cue('pip rough, a rough day'))).toBe(cue('pip ruff, a rough day'));
    expect(fix('ÉCOLE\tÉcole\tre,i', cue('une école'))).toBe(cue('une École'));
    expect(fix('caf\\u00e9\tcafe\tre', cue('un café'))).toBe(cue('un cafe'));
  });

  it('reports lookahead and backreferences, which RE2 lacks, at their column', () => {
    const { rules, diagnostics } = parseRules('rough(?! week)\truff\tre\n(\\w+) \\1\t$1\tre\nok\tfine\n(?<=(pip) )rough\truff\tre');
    expect(rules.map((r) => r.line)).toEqual([3]);
    expect(diagnostics.map((d) => [d.line, d.column, d.message.split(/ is not| cannot/)[0]])).toEqual([
      [1, 6, "lookahead '(?!'"],
      [2, 7, "backreference '\\1'"],
      [4, 1, "lookbehind '(?<=(pip) )rough'"],
    ]);
  });

  it('a rule over its time budget is skipped and reported, the others still apply', () => {
    const text = cue('py3 and rough');
    const { rules } = parseRules('py(\\d)\tPython $1\tre\nrough\truff');
    let now = 0;
    // Each look at the clock is 1.5 s later: the regex rule is over its 2 s budget at its second span.
    const clock = { budgetMs: 2000, now: () => (now += 1500) };
    const twoSpans = text + '\n00:00:02.000 --> 00:00:03.000\npy4\n';
    const result = correctTranscript(twoSpans, rules, 'vtt', clock);
    expect(result.overBudget.map((r) => r.line)).toEqual([1]);
    expect(applyChanges(twoSpans, result.changes)).toBe(twoSpans.replace('rough', 'ruff'));
  });
});
