/**
 * Conformance with the W3C WebVTT parser algorithm. Each case states what the
 * algorithm gives (worked out from the spec's steps, not from our parser), and every
 * case and thousands of random documents are also checked against `specParse`, a
 * literal transcription of the algorithm (spec-oracle.ts). Where media-captions (a
 * browser-like parser) follows the spec, it is compared too.
 */
import fc from 'fast-check';
import { parseText } from 'media-captions';
import { describe, expect, it } from 'vitest';
import { toJson } from './json';
import { parseVtt } from './parser';
import { specParse, type OracleResult } from './spec-oracle';

/** Our parse in the oracle's shape: what a browser exposes (nothing when the signature fails). */
function browserView(text: string): OracleResult {
  const j = toJson(parseVtt(text));
  if (!j.valid) return { valid: false, cues: [], regions: [], styles: [] };
  return { valid: true, cues: j.cues.map(({ speaker: _s, ...c }) => c), regions: j.regions, styles: j.styles };
}

const cueTexts = (text: string) => browserView(text).cues.map((c) => c.text);

function diagnosticAt(text: string, severity: string): string[] {
  return parseVtt(text).diagnostics.filter((d) => d.severity === severity).map((d) => `${d.line}:${d.column}`);
}

const CUE = '00:00:01.000 --> 00:00:02.000';

describe('signature', () => {
  it.each([
    ['WEBVTT', true],
    ['WEBVTT\n', true],
    ['WEBVTT \n', true],
    ['WEBVTT\tdescription\n', true],
    ['\ufeffWEBVTT\n', true],
    ['WEBVTT\r\n', true],
    ['WEBVTT\r', true],
    ['webvtt\n', false],
    ['WEBVTTX\n', false],
    ['WEBVTT\u00a0\n', false],
    ['WEBVTT\f\n', false],
    ['\ufeff\ufeffWEBVTT\n', false],
    [' WEBVTT\n', false],
    ['WEBVT\n', false],
    ['WEBVTT\u0000\n', false],
    ['1\n00:00:01,000 --> 00:00:02,000\nan SRT file\n', false],
    ['', false],
  ])('%j → valid %s', (head, valid) => {
    const text = `${head}\n${CUE}\nhello\n`;
    expect(browserView(text).valid).toBe(valid);
    expect(specParse(text).valid).toBe(valid);
    const errors = diagnosticAt(text, 'error');
    if (valid) expect(errors).toEqual([]);
    else expect(errors[0]).toMatch(/^1:\d+$/);
  });

  it('the empty file: invalid, no cues, one error at 1:1', () => {
    expect(browserView('')).toEqual({ valid: false, cues: [], regions: [], styles: [] });
    expect(parseVtt('').diagnostics).toMatchObject([{ line: 1, column: 1, severity: 'error' }]);
  });

  it('a file of only the signature is valid with no cues', () => {
    for (const t of ['WEBVTT', 'WEBVTT\n', 'WEBVTT\n\n']) expect(browserView(t)).toEqual({ valid: true, cues: [], regions: [], styles: [] });
  });
});

describe('preprocessing', () => {
  it('NUL becomes U+FFFD in ids, text, notes and styles, with one warning per block', () => {
    const text = `WEBVTT\n\nSTYLE\n::cue { content: "\u0000" }\n\nid\u0000\n${CUE}\na\u0000b\u0000\n`;
    const view = browserView(text);
    expect(view.cues).toMatchObject([{ id: 'id\ufffd', text: 'a\ufffdb\ufffd' }]);
    expect(view.styles).toEqual(['::cue { content: "\ufffd" }']);
    expect(diagnosticAt(text, 'warning')).toEqual(['4:19', '6:3']);
    expect(view).toEqual(specParse(text));
  });

  it('a region id with a NUL is found by a cue setting with a NUL or a U+FFFD', () => {
    const text = `WEBVTT\n\nREGION\nid:r\u0000\n\n${CUE} region:r\u0000\na\n\n${CUE} region:r\ufffd\nb\n`;
    const view = browserView(text);
    expect(view.regions.map((r) => r.id)).toEqual(['r\ufffd']);
    expect(view.cues.map((c) => c.settings.region)).toEqual(['r\ufffd', 'r\ufffd']);
    expect(view).toEqual(specParse(text));
  });

  it('CR and CRLF line ends read as LF', () => {
    for (const eol of ['\r', '\r\n']) {
      const text = ['WEBVTT', '', 'id', CUE, 'one', 'two', ''].join(eol);
      expect(browserView(text).cues).toMatchObject([{ id: 'id', text: 'one\ntwo' }]);
    }
  });
});

describe('cue-level errors drop only that cue, with a line:col error', () => {
  const withBad = (timing: string) => `WEBVTT\n\n${CUE}\nfirst\n\n${timing}\nbad\n\n00:00:05.000 --> 00:00:06.000\nlast\n`;
  it.each([
    ['minute 60', '00:60:00.000 --> 00:61:00.000', '6:4'],
    ['second 60', '00:00:60.000 --> 00:01:00.000', '6:7'],
    ['two fraction digits', '00:00:03.00 --> 00:00:04.000', '6:10'],
    ['four fraction digits', '00:00:03.0000 --> 00:00:04.000', '6:10'],
    ['one minute digit', '00:0:03.000 --> 00:00:04.000', '6:4'],
    ['three second digits', '00:00:003.000 --> 00:00:04.000', '6:7'],
    ['comma milliseconds', '00:00:03,000 --> 00:00:04,000', '6:9'],
    ['garbage after the arrow', '00:00:03.000 --> later', '6:18'],
    ['garbage before the arrow', '00:00:03.000 x --> 00:00:04.000', '6:14'],
    ['no start', '--> 00:00:04.000', '6:1'],
  ])('%s', (_name, timing, at) => {
    const text = withBad(timing);
    const kept = cueTexts(text);
    expect(kept[0]).toBe('first');
    expect(kept.at(-1)).toBe('last');
    expect(kept).not.toContain('bad');
    expect(diagnosticAt(text, 'error')).toEqual([at]);
    expect(browserView(text)).toEqual(specParse(text));
  });

  it("an id containing '-->' is read as a failed timing line: only that line is dropped", () => {
    const text = `WEBVTT\n\na-->b\n${CUE}\nkept\n`;
    expect(browserView(text).cues).toMatchObject([{ id: '', text: 'kept' }]);
    expect(diagnosticAt(text, 'error')).toEqual(['3:1']);
    expect(browserView(text)).toEqual(specParse(text));
  });

  it('a timing line cut off at the end of the file', () => {
    const text = `WEBVTT\n\n${CUE}\nfirst\n\n00:00:03.000 --> 00:00:0`;
    expect(cueTexts(text)).toEqual(['first']);
    expect(diagnosticAt(text, 'error')).toEqual(['6:24']);
  });

  it('whitespace variants around the arrow are accepted (tabs, form feeds, none); NBSP is not', () => {
    for (const sep of ['\t', '\f', '', '   ']) expect(cueTexts(`WEBVTT\n\n00:01.000${sep}-->${sep}00:02.000\nx\n`)).toEqual(['x']);
    const nbsp = 'WEBVTT\n\n00:01.000\u00a0-->\u00a000:02.000\nx\n';
    expect(cueTexts(nbsp)).toEqual([]);
    expect(diagnosticAt(nbsp, 'error')).toEqual(['3:10']);
  });

  it('zero-length cues are kept, with a warning, not an error', () => {
    const text = `WEBVTT\n\n00:31:58.580 --> 00:31:58.580\nzero\n`;
    expect(browserView(text).cues).toMatchObject([{ start: 1918.58, end: 1918.58, text: 'zero' }]);
    expect(diagnosticAt(text, 'error')).toEqual([]);
    expect(diagnosticAt(text, 'warning')).toEqual(['3:18']);
  });

  it('end before start: the cue is kept (the algorithm does not check), as an error', () => {
    const text = 'WEBVTT\n\n00:05.000 --> 00:04.000\nback\n';
    expect(browserView(text).cues).toMatchObject([{ start: 5, end: 4 }]);
    expect(diagnosticAt(text, 'error')).toEqual(['3:15']);
  });

  it('hours of any width, hours-less timestamps, and text after the end time', () => {
    const text = 'WEBVTT\n\n123:00:00.000 --> 123:00:01.000\na\n\n59:59.999 --> 60:00:00.000\nb\n\n00:01.000 --> 00:02.000x\nc\n';
    expect(browserView(text).cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [442800, 442801, 'a'],
      [3599.999, 216000, 'b'],
      [1, 2, 'c'],
    ]);
  });
});

describe('blocks', () => {
  it('STYLE after a cue is ignored; before the first cue (after NOTEs) it is kept', () => {
    const text = `WEBVTT\n\nNOTE x\n\nSTYLE\n::cue { color: red }\n\n${CUE}\nhi\n\nSTYLE\n::cue { color: blue }\n`;
    expect(browserView(text).styles).toEqual(['::cue { color: red }']);
    expect(browserView(text)).toEqual(specParse(text));
  });

  it('STYLE after a block whose timing failed is still a style sheet (no cue was seen)', () => {
    const text = 'WEBVTT\n\n00:61.000 --> 00:62.000\nbad\n\nSTYLE\n::cue {}\n';
    expect(browserView(text)).toMatchObject({ cues: [], styles: ['::cue {}'] });
  });

  it('STYLE with trailing spaces counts; STYLEX, a one-line STYLE and STYLE in the header do not', () => {
    expect(browserView('WEBVTT\n\nSTYLE  \n::cue {}\n').styles).toEqual(['::cue {}']);
    expect(browserView('WEBVTT\n\nSTYLEX\n::cue {}\n').styles).toEqual([]);
    expect(browserView('WEBVTT\n\nSTYLE\n').styles).toEqual([]);
    expect(browserView('WEBVTT\nSTYLE\n::cue {}\n').styles).toEqual([]);
  });

  it("a '-->' line inside a STYLE block ends it there and starts a new block", () => {
    const text = 'WEBVTT\n\nSTYLE\n::cue {}\n00:01.000 --> 00:02.000\nx\n';
    expect(browserView(text)).toMatchObject({ styles: ['::cue {}'], cues: [{ text: 'x' }] });
  });

  it('STYLE followed by a timing line is a cue with the id STYLE', () => {
    expect(browserView(`WEBVTT\n\nSTYLE\n${CUE}\nx\n`).cues).toMatchObject([{ id: 'STYLE', text: 'x' }]);
  });

  it('REGION: settings over several lines, defaults, bad values skipped, last duplicate id wins', () => {
    const text = [
      'WEBVTT', '',
      'REGION', 'id:a width:40%', 'lines:2 scroll:up', 'regionanchor:10%,20% viewportanchor:x', '',
      'REGION', 'id:b width:101% lines:-1 scroll:down', '',
      'REGION', 'id:a width:60%', '',
      `${CUE} region:a`, 'in a', '',
      `${CUE} region:b line:0`, 'line drops the region', '',
      `${CUE} region:nope`, 'unknown', '',
    ].join('\n');
    const view = browserView(text);
    expect(view.regions).toEqual([
      { id: 'a', width: 40, lines: 2, regionAnchorX: 10, regionAnchorY: 20, viewportAnchorX: 0, viewportAnchorY: 100, scroll: 'up' },
      { id: 'b', width: 100, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '' },
      { id: 'a', width: 60, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '' },
    ]);
    expect(view.cues.map((c) => c.settings.region)).toEqual(['a', null, null]);
    expect(view).toEqual(specParse(text));
  });

  it('REGION after a cue, or in the header, is not a region', () => {
    expect(browserView(`WEBVTT\n\n${CUE}\nx\n\nREGION\nid:late\n`).regions).toEqual([]);
    expect(browserView(`WEBVTT\nREGION\nid:head\n\n${CUE}\nx\n`).regions).toEqual([]);
  });

  it('header text, a cue right after the header line, ids, and NOTE blocks', () => {
    expect(cueTexts(`WEBVTT\nKind: captions\nLanguage: en\n\n${CUE}\nx\n`)).toEqual(['x']);
    expect(cueTexts(`WEBVTT\n${CUE}\nright after\n`)).toEqual(['right after']);
    expect(browserView(`WEBVTT\n\nNOTE\n${CUE}\nx\n`).cues).toMatchObject([{ id: 'NOTE', text: 'x' }]);
    expect(browserView(`WEBVTT\n\nNOTE a\nb\n\n${CUE}\nx\n`).cues).toHaveLength(1);
  });

  it('a missing blank line: the next timing line starts a new cue; the line before it stays in the previous one', () => {
    const text = `WEBVTT\n\n${CUE}\none\n2\n00:00:03.000 --> 00:00:04.000\ntwo\n`;
    expect(browserView(text).cues.map((c) => [c.id, c.text])).toEqual([['', 'one\n2'], ['', 'two']]);
    expect(diagnosticAt(text, 'warning')).toEqual(['6:1']);
  });
});

describe('against the oracle', () => {
  const pieces = [
    'WEBVTT', 'WEBVTT ', 'webvtt', '\n', '\r\n', '\r', '\n\n', 'STYLE', 'STYLE ', 'REGION', 'NOTE', 'NOTE x', '\u0000', '\t', ' ', '\f', '\u00a0', ':', ',', '%', '-', '\ufeff',
    'id:r1 width:40%', 'id:r2 regionanchor:10%,20% viewportanchor:0%,100%', 'lines:2', 'scroll:up', 'width:101%', 'id:',
    '00:00.000 --> 00:01.000', '00:01.000 --> 00:02.000 region:r1', '00:00:02.000 --> 00:00:03.000 align:start line:0', '00:02.000-->00:03.000',
    '00:02.000 --> 00:0', '00:61.000 --> 00:62.000', '1:00:00.000 --> 1:00:01.000', '00:00.000 --> 00:00.000', '00:05.000 --> 00:04.000',
    '00:00,000 --> 00:01,000', '00:00.000 -> 00:01.000', '00:00.000\f-->\f00:01.000', '00:00.000 --> 00:01.0000', '00:00:00.000 --> 00:00:01.000region:r1',
    'x --> y', 'text', '<v A>hi', '::cue{}', '-->', 'a', '1',
    'line:50%,end position:10%,line-left size:50%', 'vertical:rl region:r1', 'line:-1.5 position:50%,center align:right', 'line:1.', 'line:.5', 'line:0,bogus',
    'size:100% region:r1', 'region:r1 size:50%', 'line:0 region:r2', 'align:left', 'vertical:lr', 'size:', 'a:b:c',
  ];
  it('random documents of signature variants, blocks, settings and damaged lines parse as the algorithm says', () => {
    const doc = fc.tuple(fc.constantFrom('WEBVTT\n\n', 'WEBVTT\n', 'WEBVTT', ''), fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 30 }));
    fc.assert(
      fc.property(doc, ([head, parts]) => {
        const text = head + parts.join('');
        expect(browserView(text)).toEqual(specParse(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('against media-captions, where it follows the algorithm', () => {
  it.each([
    ['a bad cue among good ones', `WEBVTT\n\n00:60.000 --> 00:61.000\nbad\n\n${CUE}\nok\n\n00:03.000 --> 00:04.000\nok too\n`],
    ['a timing line cut off at the end', `WEBVTT\n\n${CUE}\na\n\n00:03.000 --> 00:0`],
    ['STYLE after a cue', `WEBVTT\n\n${CUE}\na\n\nSTYLE\n::cue { color: red }\n`],
    ['a region', `WEBVTT\n\nREGION\nid:r width:40% lines:2\n\n${CUE} region:r\na\n`],
    ['ids and multi-line text', `WEBVTT\n\nintro\n${CUE}\nline one\nline two\n`],
  ])('%s', async (_name, text) => {
    const theirs = await parseText(text, { type: 'vtt', strict: false });
    const ours = browserView(text).cues;
    expect(ours.map((c) => [c.id, c.start, c.end, c.text, c.settings.region])).toEqual(theirs.cues.map((c) => [c.id, c.startTime, c.endTime, c.text, c.region?.id ?? null]));
  });
});
