import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { parseVtt } from '../formats/vtt/parser';
import { cleanText, cleanVtt, FILLERS, isChromeLine } from './index';

const PAGES = join(import.meta.dirname, '../../../shared/fixtures/pages');
const clean = (text: string, options: Parameters<typeof cleanText>[1]) => applyChanges(text, cleanText(text, options, 'txt'));

describe('fillers', () => {
  it.each([
    ['Uh, so we went home.', 'So we went home.'],
    ['So we, um, went home.', 'So we, went home.'],
    ['it was um great', 'it was great'],
    ['I think so, uh.', 'I think so.'],
    ['Um. Okay then', 'Okay then'],
    ['and then... hmm, the umbrella', 'and then... The umbrella'.replace('The', 'the')],
    ['Drum and bass, erm, and Uhura', 'Drum and bass, and Uhura'],
    ['conference uh by uh uh the founder, um, uh, said', 'conference by the founder, said'],
  ])('%s -> %s', (input, output) => {
    expect(clean(input, { fillers: true })).toBe(output);
  });
});

describe('repetitions', () => {
  it.each([
    ['the, the steering council', 'the steering council'],
    ['I I think', 'I think'],
    ["it's it's it's fine", "it's fine"],
    ["so carlton's carlton's carlton's here", "so carlton's here"],
    ['we had had enough, bye bye', 'we had had enough, bye bye'],
    ['the theme', 'the theme'],
  ])('%s -> %s', (input, output) => {
    expect(clean(input, { repetitions: true })).toBe(output);
  });
});

describe('case, whitespace, chrome and marked spans', () => {
  it('capitalises sentence starts and i for lowercase ASR', () => {
    expect(clean("thanks for coming on. i think i'm in. is it? yes", { case: true })).toBe("Thanks for coming on. I think I'm in. Is it? Yes");
  });

  it('collapses spaces and trims lines without joining lines', () => {
    // The separator after a timestamp belongs to the line's format and is kept.
    expect(clean('00:01 a  b\t c \n\n00:02   d  e', { whitespace: true })).toBe('00:01 a b c\n\n00:02   d e');
  });

  it('recognises the chrome lines of the page fixtures', () => {
    for (const line of ['← Back to Show Notes', 'Transcript: Django and Rust Tooling - Lily Foote', 'Episode Summary', 'Support the Show', 'Back to show page', 'Monitor performance issues & errors in your code']) {
      expect(isChromeLine(line), line).toBe(true);
    }
    expect(isChromeLine('Hi, welcome to another episode of Django Chat')).toBe(false);
  });

  it('removes a sponsor read that starts and ends mid-line', () => {
    const text = '00:10 and that is it. This episode is brought to you by Sentry.\n\n00:15 Check them out. Now back to Django.';
    const from = text.indexOf('This episode');
    const to = text.indexOf('Now back');
    expect(applyChanges(text, cleanText(text, { removeSpans: [{ from, to }] }, 'txt'))).toBe('00:10 and that is it. Now back to Django.');
  });
});

/** Lower-cased words with their counts. */
function words(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

describe('cleaning the page fixtures keeps every non-filler word', () => {
  for (const name of ['djangochat-dev-environments-otter.txt', 'talkpython-451-djangonauts-mmss.txt', 'djangochat-rust-tooling-untimed.txt']) {
    it(name, () => {
      const text = readFileSync(join(PAGES, name), 'utf8');
      const changes = cleanText(text, { fillers: true, repetitions: true, chrome: true, case: true, whitespace: true }, 'txt');
      expect(changes.length).toBeGreaterThan(0);
      const out = applyChanges(text, changes);
      // What each kind of change may remove, counted from the changes themselves.
      const removed = new Map<string, number>();
      for (const c of changes) {
        if (c.kind === 'case' || c.kind === 'whitespace') continue;
        for (const [w, n] of words(text.slice(c.from, c.to))) removed.set(w, (removed.get(w) ?? 0) + n);
        for (const [w, n] of words(c.insert)) removed.set(w, (removed.get(w) ?? 0) - n);
      }
      const fillers = new Set(FILLERS);
      for (const c of changes.filter((c) => c.kind === 'filler')) {
        for (const w of words(text.slice(c.from, c.to)).keys()) expect(fillers.has(w) || c.insert !== '' , `filler change removed "${w}"`).toBe(true);
      }
      const before = words(text);
      const after = words(out);
      for (const [w, n] of before) expect(after.get(w) ?? 0, w).toBe(n - (removed.get(w) ?? 0));
      // Removed words are only fillers, repeated words, or words of chrome lines.
      const chromeWords = words(changes.filter((c) => c.kind === 'chrome').map((c) => text.slice(c.from, c.to)).join('\n'));
      for (const [w, n] of removed) if (n > 0 && !fillers.has(w) && !chromeWords.has(w)) {
        expect(changes.some((c) => c.kind === 'repetition' && words(text.slice(c.from, c.to)).has(w)), w).toBe(true);
      }
    });
  }

  it('the untimed page: stutters, fillers and lowercase are fixed', () => {
    const text = readFileSync(join(PAGES, 'djangochat-rust-tooling-untimed.txt'), 'utf8');
    const out = applyChanges(text, cleanText(text, { fillers: true, repetitions: true, chrome: true, case: true }, 'txt'));
    expect(text).toMatch(/carlton's carlton's carlton's/);
    expect(out).not.toMatch(/carlton's carlton's/i);
    expect(out).not.toMatch(/(?<![\p{L}'])(um|uh)(?![\p{L}'])/u);
    expect(out.startsWith('← Back to Show Notes')).toBe(false);
    expect(out).toContain('Thanks for coming on');
  });
});

describe('cleaning WebVTT', () => {
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nUh, so we went\n\n00:00:02.000 --> 00:00:02.500\num\n\n00:00:03.000 --> 00:00:04.000\nthe the end\n';

  it('changes cue text only; timings never change', () => {
    const out = applyChanges(vtt, cleanVtt(vtt, { fillers: true, repetitions: true }));
    expect(out).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSo we went\n\n00:00:02.000 --> 00:00:02.500\n\n\n00:00:03.000 --> 00:00:04.000\nthe end\n');
    expect(parseVtt(out).cues.map((c) => [c.start, c.end])).toEqual(parseVtt(vtt).cues.map((c) => [c.start, c.end]));
  });

  it('removes an emptied cue only when asked', () => {
    const out = applyChanges(vtt, cleanVtt(vtt, { fillers: true, repetitions: true, removeEmptyCues: true }));
    expect(out).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSo we went\n\n00:00:03.000 --> 00:00:04.000\nthe end\n');
  });

  it('removes a marked span across cues without touching their timings', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthat is it. This episode is\n\n00:00:02.000 --> 00:00:03.000\nsponsored by Sentry.\n\n00:00:03.000 --> 00:00:04.000\nCheck them out. Now back.\n';
    const from = text.indexOf('This episode');
    const to = text.indexOf('Now back');
    expect(applyChanges(text, cleanVtt(text, { removeSpans: [{ from, to }], removeEmptyCues: true }))).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthat is it. \n\n00:00:03.000 --> 00:00:04.000\nNow back.\n',
    );
  });

  it('on a real episode, no timing line changes', () => {
    const episode = readFileSync(join(import.meta.dirname, '../../../shared/fixtures/talkpython/515-temporal.vtt'), 'utf8');
    const out = applyChanges(episode, cleanVtt(episode, { fillers: true, repetitions: true, whitespace: true }));
    const timings = (t: string) => t.split('\n').filter((l) => l.includes('-->'));
    expect(timings(out)).toEqual(timings(episode));
    expect(out).not.toBe(episode);
  });
});
