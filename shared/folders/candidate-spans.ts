/**
 * The word spans of a transcript near where literal rules can match, instead of all of
 * them. Finding a file's spans parses the whole file (3-5 ms for an hour-long episode);
 * a folder search looks at 1,000 files and most hold a term a few times or not at all.
 * A literal term occurs in the raw text wherever it matches a span (the span text is the
 * raw text), so only the WebVTT blocks (or TXT lines) holding an occurrence are parsed,
 * each as the parser would see it in place: a WebVTT block is independent of those
 * before it once a cue has been seen, so it is parsed after a stand-in header and cue.
 * A regex rule's matches all hold its required text (required-text.ts), so the blocks
 * holding that text hold every match; a regex without one, and SRT files, get the
 * whole file's spans.
 */
import type { CorrectionRule, WordSpan } from '../corrections';
import { textSpans } from '../corrections';
import type { TranscriptFormat } from '../formats/detect';
import { escapeRegExp } from './folder-query';
import { requiredText, type RequiredText } from './required-text';

const patterns = new WeakMap<CorrectionRule, RegExp>();

const loosePatterns = new WeakMap<CorrectionRule, RegExp>();

const required = new WeakMap<CorrectionRule, RequiredText | null>();

function requiredOf(rule: CorrectionRule): RequiredText | null {
  if (!required.has(rule)) required.set(rule, requiredText(rule));
  return required.get(rule)!;
}

/**
 * Where a literal rule's term occurs in the text, whole word or not, in the rule's case;
 * `loose`: also in any case and spacing, where its near-misses can be (see near-miss.ts).
 */
function occurrences(text: string, rule: CorrectionRule, loose: boolean, out: number[]): void {
  const cache = loose ? loosePatterns : patterns;
  let re = cache.get(rule);
  if (!re) {
    // A regex rule has no near-misses (near-miss.ts): its required text in its own case will do.
    const term = rule.regex ? requiredOf(rule)!.text : rule.find;
    re = loose && !rule.regex
      ? new RegExp([...rule.find.replace(/\s+/g, '')].map(escapeRegExp).join('\\s*'), 'giu')
      : new RegExp(escapeRegExp(term), rule.ignoreCase ? 'giu' : 'gu');
    cache.set(rule, re);
  }
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
}

/** Before each block but the first: a header and one cue, so the block is read as one after cues. */
const PREFIX = 'WEBVTT\n\n00:00.000 --> 00:00.001\nx\n\n';

interface Window { from: number; to: number; prefix: string; keepFrom: number; keepTo: number }

const isBreak = (c: number) => c === 10 || c === 13;

/** Start of the line holding `p`. */
function lineStart(text: string, p: number): number {
  let i = p;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Where the line break before the line starting at `ls` begins (a CRLF is one break). */
function breakBefore(text: string, ls: number): number {
  return ls >= 2 && text.charCodeAt(ls - 1) === 10 && text.charCodeAt(ls - 2) === 13 ? ls - 2 : ls - 1;
}

/**
 * The WebVTT block holding `p`: from the line after the blank line above it (or the
 * start of the file: the first block) to the end of the line before the blank line below.
 * Walks line by line from `p`, so it costs the block's length, not the file's.
 */
function blockAt(text: string, p: number): { from: number; to: number; first: boolean } {
  let from = lineStart(text, p);
  while (from > 0) {
    const prevEnd = breakBefore(text, from);
    const prevStart = lineStart(text, prevEnd);
    if (prevStart === prevEnd) break;
    from = prevStart;
  }
  let to = nextBreak(text, p);
  while (to < text.length) {
    const next = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
    const nextEnd = nextBreak(text, next);
    if (nextEnd === next) break;
    to = nextEnd;
  }
  return { from, to, first: from === 0 };
}

function vttWindows(text: string, positions: readonly number[]): Window[] {
  const windows: Window[] = [];
  for (const p of positions) {
    const last = windows.at(-1);
    if (last && p < last.to) continue;
    const { from, to, first } = blockAt(text, p);
    windows.push({ from, to, prefix: first ? '' : PREFIX, keepFrom: from, keepTo: to });
  }
  return windows;
}

function txtWindows(text: string, positions: readonly number[]): Window[] {
  const windows: Window[] = [];
  for (const p of positions) {
    const from = lineStart(text, p);
    if (windows.at(-1)?.from === from) continue;
    const lineEnd = nextBreak(text, from);
    // The next line decides whether a number-only line is a cue number.
    const after = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
    const to = lineEnd >= text.length ? lineEnd : nextBreak(text, after);
    windows.push({ from, to, prefix: from === 0 ? '' : '\n', keepFrom: from, keepTo: lineEnd });
  }
  return windows;
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/**
 * The spans where `rules` may match (with `nearMisses`, also where their case and
 * spacing variants may be), in document order; null when nothing can match at all.
 */
export function candidateSpans(text: string, rules: readonly CorrectionRule[], format: TranscriptFormat, nearMisses = false): WordSpan[] | null {
  if (format === 'srt' || rules.some((r) => r.regex && !requiredOf(r))) return textSpans(text, format);
  const positions: number[] = [];
  for (const rule of rules) occurrences(text, rule, nearMisses, positions);
  if (!positions.length) return null;
  positions.sort((a, b) => a - b);
  const windows = format === 'vtt' ? vttWindows(text, positions) : txtWindows(text, positions);
  const out: WordSpan[] = [];
  for (const w of windows) {
    const shift = w.from - w.prefix.length;
    for (const span of textSpans(w.prefix + text.slice(w.from, w.to), format)) {
      const from = span.from + shift;
      const to = span.to + shift;
      if (from >= w.keepFrom && to <= w.keepTo) out.push({ ...span, from, to });
    }
  }
  return out;
}
