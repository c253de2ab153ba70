/**
 * Where corrections and cleaning may change a transcript: the words, never the structure.
 * The format comes from the content (detect.ts), so a WebVTT or SRT saved as `.txt`
 * keeps its header, cue numbers, timing lines and settings.
 * - WebVTT: the text of each cue as the spec's cue text tokenizer sees it, cut at every
 *   tag (`<i>`, `<c.class>`, `<v Name>`, `<00:01.000>`) and character reference; ids,
 *   timing lines, settings, NOTE, STYLE, REGION and dropped blocks are left alone.
 * - SRT: lines that are neither a cue number nor a timing line, cut at `<tags>` and
 *   `{\an8}` overrides.
 * - TXT: each line after its leading timestamp (`HH:MM:SS`, `MM:SS`, `[00:12]`) and
 *   before a speaker line's time; speaker names are words, so a misheard name is fixed
 *   there too. Any line holding `-->` is a timing line in every format, and a first line
 *   starting `WEBVTT` in any case is a (damaged) header.
 */
import { detectFormat, type TranscriptFormat } from '../formats/detect';
import { tokenizeCueText } from '../formats/vtt/cue-text';
import { consumeCharacterReference } from '../formats/vtt/entities';
import { parseVtt } from '../formats/vtt/parser';
import type { TextRange, VttDocument } from '../formats/vtt/types';

/**
 * A run of words with no markup inside. Markup between two runs is invisible to the
 * reader, so `<b>Py</b>thon` is one word: `glueBefore`/`glueAfter` are the characters a
 * reader sees right before and after the run (across tags; a character reference's
 * decoded text), '' at the start or end of the cue or line, so whole-word matching does
 * not see a word edge where there is none.
 */
export interface WordSpan extends TextRange {
  glueBefore: string;
  glueAfter: string;
  /** The run starts where the cue's (or line's) text starts, not right after markup. */
  opensText: boolean;
  /** The run ends where the cue's (or line's) text ends, not right before markup. */
  closesText: boolean;
}

const LEADING_TIME = /^[ \t]*\[?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]?[ \t]*/;
const SPEAKER_TIME = /[ \t]+\d{1,2}(?::\d{2}){1,2}[ \t]*$/;
/** HTML-style tags and ASS override blocks as SRT players render them. */
const SRT_MARKUP = /<\/?[A-Za-z][^<>\r\n]*>|\{\\[^{}\r\n]*\}/g;

type Piece = { kind: 'text'; from: number; to: number } | { kind: 'markup'; shows: string };

/** Turns a line's or cue's pieces into word spans with their glue. */
function spansOf(pieces: readonly Piece[], text: string, out: WordSpan[]): void {
  const shownBefore: string[] = [];
  let last = '';
  for (const p of pieces) {
    shownBefore.push(last);
    const shown = p.kind === 'text' ? text.slice(p.from, p.to) : p.shows;
    if (shown) last = shown[shown.length - 1]!;
  }
  let next = '';
  const shownAfter: string[] = new Array<string>(pieces.length);
  for (let i = pieces.length - 1; i >= 0; i--) {
    shownAfter[i] = next;
    const p = pieces[i]!;
    const shown = p.kind === 'text' ? text.slice(p.from, p.to) : p.shows;
    if (shown) next = shown[0]!;
  }
  pieces.forEach((p, i) => {
    if (p.kind !== 'text' || p.to <= p.from) return;
    out.push({ from: p.from, to: p.to, glueBefore: shownBefore[i]!, glueAfter: shownAfter[i]!, opensText: i === 0, closesText: i === pieces.length - 1 });
  });
}

/** Text pieces and character references of `text[from, to)` (no tags inside). */
function withReferences(text: string, from: number, to: number, pieces: Piece[]): void {
  let pos = from;
  for (let amp = text.indexOf('&', from); amp !== -1 && amp < to; amp = text.indexOf('&', amp + 1)) {
    const ref = consumeCharacterReference(text, amp, to);
    if (!ref) continue;
    pieces.push({ kind: 'text', from: pos, to: amp }, { kind: 'markup', shows: ref.value });
    pos = ref.end;
    amp = ref.end - 1;
  }
  pieces.push({ kind: 'text', from: pos, to });
}

/** The word spans of a parsed WebVTT document (for callers that parsed it already). */
export function vttWordSpans(doc: VttDocument): WordSpan[] {
  const { text } = doc;
  const out: WordSpan[] = [];
  for (const cue of doc.cues) {
    const { from, to } = cue.textRange;
    if (to <= from) continue;
    const pieces: Piece[] = [];
    for (const token of tokenizeCueText(text.slice(from, to))) {
      if (token.type === 'text') withReferences(text, from + token.from, from + token.to, pieces);
      else pieces.push({ kind: 'markup', shows: '' });
    }
    spansOf(pieces, text, out);
  }
  return out;
}

function eachLine(text: string, visit: (from: number, to: number) => void): void {
  let from = 0;
  while (from <= text.length) {
    let to = from;
    while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
    visit(from, to);
    if (to >= text.length) break;
    from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
  }
}

function lineSpans(text: string, format: 'srt' | 'txt'): WordSpan[] {
  const lines: TextRange[] = [];
  eachLine(text, (from, to) => lines.push({ from, to }));
  const out: WordSpan[] = [];
  lines.forEach(({ from, to }, n) => {
    const line = text.slice(from, to);
    if (line.trim() === '' || line.includes('-->')) return;
    // A WebVTT header whose signature is misspelt (`webvtt`, `WEBVTTX`): still not words.
    if (n === 0 && /^\uFEFF?[ \t]*webvtt/i.test(line)) return;
    // A cue number: the line right before a timing line (in a TXT too: an SRT without its first number).
    const next = lines[n + 1];
    if (/^\s*\d+\s*$/.test(line) && (format === 'srt' || (next && text.slice(next.from, next.to).includes('-->')))) return;
    let start = from;
    let end = to;
    if (format === 'txt') {
      const lead = LEADING_TIME.exec(line);
      if (lead) start += lead[0].length;
      // `Speaker Name 1:23` lines: the name is text, the time is not.
      const trail = SPEAKER_TIME.exec(text.slice(start, end));
      if (trail && trail.index > 0) end = start + trail.index;
    }
    if (end <= start) return;
    const pieces: Piece[] = [];
    let pos = start;
    SRT_MARKUP.lastIndex = 0;
    const body = text.slice(start, end);
    for (let m = SRT_MARKUP.exec(body); m; m = SRT_MARKUP.exec(body)) {
      pieces.push({ kind: 'text', from: pos, to: start + m.index }, { kind: 'markup', shows: '' });
      pos = start + m.index + m[0].length;
    }
    pieces.push({ kind: 'text', from: pos, to: end });
    spansOf(pieces, text, out);
  });
  return out;
}

/** The word spans of a transcript, in document order. */
export function textSpans(text: string, format: TranscriptFormat = detectFormat(text)): WordSpan[] {
  return format === 'vtt' ? vttWordSpans(parseVtt(text)) : lineSpans(text, format);
}
