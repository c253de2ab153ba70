/**
 * Text that is not speech: page chrome (the navigation and promotion lines web pages
 * wrap transcripts in, as in ../shared/fixtures/pages) and spans the user marks for
 * removal (sponsor reads, which start and end mid-line and may run over several cues).
 */
import type { TextRange } from '../formats/vtt/types';
import type { CleaningChange } from './types';

/** Whole lines that are page furniture, not speech. Matched on the trimmed line. */
export const CHROME_LINES: readonly RegExp[] = [
  /^←?\s*Back to (Show Notes|show page)$/i,
  /^Transcript:\s/i,
  /^#\d+:.*\bTranscript$/i,
  /^Episode (Summary|Notes|Transcription|Transcript)$/i,
  /^Support the Show$/i,
  /^Recorded on \w+day, \w+\.? \d{1,2}, \d{4}\.?$/i,
  /^Monitor performance issues & errors in your code$/i,
  /^(Subscribe|Share|Download)( (to|on) .*)?$/i,
  /^Django Chat$/i,
  // Footer link rows: "Talk Python's Mastodon Michael Kennedy's Mastodon".
  /^(?:[\p{L} ]+['’]s (?:Mastodon|Twitter|Bluesky|LinkedIn|YouTube|GitHub)\s*)+$/iu,
];

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && CHROME_LINES.some((re) => re.test(t));
}

function lineBreakLength(text: string, at: number): number {
  if (text[at] === '\r') return text[at + 1] === '\n' ? 2 : 1;
  return text[at] === '\n' ? 1 : 0;
}

/** Removes each chrome line with its line break and one blank line after it, so paragraphs stay singly spaced. */
export function chromeChanges(text: string): CleaningChange[] {
  const out: CleaningChange[] = [];
  let from = 0;
  while (from < text.length) {
    let to = from;
    while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
    let next = to + lineBreakLength(text, to);
    if (isChromeLine(text.slice(from, to))) {
      let blank = next;
      while (blank < text.length && (text[blank] === ' ' || text[blank] === '\t')) blank++;
      if (lineBreakLength(text, blank) > 0) next = blank + lineBreakLength(text, blank);
      else if (next >= text.length && from > 0) {
        // The last line (no break after it): the breaks before it go instead, and
        // chrome lines right above it join the same removal.
        let start = from;
        while (out.length && out[out.length - 1]!.to === start) start = out.pop()!.from;
        while (start > 0 && (text[start - 1] === '\n' || text[start - 1] === '\r')) start--;
        out.push({ from: start, to: text.length, insert: '', kind: 'chrome' });
        break;
      }
      out.push({ from, to: next, insert: '', kind: 'chrome' });
    }
    from = next;
  }
  return out;
}

/**
 * Removal of marked spans. In a TXT the span goes as marked; elsewhere it is cut to the
 * text spans it crosses, so a WebVTT timing line inside a sponsor read stays.
 */
export function markedSpanChanges(marked: readonly TextRange[], textSpans: readonly TextRange[], clipToSpans: boolean): CleaningChange[] {
  const out: CleaningChange[] = [];
  for (const s of marked) {
    if (s.to <= s.from) continue;
    if (!clipToSpans) {
      out.push({ from: s.from, to: s.to, insert: '', kind: 'span' });
      continue;
    }
    // Spans are sorted: start at the first one ending after the mark (binary search), stop past its end.
    let lo = 0;
    let hi = textSpans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (textSpans[mid]!.to <= s.from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < textSpans.length && textSpans[i]!.from < s.to; i++) {
      const t = textSpans[i]!;
      const from = Math.max(s.from, t.from);
      const to = Math.min(s.to, t.to);
      if (to > from) out.push({ from, to, insert: '', kind: 'span' });
    }
  }
  return out;
}
