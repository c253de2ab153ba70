import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTxt } from '../formats/txt/import';
import { importToVtt } from '../formats/txt/to-vtt';
import { parseVtt } from '../formats/vtt/parser';
import { PROFILE_LIMITS, resegmentTimed, segmentProse, type ProseSegment, type SegmentProfile, type TimedChunk } from './segment';
import { endsSentence, fits, wordsOf, wrapWords } from './sentences';
import { segmentUntimedNotes } from './untimed-notes';

const PAGES = join(__dirname, '../../../shared/fixtures/pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const UNTIMED = page('djangochat-rust-tooling-untimed.txt');
const PROFILES: SegmentProfile[] = ['subtitles', 'transcript'];
/** The untimed page's chrome: its header lines and the sponsor furniture at both ends. */
const PAGE_CHROME = [
  '← Back to Show Notes',
  'Transcript: Django and Rust Tooling - Lily Foote',
  'This episode is sponsored by Hacksoft, your Django development partner beyond code.',
  'More on their services later in the show.',
  'This episode was sponsored by Hacksoft, your Django development partner beyond code.',
  'Learn more about their services in the link in the description.',
];

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);
const wordsIn = (segs: readonly ProseSegment[]) => segs.flatMap((s) => tokens(s.text));
const speech = (segs: readonly ProseSegment[]) => segs.filter((s) => s.kind === 'speech');

function chunksOf(name: string): TimedChunk[] {
  return importTxt(page(name)).cues.map((c) => ({ text: c.text, start: c.start!, ...(c.speaker ? { speaker: c.speaker } : {}) }));
}

/** Limits a segment must respect: lines for subtitles, characters for both (a lone over-long word excepted). */
function expectWithinLimits(segs: readonly ProseSegment[], profile: SegmentProfile) {
  const limits = PROFILE_LIMITS[profile];
  for (const s of speech(segs)) {
    if (tokens(s.text).length === 1) continue;
    const lines = s.text.split('\n');
    expect(lines.join(' ').length, s.text).toBeLessThanOrEqual(limits.maxChars);
    if (limits.lineChars !== null) {
      expect(lines.length, s.text).toBeLessThanOrEqual(limits.maxLines);
      for (const l of lines) expect(l.length, s.text).toBeLessThanOrEqual(limits.lineChars);
    } else expect(lines, s.text).toHaveLength(1);
  }
}

/** A segment ends mid-sentence only when it and the next one together would break the limits. */
function expectCutsOnlyWhenNeeded(segs: readonly ProseSegment[], profile: SegmentProfile) {
  const limits = PROFILE_LIMITS[profile];
  let cuts = 0;
  for (let i = 0; i + 1 < segs.length; i++) {
    const [a, b] = [segs[i]!, segs[i + 1]!];
    if (a.kind !== 'speech' || b.kind !== 'speech' || a.speaker !== b.speaker) continue;
    const lastWord = tokens(a.text).at(-1)!;
    if (endsSentence(lastWord, undefined)) continue;
    cuts++;
    const joined = wordsOf(`${a.text} ${b.text}`);
    expect(fits(joined, limits), `${a.text} | ${b.text}`).toBe(false);
  }
  return cuts;
}

describe('segmentProse on the untimed page', () => {
  for (const profile of PROFILES) {
    it(`${profile}: keeps every word once, in order, within the limits`, () => {
      const segs = segmentProse(UNTIMED, profile);
      expect(wordsIn(segs)).toEqual(tokens(UNTIMED));
      expectWithinLimits(segs, profile);
      expectCutsOnlyWhenNeeded(segs, profile);
      expect(segs.every((s) => s.start === undefined)).toBe(true);
    });
  }

  it('marks page chrome and sponsor furniture at the edges as chrome, and only those', () => {
    const segs = segmentProse(UNTIMED, 'subtitles');
    expect(segs.filter((s) => s.kind === 'chrome').map((s) => s.text)).toEqual(PAGE_CHROME);
    // The sponsor read in the middle is spoken: it stays speech.
    expect(speech(segs).some((s) => s.text.replace('\n', ' ') === 'Hacksoft is your development partner beyond code.')).toBe(true);
  });

  it('joins a sentence the page wrapped over blank lines, and starts a sentence after a full stop', () => {
    const segs = speech(segmentProse(UNTIMED, 'subtitles')).map((s) => s.text.replace('\n', ' '));
    expect(segs).toContain("I'm Carlton Gibson, joined as ever by Will Vincent.");
    expect(segs).toContain('How are you doing?');
    expect(segs).toContain('Hello again.');
    // A sentence over two subtitle lines is cut at its comma, not in the middle of a phrase.
    expect(segs).toContain('Hi, welcome to another episode of Django Chat,');
  });

  it('sets sound tags and chrome lines apart inside prose', () => {
    const segs = segmentProse('Episode Summary\n\nSo we start. [MUSIC] And we are back\nwith the show.\r\nSupport the Show', 'subtitles');
    expect(segs).toEqual([
      { text: 'Episode Summary', kind: 'chrome' },
      { text: 'So we start.', kind: 'speech' },
      { text: '[MUSIC]', kind: 'chrome' },
      { text: 'And we are back with the show.', kind: 'speech' },
      { text: 'Support the Show', kind: 'chrome' },
    ]);
  });

  it('cuts an unpunctuated stretch at clause words into balanced pieces, never inside a word', () => {
    const text = 'so we were thinking about the release and we decided to wait because the fellows were away and nobody could merge it';
    const segs = segmentProse(text, 'subtitles');
    expect(wordsIn(segs)).toEqual(tokens(text));
    expect(segs.length).toBe(2);
    expect(tokens(segs[1]!.text)[0]).toMatch(/^(and|because)$/);
  });

  it('groups short sentences of a paragraph for transcripts, not across paragraphs', () => {
    expect(segmentProse('Hello, Will. How are you?\n\nFine.', 'transcript').map((s) => s.text)).toEqual(['Hello, Will. How are you?', 'Fine.']);
    expect(segmentProse('Hello, Will. How are you?\n\nFine.', 'subtitles').map((s) => s.text)).toEqual(['Hello, Will.', 'How are you?', 'Fine.']);
  });
});

describe('resegmentTimed', () => {
  for (const profile of PROFILES) {
    it(`${profile}: re-cuts the MM:SS page's 5-second chunks into sentences with anchors`, () => {
      const chunks = chunksOf('talkpython-451-djangonauts-mmss.txt');
      const segs = resegmentTimed(chunks, profile);
      expect(wordsIn(segs)).toEqual(chunks.flatMap((c) => tokens(c.text)));
      expectWithinLimits(segs, profile);
      expectCutsOnlyWhenNeeded(segs, profile);
      const starts = segs.map((s) => s.start!);
      for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
      const given = new Set(chunks.map((c) => c.start));
      for (const s of segs) if (!s.startEstimated) expect(given.has(s.start!), s.text).toBe(true);
      expect(segs.find((s) => s.text === '[MUSIC]')).toEqual({ text: '[MUSIC]', kind: 'chrome', start: 58 * 60 + 20 });
    });
  }

  it('makes a sentence cut over chunks whole again, anchored inside the chunk it starts in', () => {
    const segs = resegmentTimed(chunksOf('talkpython-451-djangonauts-mmss.txt'), 'subtitles');
    expect(segs[0]).toEqual({ text: 'Are you interested in\ncontributing to Django?', kind: 'speech', start: 0 });
    const launch = segs.find((s) => s.text.replace('\n', ' ') === "It's called Djangonauts and their slogan is where contributors launch.")!;
    // "00:11 of Django. It's called…": starts after "of Django. " in the chunk from 11 s to 16 s.
    expect(launch.startEstimated).toBe(true);
    expect(launch.start).toBeGreaterThan(11);
    expect(launch.start).toBeLessThan(13);
  });

  it("keeps Otter speakers, breaks at every speaker change, and re-cuts long blocks", () => {
    const chunks = chunksOf('djangochat-dev-environments-otter.txt');
    const segs = resegmentTimed(chunks, 'transcript');
    expect(wordsIn(segs)).toEqual(chunks.flatMap((c) => tokens(c.text)));
    expect(segs.length).toBeGreaterThan(chunks.length * 2);
    const turn = segs.findIndex((s) => s.text === "how's it going?");
    expect(segs.slice(turn - 1, turn + 1)).toEqual([
      { text: 'And we\'re very pleased to welcome Calvin Hendryx-Parker back on to the show. Welcome, Calvin. Hey, well, hey, Carlton,', kind: 'speech', start: 14, speaker: 'Will Vincent' },
      { text: "how's it going?", kind: 'speech', start: 19, speaker: 'Calvin Hendryx-Parker' },
    ]);
    expectWithinLimits(segs, 'transcript');
  });
});

describe('sentence rules', () => {
  it('does not end a sentence at an abbreviation or initial', () => {
    expect(endsSentence('Dr.', 'Smith')).toBe(false);
    expect(endsSentence('J.', 'Smith')).toBe(false);
    expect(endsSentence('e.g.', 'Flask')).toBe(false);
    expect(endsSentence('done.', 'Then')).toBe(true);
    expect(endsSentence('done."', 'Then')).toBe(true);
    expect(endsSentence('really?', 'yes')).toBe(true);
    expect(endsSentence('3.5', 'Then')).toBe(false);
  });

  it('wraps into balanced lines or says it cannot', () => {
    expect(wrapWords(wordsOf('one two three four five six seven eight nine ten eleven twelve'), 42, 2)).toEqual(['one two three four five six seven', 'eight nine ten eleven twelve']);
    expect(wrapWords(wordsOf('a'.repeat(40) + ' ' + 'b'.repeat(41) + ' c'), 42, 2)).toBeNull();
  });
});

describe('segmentUntimedNotes: the untimed page as the app opens it', () => {
  // Opening the page gives `NOTE needs timing` blocks of up to ~300 characters, the first
  // with the chrome lines joined to the sponsor line.
  const vtt = importToVtt(importTxt(UNTIMED));
  const doc = parseVtt(vtt);

  it('segments all the blocks as one text: the same segments as the page itself', () => {
    const runs = segmentUntimedNotes(doc, 'subtitles');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.from).toBe(doc.blocks[0]!.range.from);
    expect(runs[0]!.to).toBe(doc.blocks.at(-1)!.range.to);
    expect(wordsIn(runs[0]!.segments)).toEqual(tokens(UNTIMED));
    expect(runs[0]!.segments).toEqual(segmentProse(UNTIMED, 'subtitles'));
  });

  it('takes the chrome apart where the importer joined it to the next line', () => {
    expect(vtt).toContain('NOTE needs timing\n← Back to Show Notes Transcript: Django and Rust Tooling - Lily Foote This episode is sponsored by');
    const segs = segmentUntimedNotes(doc, 'transcript')[0]!.segments;
    expect(segs.filter((s) => s.kind === 'chrome').map((s) => s.text)).toEqual(PAGE_CHROME);
    expect(segs.find((s) => s.kind === 'speech')!.text.startsWith('Hi, welcome to another episode of Django Chat')).toBe(true);
  });

  it('keeps a run per stretch of untimed blocks between timed cues', () => {
    const mixed = parseVtt('WEBVTT\n\nNOTE needs timing\nso we were\n\nNOTE needs timing\ntalking. Yes.\n\n00:00:05.000 --> 00:00:06.000\nTimed.\n\nNOTE needs timing\nAfter.\n');
    const runs = segmentUntimedNotes(mixed, 'subtitles');
    expect(runs.map((r) => r.segments.map((s) => s.text))).toEqual([['so we were talking.', 'Yes.'], ['After.']]);
  });
});
