import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../model/text-change';
import {
  contextBefore,
  cueSpeaker,
  cueTextToPlain,
  findRun,
  insertCue,
  parseBlock,
  parseCueText,
  parseVtt,
  removeCue,
  retimeCue,
  serializeVtt,
  setCueText,
  toJson,
  writeVtt,
  type VttDocument,
} from './index';

const FIXTURES = `${__dirname}/../../../../shared/fixtures`;
const read = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');
const talkpython = readdirSync(join(FIXTURES, 'talkpython')).filter((f) => f.endsWith('.vtt')).map((f) => `talkpython/${f}`);
const snippets = readdirSync(join(FIXTURES, 'snippets')).filter((f) => f.endsWith('.vtt')).map((f) => `snippets/${f}`);

const errors = (doc: VttDocument) => doc.diagnostics.filter((d) => d.severity === 'error');
const arrowLines = (text: string) => text.split('\n').filter((l) => l.includes('-->')).length;

describe('real fixtures', () => {
  it.each([...talkpython, ...snippets])('%s parses cleanly, one cue per timing line, and round-trips', (rel) => {
    const text = read(rel);
    const doc = parseVtt(text);
    expect(doc.signature.valid).toBe(true);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.cues.length).toBe(arrowLines(text));
    expect(serializeVtt(doc)).toBe(text);
    // Every range points at what it claims: the timing line re-reads as the cue's times.
    for (const cue of doc.cues) {
      expect(text.slice(cue.textRange.from, cue.textRange.to)).toBe(cue.text);
      expect(text.slice(cue.timingRange.from, cue.timingRange.to)).toContain('-->');
    }
    // These files are in the writer's own shape, so writing their cues reproduces them.
    expect(writeVtt(doc.cues)).toBe(text);
  });

  it('515 has the cues the file shows', () => {
    const doc = parseVtt(read('talkpython/515-temporal.vtt'));
    expect(doc.cues.length).toBe(1287);
    const first = doc.cues[0]!;
    expect([first.id, first.start, first.end, first.speaker]).toEqual(['', 0.02, 4.74, null]);
    expect(first.text).toBe("What if your code was crash-proof? That's the value prop for a framework called Temporal.");
    const last = doc.cues.at(-1)!;
    expect([last.start, last.end, last.text]).toEqual([4221.3, 4222.88, 'Now get out there and write some Python code.']);
    expect(first.startStyle.hours).toBe(true);
  });

  it('518 and its YouTube pass', () => {
    const a = parseVtt(read('talkpython/518-django-birthday.vtt'));
    expect(a.cues.length).toBe(874);
    expect([a.cues[0]!.start, a.cues[0]!.end]).toEqual([0.12, 8.88]);
    const yt = parseVtt(read('talkpython/youtube-518-celebrating-django-s-20th-birthday-with-its-creators.vtt'));
    expect(yt.cues.length).toBe(691);
    expect(yt.cues.at(-1)!.text).toBe('Happy birthday, Django. Happy birthday, Django.');
    expect([yt.cues.at(-1)!.start, yt.cues.at(-1)!.end]).toEqual([4068.48, 4071.28]);
  });

  it('overlapping cues are kept as written and not flagged', () => {
    const doc = parseVtt(read('snippets/vtt_overlap_515.vtt'));
    expect(doc.cues.length).toBe(5);
    const [, , third, fourth] = doc.cues;
    expect(third!.end).toBe(2083.76);
    expect(fourth!.start).toBe(2083.62);
    expect(Math.round((third!.end - fourth!.start) * 1000)).toBe(140);
    expect(doc.diagnostics).toEqual([]);
  });

  it('the 2,020-character, 100-second cue and the 0.02-second cue', () => {
    const long = parseVtt(read('snippets/vtt_100s_2020char_cue_517.vtt')).cues[1]!;
    expect(long.text.length).toBe(2020);
    expect(Math.round((long.end - long.start) * 1000)).toBe(100_009);
    const tiny = parseVtt(read('snippets/vtt_tiny_cue_0.02s_518yt.vtt')).cues.find((c) => c.text === 'so')!;
    expect([tiny.start, tiny.end]).toEqual([1765.32, 1765.34]);
  });
});

describe('lossless edits', () => {
  const text = read('snippets/vtt_overlap_515.vtt');
  const doc = parseVtt(text);

  it('retiming one cue changes only its timestamp bytes', () => {
    const cue = doc.cues[3]!;
    const changes = retimeCue(doc, cue, { start: 2083.8 });
    expect(changes).toEqual([{ from: cue.startRange.from, to: cue.startRange.to, insert: '00:34:43.800' }]);
    const edited = applyChanges(text, changes);
    expect(edited.replace('00:34:43.800', '00:34:43.620')).toBe(text);
    expect(parseVtt(edited).cues[3]!.start).toBe(2083.8);
    expect(retimeCue(doc, cue, { start: cue.start, end: cue.end })).toEqual([]);
  });

  it('hours-less timestamps stay hours-less under an hour and gain hours after', () => {
    const d = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.500\nhi\n');
    const c = d.cues[0]!;
    expect(applyChanges(d.text, retimeCue(d, c, { end: 59 * 60 + 1.25 }))).toBe('WEBVTT\n\n00:01.000 --> 59:01.250\nhi\n');
    expect(applyChanges(d.text, retimeCue(d, c, { end: 3600 + 2 }))).toBe('WEBVTT\n\n00:01.000 --> 01:00:02.000\nhi\n');
    const h3 = parseVtt('WEBVTT\n\n100:00:01.000 --> 100:00:02.000\nx');
    expect(applyChanges(h3.text, retimeCue(h3, h3.cues[0]!, { start: 1 }))).toBe('WEBVTT\n\n000:00:01.000 --> 100:00:02.000\nx');
  });

  it('setting a cue text touches only that cue, in the file’s line ending', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const d = parseVtt(crlf);
    expect(d.eol).toBe('\r\n');
    const cue = d.cues[2]!;
    const edited = applyChanges(crlf, setCueText(d, cue, 'line one\n\nline two --> x'));
    expect(edited.slice(0, cue.textRange.from)).toBe(crlf.slice(0, cue.textRange.from));
    expect(edited.slice(edited.length - (crlf.length - cue.textRange.to))).toBe(crlf.slice(cue.textRange.to));
    const after = parseVtt(edited);
    expect(after.cues.length).toBe(5);
    expect(after.cues[2]!.text).toBe('line one\nline two --&gt; x');
    expect(errors(after)).toEqual([]);
  });

  it('inserts and removes cues, leaving the rest byte-identical', () => {
    const inserted = applyChanges(text, insertCue(doc, 1, { start: 2072, end: 2072.3, text: 'new cue' }));
    const d2 = parseVtt(inserted);
    expect(d2.cues.map((c) => c.text)[2]).toBe('new cue');
    expect(d2.cues.length).toBe(6);
    expect(errors(d2)).toEqual([]);
    const removed = applyChanges(inserted, removeCue(d2, d2.cues[2]!));
    expect(removed).toBe(text);
    // Removing the last cue keeps the file's trailing blank line.
    const noLast = applyChanges(text, removeCue(doc, doc.cues[4]!));
    expect(noLast.endsWith(`${doc.cues[3]!.text}\n\n`)).toBe(true);
    expect(parseVtt(noLast).cues.length).toBe(4);
    const atEnd = parseVtt(applyChanges(text, insertCue(doc, 99, { start: 3000, end: 3001, text: 'tail' })));
    expect(atEnd.cues.at(-1)!.text).toBe('tail');
    expect(atEnd.text.endsWith('tail\n\n')).toBe(true);
    // Before the first cue, and into an empty document.
    const front = parseVtt(applyChanges(text, insertCue(doc, -1, { id: 'intro', start: 1, end: 2, text: 'first' })));
    expect(front.cues[0]!.id).toBe('intro');
    const empty = parseVtt('');
    const fresh = applyChanges('', insertCue(empty, -1, { start: 0, end: 1, text: 'hello' }));
    expect(fresh).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhello\n');
    const headerOnly = parseVtt('WEBVTT\n');
    expect(applyChanges('WEBVTT\n', insertCue(headerOnly, -1, { start: 0, end: 1, text: 'x' }))).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n',
    );
  });

  it('reparsing one run gives the same cue as the full parse', () => {
    const full = parseVtt(read('talkpython/518-django-birthday.vtt'));
    const cue = full.cues[400]!;
    const run = findRun(full.text, cue.textRange.from + 3)!;
    expect(run).toEqual(cue.range);
    const [block] = parseBlock(full.text, run.from, run.to, contextBefore(full, run.from));
    expect(block?.kind === 'cue' && block.cue).toEqual(cue);
    expect(findRun(full.text, cue.range.to + 1)).toBeNull();
  });
});

describe('WebVTT spec details', () => {
  it('reads settings into VTTCue attribute values', () => {
    const doc = parseVtt(
      'WEBVTT\n\nREGION\nid:fred width:40% lines:3 regionanchor:0%,100% viewportanchor:10%,90% scroll:up\n\n' +
        '00:00.000 --> 00:01.000 vertical:rl line:-2,end position:30%,line-right size:50% align:left\na\n\n' +
        '00:01.000 --> 00:02.000 line:25% position:101% align:middle bogus\nb\n\n' +
        '00:02.000 --> 00:03.000 region:fred\nc\n\n' +
        '00:03.000 --> 00:04.000 region:fred line:1\nd\n\n' +
        '00:04.000 --> 00:05.000 region:nope line:1.5 size:100%\ne\n',
    );
    const s = doc.cues.map((c) => c.settings);
    expect(s[0]).toEqual({ vertical: 'rl', line: -2, snapToLines: true, lineAlign: 'end', position: 30, positionAlign: 'line-right', size: 50, align: 'left', region: null });
    expect(s[1]).toMatchObject({ line: 25, snapToLines: false, position: 'auto', align: 'center' });
    expect(s[2]!.region).toBe('fred');
    expect(s[3]).toMatchObject({ region: null, line: 1 });
    expect(s[4]).toMatchObject({ region: null, line: 1.5, snapToLines: true, size: 100 });
    expect(doc.regions).toEqual([
      { id: 'fred', width: 40, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 10, viewportAnchorY: 90, scroll: 'up' },
    ]);
    const warnings = doc.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
    expect(warnings).toEqual([
      "9:34 warning position must be a percentage 0%–100%, got '101%'; ignored",
      "9:48 warning align must be start, center, end, left or right, got 'middle'; ignored",
      "9:61 warning cue setting 'bogus' is not name:value; ignored",
      "18:25 warning region 'nope' is not defined by a REGION block above; ignored",
    ]);
    expect(doc.cues[1]!.settingTokens.map((t) => [t.name, t.applied])).toEqual([
      ['line', true],
      ['position', false],
      ['align', false],
      ['bogus', false],
    ]);
  });

  it('keeps NOTE and STYLE blocks; STYLE after a cue is ignored with a warning', () => {
    const doc = parseVtt('WEBVTT\n\nNOTE a comment\nspanning two lines\n\nSTYLE\n::cue { color: lime }\n\n00:00.000 --> 00:01.000\nx\n\nSTYLE\n::cue {}\n\nNOTE\n');
    expect(doc.notes).toEqual(['a comment\nspanning two lines', '']);
    expect(doc.styles).toEqual(['::cue { color: lime }']);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['note', 'style', 'cue', 'ignored', 'note']);
    expect(doc.diagnostics.map((d) => [d.line, d.severity])).toEqual([[12, 'warning']]);
  });

  it("'-->' in an identifier drops that line; the cue after it still parses", () => {
    const doc = parseVtt('WEBVTT\n\nbad-->id\n00:00.000 --> 00:01.000\ntext\n');
    expect(doc.cues.map((c) => [c.id, c.text])).toEqual([['', 'text']]);
    expect(doc.diagnostics[0]).toMatchObject({ line: 3, column: 1, severity: 'error' });
    expect(doc.diagnostics[0]!.message).toContain("identifier must not contain '-->'");
  });

  it("a NOTE containing '-->' is an error; a cue after it still parses", () => {
    const doc = parseVtt('WEBVTT\n\nNOTE a --> b\n\n00:00.000 --> 00:01.000\nx\n');
    expect(doc.cues.length).toBe(1);
    expect(doc.diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, 'error']]);
  });

  it("a text line with '-->' starts a new block, as the spec's parser does", () => {
    const doc = parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\none\n00:02.000 --> 00:03.000\ntwo\n');
    expect(doc.cues.map((c) => [c.start, c.text])).toEqual([
      [0, 'one'],
      [2, 'two'],
    ]);
  });

  it('cue text: tags, entities, voices', () => {
    expect(cueSpeaker('<v Roger Bingham>We are in New York City')).toBe('Roger Bingham');
    expect(cueSpeaker('<v.loud.first   Esme &amp; Co >It’s a blue apple tree!</v>')).toBe('Esme & Co');
    expect(cueSpeaker('<i>no voice</i> <valign>')).toBeNull();
    expect(cueTextToPlain('<v Bob><i>caf&eacute;</i> &lt;3 &amp; &#x1F600; &unknown; &</v>')).toBe('café <3 & 😀 &unknown; &');
    const problems: { from: number; to: number; message: string }[] = [];
    const tree = parseCueText('<c.yellow.bg>a</c><ruby>漢<rt>kan</rt></ruby><00:00:01.500>b<lang en-GB>c</lang><x>d</x>', problems);
    expect(tree[0]).toEqual({ type: 'c', classes: ['yellow', 'bg'], annotation: '', children: [{ type: 'text', value: 'a' }] });
    expect(tree[1]).toMatchObject({ type: 'ruby', children: [{ type: 'text', value: '漢' }, { type: 'rt' }] });
    expect(tree[2]).toEqual({ type: 'timestamp', seconds: 1.5 });
    expect(tree[4]).toMatchObject({ type: 'lang', annotation: 'en-GB' });
    expect(problems.map((p) => p.message)).toEqual(['unknown cue tag <x>; browsers ignore it', 'end tag </x> does not close an open tag; ignored']);
    const doc = parseVtt('WEBVTT\n\n1\n00:00.000 --> 00:01.000\n<v.loud Mary>Hi</v>\n<v John>there\n');
    expect(doc.cues[0]).toMatchObject({ id: '1', speaker: 'Mary', text: '<v.loud Mary>Hi</v>\n<v John>there' });
  });

  it('keeps BOM, CR line endings, header text, odd spacing and a missing final newline', () => {
    const text = '\ufeffWEBVTT - title\r\r  00:00.500   -->\t00:01.000  align:start \rhi\r\r\r';
    const doc = parseVtt(text);
    expect([doc.bom, doc.eol, doc.header.description]).toEqual([true, '\r', '- title']);
    expect(doc.cues[0]).toMatchObject({ start: 0.5, end: 1, text: 'hi' });
    expect(doc.cues[0]!.settings.align).toBe('start');
    expect(doc.diagnostics).toEqual([]);
    expect(serializeVtt(doc)).toBe(text);
  });

  it('toJson has the agreed shape', () => {
    const json = toJson(parseVtt('WEBVTT\n\nNOTE n\n\nc1\n00:00:01.000 --> 00:00:02.000 line:50%\n<v A>x\n\n00:00:03.000 --> 00:00:02.000\ny'));
    expect(json).toEqual({
      valid: true,
      cues: [
        {
          id: 'c1',
          start: 1,
          end: 2,
          text: '<v A>x',
          settings: { vertical: '', line: 50, snapToLines: false, lineAlign: 'start', position: 'auto', positionAlign: 'auto', size: 100, align: 'center', region: null },
          speaker: 'A',
        },
        {
          id: '',
          start: 3,
          end: 2,
          text: 'y',
          settings: { vertical: '', line: 'auto', snapToLines: true, lineAlign: 'start', position: 'auto', positionAlign: 'auto', size: 100, align: 'center', region: null },
          speaker: null,
        },
      ],
      regions: [],
      styles: [],
      notes: ['n'],
      diagnostics: [{ line: 9, column: 18, severity: 'error', message: 'cue end time must be after its start time' }],
    });
  });
});

describe('bad inputs give diagnostics, never exceptions', () => {
  const first = (text: string) => {
    const d = parseVtt(text).diagnostics[0]!;
    return `${d.line}:${d.column} ${d.severity}`;
  };

  it('empty file, missing WEBVTT, binary junk', () => {
    expect(first('')).toBe('1:1 error');
    expect(parseVtt('').signature.valid).toBe(false);
    const noSig = parseVtt('00:00.000 --> 00:01.000\nhello\n');
    expect(noSig.signature.valid).toBe(false);
    expect(noSig.diagnostics[0]!.message).toContain("missing 'WEBVTT'");
    expect(noSig.cues.map((c) => c.text)).toEqual(['hello']);
    expect(parseVtt('WEBVTTX\n\n').diagnostics[0]!.message).toContain("'WEBVTT' must be followed by a space, tab or line end, not 'X'");
    const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join('');
    const doc = parseVtt(junk);
    expect(doc.signature.valid).toBe(false);
    expect(doc.diagnostics.length).toBeGreaterThan(0);
    expect(doc.diagnostics.length).toBeLessThanOrEqual(1001);
  });

  it('00:61:00.000 is rejected: minutes above 59', () => {
    const doc = parseVtt('WEBVTT\n\n00:61:00.000 --> 01:02:00.000\ntext\n');
    expect(doc.cues).toEqual([]);
    expect(doc.diagnostics).toMatchObject([{ line: 3, column: 4, severity: 'error' }]);
    expect(doc.diagnostics[0]!.message).toContain('minutes must be 00–59, got 61');
  });

  it('end before start is an error (the syntax requires end > start) but the cue is kept', () => {
    const doc = parseVtt('WEBVTT\n\n00:05.000 --> 00:04.000\nback\n');
    expect(doc.cues.length).toBe(1);
    expect(doc.diagnostics).toMatchObject([{ line: 3, column: 15, severity: 'error', message: 'cue end time must be after its start time' }]);
  });

  it('a 2 MB single cue', () => {
    const big = 'word '.repeat(400_000);
    const doc = parseVtt(`WEBVTT\n\n00:00.000 --> 00:10.000\n${big}\n`);
    expect(doc.cues[0]!.text.length).toBe(big.length);
    expect(doc.diagnostics).toEqual([]);
  });

  it('a 50 MB file parses in a few seconds', () => {
    const cues = parseVtt(read('talkpython/515-temporal.vtt')).cues;
    const parts: string[] = ['WEBVTT\n\n'];
    let size = 0;
    let n = 0;
    for (let round = 0; size < 50_000_000; round++) {
      for (const c of cues) {
        const block = `${fmt(round * 4300 + c.start)} --> ${fmt(round * 4300 + c.end)}\n${c.text}\n\n`;
        parts.push(block);
        size += block.length;
        n++;
      }
    }
    const text = parts.join('');
    // (Its speed is the bench's business: `npm run bench -- formats`.)
    const doc = parseVtt(text);
    expect(doc.cues.length).toBe(n);
    expect(doc.diagnostics).toEqual([]);
  });
});

function fmt(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const p = (v: number, w: number) => String(v).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000), 2)}:${p(Math.floor(ms / 60_000) % 60, 2)}:${p(Math.floor(ms / 1000) % 60, 2)}.${p(ms % 1000, 3)}`;
}

describe('properties', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9,.'?!é ]{1,12}$/).filter((s) => s.trim().length > 0);
  const textLine = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ').trim()).filter((s) => s.length > 0);
  const cueModel = fc.record({
    id: fc.option(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { nil: undefined }),
    startMs: fc.integer({ min: 0, max: 4 * 3_600_000 }),
    durMs: fc.integer({ min: 1, max: 120_000 }),
    lines: fc.array(textLine, { minLength: 0, maxLength: 3 }),
    align: fc.constantFrom(undefined, 'start', 'end', 'left', 'right'),
    line: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  });

  it('random valid VTT → parse → serialize is the identity, and the model is recovered', () => {
    const layout = fc.record({
      bom: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      description: fc.constantFrom('', ' Kind: captions', '\tx'),
      blankRuns: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 12, maxLength: 12 }),
      trailing: fc.integer({ min: 0, max: 3 }),
      short: fc.boolean(),
      spaces: fc.constantFrom(' ', '  ', '\t'),
      note: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(cueModel, { maxLength: 10 }), layout, (models, l) => {
        const sorted = [...models].sort((a, b) => a.startMs - b.startMs);
        const eol = l.eol;
        const ts = (ms: number) => {
          const full = fmt(ms / 1000);
          return l.short && ms < 3_600_000 ? full.slice(3) : full;
        };
        let text = `${l.bom ? '\ufeff' : ''}WEBVTT${l.description}`;
        const blank = (i: number) => eol.repeat(1 + (l.blankRuns[i % 12] ?? 1));
        if (l.note) text += blank(11) + 'NOTE generated' + eol + 'by fast-check';
        sorted.forEach((m, i) => {
          let settings = '';
          if (m.align) settings += ` align:${m.align}`;
          if (m.line !== undefined) settings += `${l.spaces}line:${m.line}%`;
          text += blank(i) + (m.id ? m.id + eol : '') + `${ts(m.startMs)}${l.spaces}-->${l.spaces}${ts(m.startMs + m.durMs)}${settings}`;
          if (m.lines.length) text += eol + m.lines.join(eol);
        });
        text += eol.repeat(l.trailing);
        const doc = parseVtt(text);
        expect(serializeVtt(doc)).toBe(text);
        expect(doc.diagnostics).toEqual([]);
        expect(doc.cues.map((c) => [c.id, Math.round(c.start * 1000), Math.round(c.end * 1000), c.text, c.settings.align])).toEqual(
          sorted.map((m) => [m.id ?? '', m.startMs, m.startMs + m.durMs, m.lines.join('\n'), m.align ?? 'center']),
        );
        // Blocks tile the body: only line breaks lie between them.
        let pos = doc.bodyStart;
        for (const b of doc.blocks) {
          expect(/^[\r\n]*$/.test(text.slice(pos, b.range.from))).toBe(true);
          pos = b.range.to;
        }
        expect(/^[\r\n]*$/.test(text.slice(pos))).toBe(true);
        // A no-op edit is no change.
        for (const c of doc.cues) {
          expect(retimeCue(doc, c, { start: c.start, end: c.end })).toEqual([]);
          expect(setCueText(doc, c, c.text)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random model → write → parse gives the model back (with and without wrapping)', () => {
    fc.assert(
      fc.property(fc.array(cueModel, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (models, eol) => {
        const cues = models.map((m) => ({
          id: m.id,
          start: m.startMs / 1000,
          end: (m.startMs + m.durMs) / 1000,
          text: m.lines.join('\n'),
          settings: m.align ? `align:${m.align}` : undefined,
        }));
        const doc = parseVtt(writeVtt(cues, { eol }));
        expect(errors(doc)).toEqual([]);
        expect(doc.cues.map((c) => ({ id: c.id, start: c.start, end: c.end, text: c.text, align: c.settings.align }))).toEqual(
          cues.map((c) => ({ id: c.id ?? '', start: c.start, end: c.end, text: c.text, align: c.settings ? c.settings.slice(6) : 'center' })),
        );
        const wrapped = parseVtt(writeVtt(cues, { eol, wrap: { maxCharsPerLine: 20, maxLines: 2 } }));
        expect(errors(wrapped)).toEqual([]);
        for (const c of wrapped.cues) {
          for (const line of c.text.split('\n')) if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(20);
          expect(c.text.split('\n').length).toBeLessThanOrEqual(2);
        }
        const words = (s: string) => s.split(/\s+/).filter(Boolean);
        expect(wrapped.cues.flatMap((c) => words(c.text))).toEqual(cues.flatMap((c) => words(c.text)));
      }),
      { numRuns: 300 },
    );
  });

  it('writer output always validates, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), start: fc.double({ noNaN: false }), end: fc.double(), text: fc.string(), settings: fc.string() })),
        (cues) => {
          const doc = parseVtt(writeVtt(cues));
          expect(errors(doc)).toEqual([]);
          expect(doc.cues.length).toBe(cues.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
