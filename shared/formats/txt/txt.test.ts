import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVtt } from '../vtt';
import { exportTxt, importToVtt, importTxt, readUntimedNotes, type TxtImport } from '.';

const F = `${__dirname}/../../../../shared/fixtures/`;
const read = (p: string): string => readFileSync(F + p, 'utf8');

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Multiset compare: input words == cue text + speaker + consumed clocks + notes. */
function expectNoWordLost(input: string, imported: TxtImport): void {
  const out: string[] = [];
  for (const c of imported.cues) {
    if (c.stamp) out.push(c.stamp);
    if (c.speaker) out.push(...words(c.speaker));
    out.push(...words(c.text));
  }
  for (const n of imported.notes) out.push(...words(n.text));
  expect(out.sort()).toEqual(words(input).sort());
}

describe('importTxt shapes', () => {
  it('talkpython repo TXT: HH:MM:SS entries, sure, no word lost', () => {
    for (const name of ['talkpython/515-temporal.txt', 'talkpython/518-django-birthday.txt']) {
      const text = read(name);
      const r = importTxt(text);
      expect(r.shape).toBe('timestamped-hms');
      expect(r.confidence).toBe(1);
      expect(r.message).toBeUndefined();
      expect(r.notes).toEqual([]);
      expectNoWordLost(text, r);
    }
    const r = importTxt(read('talkpython/515-temporal.txt'));
    expect(r.cues.length).toBe(1140);
    expect(r.cues[1]).toMatchObject({ start: 5, end: 9, line: 3, stamp: '00:00:05', text: 'Temporal is a durable execution platform that enables developers to build' });
    expect(r.cues.at(-1)!.end).toBeNull();
    expect(importTxt(read('talkpython/515-temporal.txt'), { duration: 4230 }).cues.at(-1)!.end).toBe(4230);
  });

  it('MM:SS page: chrome kept as notes, [MUSIC] and last line kept as cues', () => {
    const text = read('pages/talkpython-451-djangonauts-mmss.txt');
    const r = importTxt(text);
    expect(r.shape).toBe('timestamped-mmss');
    expectNoWordLost(text, r);
    expect(r.notes.map((n) => n.text)).toEqual([
      'Monitor performance issues & errors in your code',
      '#451: Djangonauts, Ready for Blast-Off Transcript',
      'Recorded on Wednesday, Jan 10, 2024.',
      'Back to show page',
      "Talk Python's Mastodon Michael Kennedy's Mastodon",
    ]);
    expect(r.cues[0]).toMatchObject({ start: 0, end: 5, stamp: '00:00' });
    expect(r.cues.find((c) => c.text === '[MUSIC]')).toMatchObject({ start: 58 * 60 + 20, end: 58 * 60 + 36 });
    expect(r.confidence).toBeGreaterThan(0.98);
    expect(r.confidence).toBeLessThan(1);
  });

  it('Otter speaker blocks: <v Name>, empty block kept, chrome as notes', () => {
    const text = read('pages/djangochat-dev-environments-otter.txt');
    const r = importTxt(text);
    expect(r.shape).toBe('speaker-blocks');
    expectNoWordLost(text, r);
    expect(r.cues.length).toBe(129);
    expect(r.cues[0]).toMatchObject({ speaker: 'Will Vincent', start: 6, end: 12, stamp: '0:06', line: 17 });
    const empty = r.cues.filter((c) => c.text === '');
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ speaker: 'Will Vincent', line: 371, start: 57 * 60 + 21 });
    expect(r.notes[0]).toEqual({ text: 'Django Chat', line: 1 });
    expect(r.notes.some((n) => n.text === 'Support the Show')).toBe(true);
    const vtt = parseVtt(importToVtt(r, { duration: 3540 }));
    expect(vtt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(vtt.cues.length).toBe(129);
    expect(vtt.cues[0]!.speaker).toBe('Will Vincent');
    expect(vtt.cues.at(-1)!.end).toBe(3540);
  });

  it('untimed prose: cues with null times, a message, no word lost', () => {
    const text = read('pages/djangochat-rust-tooling-untimed.txt');
    const r = importTxt(text);
    expect(r.shape).toBe('untimed');
    expect(r.message).toMatch(/need timing/);
    expectNoWordLost(text, r);
    expect(r.cues.every((c) => c.start === null && c.end === null && c.stamp === null)).toBe(true);
    expect(r.cues[0]!.text.startsWith('← Back to Show Notes')).toBe(true);
    expect(r.cues.length).toBeGreaterThan(100);
    expect(Math.max(...r.cues.map((c) => c.text.length))).toBeLessThan(400);
    // VTT form: NOTE blocks, no invented times, and the cues come back.
    const vttText = importToVtt(r);
    const doc = parseVtt(vttText);
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.cues).toEqual([]);
    const back = readUntimedNotes(doc);
    expect(back.map((c) => c.text)).toEqual(r.cues.map((c) => c.text));
    expect(back.every((c) => c.start === null)).toBe(true);
  });
});

describe('importTxt clocks past the hour', () => {
  it('M:SS then H:MM:SS lines are one mmss shape; Name H:MM:SS headings are speaker blocks', () => {
    const lines = importTxt('59:58 end of the hour\n\n1:00:03 next hour\nwrapped on\n\n1:02:03 last');
    expect(lines.shape).toBe('timestamped-mmss');
    expect(lines.cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [3598, 3603, 'end of the hour'],
      [3603, 3723, 'next hour\nwrapped on'],
      [3723, null, 'last'],
    ]);
    const blocks = importTxt('Ann Lee 59:59\nfirst\n\nBo 1:00:01\n\nAnn Lee 1:00:05\nsecond line\nthird line');
    expect(blocks.shape).toBe('speaker-blocks');
    expect(blocks.cues.map((c) => [c.speaker, c.start, c.text])).toEqual([
      ['Ann Lee', 3599, 'first'],
      ['Bo', 3601, ''],
      ['Ann Lee', 3605, 'second line\nthird line'],
    ]);
    // A sentence that merely ends in a time is not a heading.
    expect(importTxt('We met at 10:30\n\nand talked.').shape).toBe('untimed');
  });
});

describe('uncertain shapes', () => {
  it('few timed lines among prose: still timed, with a message to check', () => {
    const text = 'Intro line one\nIntro line two\n\n00:00:01 hello there\n\nA stray paragraph\n\n00:00:04 goodbye';
    const r = importTxt(text);
    expect(r.shape).toBe('timestamped-hms');
    expect(r.confidence).toBe(0.4);
    expect(r.message).toBe('Read as HH:MM:SS text entries, but only 40% of the non-empty lines fit that shape; the other 3 lines are kept as notes. Check the result.');
    expectNoWordLost(text, r);
  });
});

describe('importToVtt', () => {
  it('escapes markup, marks an estimated end, keeps notes in place, round-trips', () => {
    const r = importTxt('Header & chrome\n\n0:01 a <b> & c\n\n0:04 last words here -->\n');
    expect(r.shape).toBe('timestamped-mmss');
    const vtt = importToVtt(r);
    expect(vtt).toBe(
      'WEBVTT\n\nNOTE\nHeader & chrome\n\n00:00:01.000 --> 00:00:04.000\na &lt;b&gt; &amp; c\n\n' +
        'NOTE end time estimated (audio length unknown)\n\n00:00:04.000 --> 00:00:05.600\nlast words here --&gt;\n\n',
    );
    const doc = parseVtt(vtt);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.cues.map((c) => [c.start, c.end])).toEqual([[1, 4], [4, 5.6]]);
  });
});

describe('bad inputs give diagnostics, never throw', () => {
  it('empty, whitespace, binary', () => {
    for (const t of ['', '  \n\n']) {
      const r = importTxt(t);
      expect(r.cues).toEqual([]);
      expect(r.diagnostics[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
    }
    // Binary files are refused by their bytes (binary.ts); NULs left in text read as U+FFFD.
    const bin = importTxt('ID3\u0003\u0000\u0000garbage');
    expect(bin.diagnostics[0]).toMatchObject({ severity: 'warning', column: 5, message: 'NUL character (U+0000): read as U+FFFD' });
    expect(bin.cues.map((c) => c.text)).toEqual(['ID3\u0003\ufffd\ufffdgarbage']);
  });
  it('garbage text becomes untimed cues with a low-confidence message; out-of-order clocks warn', () => {
    const g = importTxt('%%%% ~~~ 12:99 ???\n\u0007\u0008 zz');
    expect(g.shape).toBe('untimed');
    expect(g.diagnostics).toEqual([
      { line: 2, column: 1, offset: 19, length: 1, severity: 'warning', message: 'control character U+0007: this may not be a text transcript' },
      { line: 1, column: 1, offset: 0, length: 0, severity: 'warning', message: 'no timestamps found: 2 cues need timing' },
    ]);
    expectNoWordLost('%%%% ~~~ 12:99 ???\n\u0007\u0008 zz', g);
    const o = importTxt('00:00:10 b\n\n00:00:05 a\n');
    expect(o.diagnostics).toEqual([{ line: 3, column: 1, offset: 12, length: 8, severity: 'warning', message: 'time 00:00:05 is earlier than the entry before it' }]);
    expect(o.cues[0]!.end).toBeNull();
  });
});

describe('importTxt on arbitrary input', () => {
  const piece = fc.oneof(
    fc.constantFrom('00:01:02', '1:02', '59:59', '1:00:00', '99:99', 'Will Vincent', 'Ann', '0:06', '\n', '\n\n', '\r\n', ' ', '\t', '.', '←', '\ufeff', '<b>', '&', '-->'),
    fc.string({ maxLength: 6 }),
  );
  it('never throws, and never loses a word', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const r = importTxt(text);
        if (text.indexOf('\u0000') === -1) expectNoWordLost(text, r);
        const vtt = parseVtt(importToVtt(r));
        expect(vtt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('exportTxt', () => {
  const cues = parseVtt(read('talkpython/515-temporal.vtt')).cues;
  it('talkpython style floors starts, always shows hours, blank line after each entry', () => {
    const out = exportTxt(cues, 'talkpython');
    expect(out.startsWith('00:00:00 What if your code was crash-proof?')).toBe(true);
    expect(out.endsWith('01:10:21 Now get out there and write some Python code.\n\n')).toBe(true);
    expect(out.split('\n\n').length - 1).toBe(cues.length);
    expect(exportTxt([{ id: '', start: 3599.9996, end: null, text: 'x', speaker: null }], 'talkpython')).toBe('01:00:00 x\n\n');
    expect(exportTxt([{ id: '', start: 59.999, end: null, text: 'x', speaker: null }], 'talkpython')).toBe('00:00:59 x\n\n');
  });
  it('paragraphs read back as speaker blocks; plain has no clocks', () => {
    const otter = importTxt(read('pages/djangochat-dev-environments-otter.txt'));
    const paras = exportTxt(otter.cues, 'paragraphs');
    const back = importTxt(paras);
    expect(back.shape).toBe('speaker-blocks');
    expect(back.cues.map((c) => [c.speaker, c.start])).toEqual(
      // consecutive blocks of one speaker merge into one paragraph
      otter.cues.filter((c, i) => i === 0 || otter.cues[i - 1]!.speaker !== c.speaker).map((c) => [c.speaker, c.start]),
    );
    const plain = exportTxt(cues, 'plain');
    expect(plain).not.toMatch(/\d\d:\d\d/);
    expect(words(plain)).toEqual(cues.flatMap((c) => words(c.text)));
  });
});
