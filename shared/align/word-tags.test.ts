import { describe, expect, it } from 'vitest';
import { cueTextToPlain } from '../formats/vtt/cue-text';
import { parseVtt } from '../formats/vtt/parser';
import { cueWords, documentWithWordTimes, hasWordTags, readWordTimes, stripTimestampTags, writeWordTimes } from './word-tags';

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:03.000',
  '<v Michael>Hello &amp; welcome, <i>everyone</i>',
  'to the show.',
  '',
  'NOTE untouched',
  '',
  '00:00:03.500 --> 00:00:05.000 align:start',
  'Thanks.',
  '',
].join('\r\n');

const timesA = [
  { text: 'Hello', start: 1, end: 1.4 },
  { text: '&', start: 1.4, end: 1.5 },
  { text: 'welcome,', start: 1.5, end: 1.9 },
  { text: 'everyone', start: 1.9, end: 2.3 },
  { text: 'to', start: 2.3, end: 2.4 },
  { text: 'the', start: 2.4, end: 2.6 },
  { text: 'show.', start: 2.6, end: 3 },
];

describe('word tags', () => {
  it('finds the words a reader sees, with where each starts in the markup', () => {
    const raw = '<v Michael>Hello &amp; welcome, <i>every</i>one';
    const words = cueWords(raw);
    expect(words.map((w) => w.text)).toEqual(cueTextToPlain(raw).split(/\s+/));
    expect(words.map((w) => raw.slice(w.rawFrom, w.rawFrom + 2))).toEqual(['He', '&a', 'we', 'ev']);
    expect(words.map((w) => raw.slice(w.rawFrom, w.rawTo))).toEqual(['Hello', '&amp;', 'welcome,', 'every</i>one']);
  });

  it('writes a tag before each word but the first, and reads the same times back', () => {
    const doc = parseVtt(VTT);
    const out = documentWithWordTimes(VTT, doc.cues, (i) => (i === 0 ? timesA : null));
    expect(out).toBe(VTT.replace(
      '<v Michael>Hello &amp; welcome, <i>everyone</i>\r\nto the show.',
      '<v Michael>Hello <00:00:01.400>&amp; <00:00:01.500>welcome, <i><00:00:01.900>everyone</i>\r\n<00:00:02.300>to <00:00:02.400>the <00:00:02.600>show.',
    ));
    const reparsed = parseVtt(out);
    expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const cue = reparsed.cues[0]!;
    expect(readWordTimes(cue.text, cue.start, cue.end)).toEqual(timesA);
    expect(readWordTimes(reparsed.cues[1]!.text, 3.5, 5)).toBeNull();
  });

  it('round-trips byte for byte: reading the tags and writing them again gives the same text', () => {
    const doc = parseVtt(VTT);
    const tagged = documentWithWordTimes(VTT, doc.cues, (i) => (i === 0 ? timesA : null));
    const again = parseVtt(tagged);
    const rewritten = documentWithWordTimes(tagged, again.cues, (i) => readWordTimes(again.cues[i]!.text, again.cues[i]!.start, again.cues[i]!.end));
    expect(rewritten).toBe(tagged);
    // Stripping the tags gives the original cue text back.
    expect(stripTimestampTags(again.cues[0]!.text)).toBe(doc.cues[0]!.text);
  });

  it('tags the first word only when it does not start with the cue', () => {
    expect(writeWordTimes('so we go', [{ start: 1.25 }, { start: 1.5 }, { start: 1.75 }], 1)).toBe('<00:00:01.250>so <00:00:01.500>we <00:00:01.750>go');
    expect(() => writeWordTimes('so we go', [{ start: 1 }], 1)).toThrow('the cue has 3 words but 1 word times were given');
  });

  it('reads YouTube-style tags and spreads untagged words between the tags around them', () => {
    const raw = 'so<00:00:02.000><c> this</c><00:00:03.000><c> is it</c>';
    expect(hasWordTags(raw)).toBe(true);
    expect(hasWordTags('no <i>tags</i>')).toBe(false);
    const words = readWordTimes(raw, 1, 4)!;
    expect(words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['so', 1, 2],
      ['this', 2, 3],
      ['is', 3, 3.5],
      ['it', 3.5, 4],
    ]);
  });

  it('keeps times in order and inside the cue when tags are not', () => {
    const words = readWordTimes('a <00:00:09.000>b <00:00:02.000>c <00:00:00.500>d', 1, 5)!;
    expect(words.map((w) => w.start)).toEqual([1, 5, 5, 5]);
    expect(words.at(-1)!.end).toBe(5);
  });
});
