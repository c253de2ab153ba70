import { describe, expect, it } from 'vitest';
import { applyChanges } from '../model/text-change';
import { chromeChanges, isChromeLine, markedSpanChanges } from './chrome';
import { whitespaceChanges } from './whitespace';

describe('page chrome', () => {
  it('recognises the chrome lines of the page fixtures and not speech', () => {
    for (const line of ['← Back to Show Notes', 'Transcript: Django and Rust Tooling - Lily Foote', 'Episode Summary', 'Support the Show', 'Back to show page',
      'Monitor performance issues & errors in your code', '#451: Djangonauts, Ready for Blast-Off Transcript', 'Recorded on Wednesday, Jan 10, 2024.',
      "Talk Python's Mastodon Michael Kennedy's Mastodon", '  Episode Transcription  ']) {
      expect(isChromeLine(line), line).toBe(true);
    }
    for (const line of ['Hi, welcome to another episode of Django Chat', 'Support the show by buying a book', 'We should go back to show page one', '']) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });

  it('removes a chrome line with the blank line after it, and a last line with the breaks before it', () => {
    const text = 'Episode Summary\n\nHello.\r\n\r\nSupport the Show\r\n\r\nWorld.\n\nBack to show page\nKim\'s Mastodon';
    expect(applyChanges(text, chromeChanges(text))).toBe('Hello.\r\n\r\nWorld.');
  });
});

describe('marked spans', () => {
  it('removes a span as marked, or cut to the text spans it crosses', () => {
    const text = 'a b\nTIME\nc d';
    const spans = [{ from: 0, to: 3 }, { from: 9, to: 12 }];
    expect(applyChanges(text, markedSpanChanges([{ from: 2, to: 11 }], spans, false))).toBe('a d');
    expect(applyChanges(text, markedSpanChanges([{ from: 2, to: 11 }], spans, true))).toBe('a \nTIME\nd');
    expect(markedSpanChanges([{ from: 5, to: 5 }], spans, true)).toEqual([]);
  });
});

describe('whitespace', () => {
  it('collapses runs and trims each line of the span, never touching line breaks', () => {
    const text = ' a  b\t c \n  d\te ';
    expect(applyChanges(text, whitespaceChanges(text, 0, text.length))).toBe('a b c\nd e');
    expect(whitespaceChanges('a b', 0, 3)).toEqual([]);
  });
});
