import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toEditorSource } from '../formats/episode';
import { exportTxt } from '../formats/txt';
import { parseVtt } from '../formats/vtt/parser';
import { applyChanges } from '../model/text-change';
import { exportSpeakerParagraphs, moveWords, renameSpeaker, setSpeaker, speakerStats } from '.';

const OTTER = `${__dirname}/../../../shared/fixtures/pages/djangochat-dev-environments-otter.txt`;
const otterTxt = readFileSync(OTTER, 'utf8');
const otterVtt = () => parseVtt(toEditorSource(otterTxt, 'otter.txt').vtt);

describe('speaker statistics', () => {
  it('counts the Otter fixture by speaker: cues and talk time', () => {
    const stats = speakerStats(otterVtt().cues);
    expect(stats.map((s) => [s.name, s.cues])).toEqual([['Will Vincent', 37], ['Carlton Gibson', 39], ['Calvin Hendryx-Parker', 53]]);
    expect(stats[0]!.talkTime).toBeCloseTo(731, 3);
  });
});

describe('rename, merge and set speaker', () => {
  it('renaming Will Vincent rewrites exactly his 37 tags and nothing else', () => {
    const doc = otterVtt();
    const changes = renameSpeaker(doc, 'Will Vincent', 'William Vincent');
    expect(changes).toHaveLength(37);
    const after = parseVtt(applyChanges(doc.text, changes));
    expect(after.cues.filter((c) => c.speaker === 'William Vincent')).toHaveLength(37);
    expect(after.cues.some((c) => c.speaker === 'Will Vincent')).toBe(false);
    after.cues.forEach((c, i) => {
      expect(c.start).toBe(doc.cues[i]!.start);
      expect(c.text.replace(/^<v [^>]*>/, '')).toBe(doc.cues[i]!.text.replace(/^<v [^>]*>/, ''));
    });
  });

  it('merging two speakers leaves one with both counts; names with & and > are escaped', () => {
    const doc = otterVtt();
    const merged = parseVtt(applyChanges(doc.text, renameSpeaker(doc, 'Carlton Gibson', 'Will Vincent')));
    expect(speakerStats(merged.cues).map((s) => [s.name, s.cues])).toEqual([['Will Vincent', 76], ['Calvin Hendryx-Parker', 53]]);
    const odd = parseVtt(applyChanges(doc.text, renameSpeaker(doc, 'Will Vincent', 'Tom & <Jerry>')));
    expect(odd.cues[0]!.speaker).toBe('Tom & <Jerry>');
    expect(odd.text).toContain('<v Tom &amp; <Jerry&gt;>Hi, welcome');
  });

  it('sets the speaker of a range of cues, keeping classes, adding or removing tags', () => {
    const doc = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v.loud Ann>Hi\n\n00:02.000 --> 00:03.000\nno tag\n\n00:03.000 --> 00:04.000\n<v Bob>bye</v>\n');
    const set = parseVtt(applyChanges(doc.text, setSpeaker(doc, 0, 1, 'Cy')));
    expect(set.cues.map((c) => c.text)).toEqual(['<v.loud Cy>Hi', '<v Cy>no tag', '<v Bob>bye</v>']);
    const cleared = applyChanges(doc.text, setSpeaker(doc, 2, 2, null));
    expect(cleared.endsWith('00:03.000 --> 00:04.000\nbye\n')).toBe(true);
  });
});

describe('moving words to the neighbouring cue', () => {
  it('fixes the 0:14/0:19 offset of the Otter fixture: the words after the cursor go to Calvin', () => {
    const doc = otterVtt();
    const will = doc.cues[2]!;
    const cut = doc.text.indexOf('Hey, well, hey, Carlton,', will.textRange.from);
    const edit = moveWords(doc, 2, cut, 'next');
    expect(edit.refused).toBeUndefined();
    const after = parseVtt(applyChanges(doc.text, edit.changes));
    expect(after.cues[2]!.text).toBe('<v Will Vincent>And we\'re very pleased to welcome Calvin Hendryx-Parker back on to the show. Welcome, Calvin.');
    expect(after.cues[3]!.text).toBe('<v Calvin Hendryx-Parker>Hey, well, hey, Carlton, how\'s it going?');
    // Proportional: the cut is at 94 of 118 characters of a 5 s cue.
    expect(after.cues[2]!.end).toBeCloseTo(after.cues[3]!.start, 3);
    expect(after.cues[2]!.end).toBeGreaterThan(17.5);
    expect(after.cues[2]!.end).toBeLessThan(18.5);
    expect(after.cues.length).toBe(doc.cues.length);
  });

  it('moves the words before the cursor to the previous cue, with the word times when there are some', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:03.000\n<v A>one two\n\n00:03.000 --> 00:06.000\n<v B>three four five\n';
    const doc = parseVtt(text);
    const b = doc.cues[1]!;
    const at = (w: string) => text.indexOf(w, b.textRange.from);
    const words = [
      { from: at('three'), to: at('three') + 5, start: 3.1, end: 3.4 },
      { from: at('four'), to: at('four') + 4, start: 4.2, end: 4.6 },
      { from: at('five'), to: at('five') + 4, start: 5.0, end: 5.5 },
    ];
    const after = parseVtt(applyChanges(text, moveWords(doc, 1, at('four'), 'previous', words).changes));
    expect(after.cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 3.4, '<v A>one two three'], [4.2, 6, '<v B>four five']]);
  });

  it('a cue left without words is removed and its time joins the neighbour; refusals say why', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:03.000\n<v A>one two\n\n00:03.000 --> 00:06.000\n<v B>three\n';
    const doc = parseVtt(text);
    const out = applyChanges(text, moveWords(doc, 1, doc.cues[1]!.textRange.to, 'previous').changes);
    expect(out).toBe('WEBVTT\n\n00:01.000 --> 00:06.000\n<v A>one two three\n');
    expect(moveWords(doc, 0, doc.cues[0]!.textRange.to, 'previous').refused).toMatch(/first cue/);
    expect(moveWords(doc, 1, doc.cues[1]!.textRange.to, 'next').refused).toMatch(/last cue/);
  });
});

describe('speaker-paragraph TXT (Otter-style)', () => {
  it('exports the unedited Otter fixture byte for byte', () => {
    expect(exportSpeakerParagraphs(otterVtt())).toBe(otterTxt);
  });

  it('the paragraphs TXT style carries the speakers too (Name M:SS headings)', () => {
    const txt = exportTxt(otterVtt().cues, 'paragraphs');
    expect(txt.startsWith('Will Vincent 0:06\nHi, welcome to another episode')).toBe(true);
    expect(txt.match(/^Will Vincent \d+:\d\d$/gm)).toHaveLength(37);
  });

  it('joins consecutive cues of one speaker and writes H:MM:SS from one hour on', () => {
    const doc = parseVtt('WEBVTT\n\n01:00:01.000 --> 01:00:02.000\n<v Ann>Hello\n\n01:00:02.000 --> 01:00:03.000\n<v Ann>there &amp; you\n\n01:00:04.000 --> 01:00:05.000\nnobody\n');
    expect(exportSpeakerParagraphs(doc)).toBe('Ann 1:00:01\nHello there & you\n\n1:00:04\nnobody');
  });
});
