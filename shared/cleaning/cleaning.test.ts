import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { parseVtt } from '../formats/vtt/parser';
import { acceptedByDefault, cleanText, cleanVtt, FILLERS, type CleaningChange } from './index';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

/** Lower-cased words with their counts. */
function words(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function subtract(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map(a);
  for (const [w, n] of b) out.set(w, (out.get(w) ?? 0) - n);
  for (const [w, n] of out) if (n === 0) out.delete(w);
  return out;
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

describe('cleanText', () => {
  it('returns the cleaned text and changes with offsets into the input', () => {
    const input = '00:00:01 Uh, so the, the plan  is um good.\n\n00:00:05 i think so';
    const { text, changes } = cleanText(input, { fillers: true, repetitions: true, whitespace: true, case: true }, 'txt');
    expect(text).toBe('00:00:01 So the plan is good.\n\n00:00:05 I think so');
    expect(applyChanges(input, changes)).toBe(text);
    expect(new Set(changes.map((c) => c.kind))).toEqual(new Set(['filler', 'repetition', 'whitespace', 'case']));
    // Accepting changes one by one: any subset applies cleanly.
    expect(applyChanges(input, changes.filter((c) => c.kind === 'repetition'))).toBe('00:00:01 Uh, so the plan  is um good.\n\n00:00:05 i think so');
  });

  it('removes a sponsor read that starts and ends mid-line', () => {
    const text = '00:10 and that is it. This episode is brought to you by Sentry.\n\n00:15 Check them out. Now back to Django.';
    const from = text.indexOf('This episode');
    const to = text.indexOf('Now back');
    expect(cleanText(text, { removeSpans: [{ from, to }] }, 'txt').text).toBe('00:10 and that is it. Now back to Django.');
  });

  it('capitalises a TXT line only when the line before ended a sentence', () => {
    const text = '00:01 we went home. and then\n\n00:05 we slept.\n\n00:09 the end';
    expect(cleanText(text, { case: true }, 'txt').text).toBe('00:01 We went home. And then\n\n00:05 we slept.\n\n00:09 The end');
  });
});

/** Chrome lines each page fixture has, read off the files by hand (README: pages/). */
const EXPECTED_CHROME: Record<string, string[]> = {
  'djangochat-dev-environments-otter.txt': ['Django Chat', 'Episode Summary', 'Episode Notes', 'Support the Show', 'Episode Transcription'],
  'talkpython-451-djangonauts-mmss.txt': ['Monitor performance issues & errors in your code', '#451: Djangonauts, Ready for Blast-Off Transcript', 'Recorded on Wednesday, Jan 10, 2024.', 'Back to show page', "Talk Python's Mastodon Michael Kennedy's Mastodon"],
  'djangochat-rust-tooling-untimed.txt': ['← Back to Show Notes', 'Transcript: Django and Rust Tooling - Lily Foote'],
};

/** The word just before offset `at` (skipping spaces and a comma), lower-cased. */
function wordBefore(text: string, at: number): string {
  return (/([\p{L}\p{N}'’]+),?[ \t]*$/u.exec(text.slice(Math.max(0, at - 60), at))?.[1] ?? '').toLowerCase();
}

function checkChange(text: string, c: CleaningChange, fillers: ReadonlySet<string>): Map<string, number> {
  const removedText = text.slice(c.from, c.to);
  const removed = subtract(words(removedText), words(c.insert));
  for (const n of removed.values()) expect(n, `change ${c.kind} at ${c.from} adds a word`).toBeGreaterThan(0);
  switch (c.kind) {
    case 'case':
    case 'whitespace':
      expect(squash(c.insert), `${c.kind} at ${c.from}`).toBe(squash(removedText));
      break;
    case 'filler':
      for (const w of removed.keys()) expect(fillers.has(w), `filler change removed "${w}"`).toBe(true);
      break;
    case 'repetition': {
      // Only copies of the word the change follows.
      expect([...removed.keys()], `repetition at ${c.from}`).toEqual([wordBefore(text, c.from)]);
      break;
    }
    case 'chrome':
      break;
    case 'span':
      throw new Error('no spans were marked');
  }
  return removed;
}

describe('cleaning the page fixtures keeps every non-filler word', () => {
  const fillers = new Set(FILLERS);
  for (const [name, chromeLines] of Object.entries(EXPECTED_CHROME)) {
    it(name, () => {
      const text = read(`pages/${name}`);
      const { text: out, changes } = cleanText(text, { fillers: true, repetitions: true, chrome: true, case: true, whitespace: true }, 'txt');
      // Removed chrome: exactly the expected lines.
      const chrome = changes.filter((c) => c.kind === 'chrome').flatMap((c) => text.slice(c.from, c.to).split(/\r?\n/)).filter((l) => l.trim() !== '');
      expect(chrome).toEqual(chromeLines);
      // Each change removes only what its kind may; the sum of those applied (all but
      // the suggested ones) is what the text lost.
      let allowed = new Map<string, number>();
      for (const c of changes) checkChange(text, c, fillers);
      for (const c of acceptedByDefault(changes)) allowed = subtract(allowed, subtract(new Map(), checkChange(text, c, fillers)));
      const lost = subtract(words(text), words(out));
      expect(Object.fromEntries(lost)).toEqual(Object.fromEntries(allowed));
      // And nothing was lost but fillers, stutter copies and chrome words.
      const chromeWords = words(chromeLines.join('\n'));
      const stuttered = new Set(changes.filter((c) => c.kind === 'repetition').map((c) => wordBefore(text, c.from)));
      for (const w of lost.keys()) expect(fillers.has(w) || chromeWords.has(w) || stuttered.has(w), w).toBe(true);
      expect(lost.size).toBeGreaterThan(0);
    });
  }

  it('the untimed page: stutters, fillers and lowercase are fixed, speech kept', () => {
    const text = read('pages/djangochat-rust-tooling-untimed.txt');
    const { text: out, changes } = cleanText(text, { fillers: true, repetitions: true, chrome: true, case: true }, 'txt');
    expect(text).toMatch(/carlton's carlton's carlton's/);
    // A repeated name may be meant: offered, not applied.
    const carlton = changes.find((c) => c.kind === 'repetition' && text.slice(c.from - 9, c.from) === "carlton's")!;
    expect(carlton.suggested).toBe(true);
    expect(out).toMatch(/carlton's carlton's carlton's/);
    expect(applyChanges(text, changes)).not.toMatch(/carlton's carlton's/i);
    expect(out).not.toMatch(/(?<![\p{L}'-])(um|uh)(?![\p{L}'-])/iu);
    expect(out.startsWith('This episode is sponsored by Hacksoft')).toBe(true);
    expect(out).toContain('Thanks for coming on');
    expect(changes.filter((c) => c.kind === 'repetition').length).toBeGreaterThan(10);
  });
});

describe('cleanVtt', () => {
  const vtt = 'WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nUh, so we went\n\nNOTE um keep me\n\n00:00:02.000 --> 00:00:02.500\num\n\n00:00:03.000 --> 00:00:04.000\nthe the end\n';

  it('changes cue text only; ids, settings, NOTE and timings never change; an emptied cue stays', () => {
    const out = applyChanges(vtt, cleanVtt(vtt, { fillers: true, repetitions: true }));
    expect(out).toBe('WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nSo we went\n\nNOTE um keep me\n\n00:00:02.000 --> 00:00:02.500\n\n\n00:00:03.000 --> 00:00:04.000\nthe end\n');
    expect(parseVtt(out).cues.map((c) => [c.start, c.end])).toEqual(parseVtt(vtt).cues.map((c) => [c.start, c.end]));
  });

  it('removes an emptied cue only when asked, the last one too', () => {
    expect(applyChanges(vtt, cleanVtt(vtt, { fillers: true, repetitions: true, removeEmptyCues: true })))
      .toBe('WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nSo we went\n\nNOTE um keep me\n\n00:00:03.000 --> 00:00:04.000\nthe end\n');
    const last = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:02.000 --> 00:00:03.000\nuh\n';
    expect(applyChanges(last, cleanVtt(last, { fillers: true, removeEmptyCues: true }))).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n');
  });

  it('removes a marked span across cues without touching their timings', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthat is it. This episode is\n\n00:00:02.000 --> 00:00:03.000\nsponsored by Sentry.\n\n00:00:03.000 --> 00:00:04.000\nCheck them out. Now back.\n';
    const from = text.indexOf('This episode');
    const to = text.indexOf('Now back');
    expect(applyChanges(text, cleanVtt(text, { removeSpans: [{ from, to }], removeEmptyCues: true }))).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthat is it. \n\n00:00:03.000 --> 00:00:04.000\nNow back.\n',
    );
  });

  it('capitalises a cue after one that ended a sentence', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nwe went home.\n\n00:00:02.000 --> 00:00:03.000\nand then\n\n00:00:03.000 --> 00:00:04.000\nwe slept\n';
    expect(applyChanges(text, cleanVtt(text, { case: true }))).toBe(text.replace('we went', 'We went').replace('and then', 'And then'));
  });

  // Speed is measured by `npm run bench`, not here.
  it('on a 4,000-cue episode: no timing line changes', () => {
    const episode = read('talkpython/515-temporal.vtt');
    const cues = episode.slice(episode.indexOf('\n\n') + 2);
    const big = `WEBVTT\n\n${cues.repeat(Math.ceil(4000 / parseVtt(episode).cues.length))}`;
    expect(parseVtt(big).cues.length).toBeGreaterThanOrEqual(4000);
    const changes = cleanVtt(big, { fillers: true, repetitions: true, whitespace: true, case: true, removeEmptyCues: true });
    const out = applyChanges(big, changes);
    const timings = (t: string) => t.split('\n').filter((l) => l.includes('-->'));
    expect(timings(out)).toEqual(timings(big));
    expect(out).not.toBe(big);
  });
});
