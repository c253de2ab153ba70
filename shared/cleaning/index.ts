/**
 * Cleaning of speech-recognition transcripts, as proposed changes: fillers, stutters,
 * page chrome, marked spans (sponsor reads), sentence case and whitespace. Works on the
 * words only (cue text in WebVTT, the text after the timestamp in TXT): timings never
 * change. Each change carries its kind and offsets into the input, so the app can show
 * a diff and apply all or some of them as one transaction.
 */
import { detectFormat, type TranscriptFormat } from '../formats/detect';
import { parseVtt } from '../formats/vtt/parser';
import { createsMarkup } from '../corrections/markup';
import { textSpans, vttWordSpans, type WordSpan } from '../corrections/spans';
import type { VttDocument } from '../formats/vtt/types';
import { applyChanges } from '../model/text-change';
import { caseChanges } from './case';
import { keepLines } from './lines';
import { chromeChanges, markedSpanChanges } from './chrome';
import { FILLERS, fillerChanges, fillerPattern } from './fillers';
import { REPEAT_ALLOWED, repetitionChanges } from './repetitions';
import type { CleaningChange, CleaningKind, CleaningOptions } from './types';
import { whitespaceChanges } from './whitespace';

export type { CleaningChange, CleaningKind, CleaningOptions } from './types';
export { FILLERS } from './fillers';
export { REPEAT_ALLOWED, STUTTER_WORDS } from './repetitions';
export { CHROME_LINES, isChromeLine } from './chrome';

/**
 * Where changes overlap, the earlier kind wins: a removed line or span needs no filler
 * removed inside it, "uh uh" is two fillers rather than a stutter, and a filler removal
 * that re-capitalises the next word replaces the case change there.
 */
const PRIORITY: readonly CleaningKind[] = ['span', 'chrome', 'filler', 'repetition', 'whitespace', 'case'];

function clash(a: CleaningChange, b: CleaningChange): boolean {
  if (a.from < b.to && b.from < a.to) return true;
  // An insertion inside a removal, or two insertions at one point.
  if (a.from === a.to && a.from > b.from && a.from < b.to) return true;
  if (b.from === b.to && b.from > a.from && b.from < a.to) return true;
  return a.from === b.from && a.to === b.to;
}

/**
 * Keeps, kind by kind in priority order, the changes that clash with none kept before;
 * returns them sorted. Kept changes never overlap, so they are sorted by `to` as well
 * as by `from`, and each check is a binary search: O(n log n) for a 4,000-cue file.
 */
function resolve(changes: readonly CleaningChange[]): CleaningChange[] {
  let kept: CleaningChange[] = [];
  for (const kind of PRIORITY) {
    const candidates = changes.filter((c) => c.kind === kind).sort((a, b) => a.from - b.from || a.to - b.to);
    const accepted: CleaningChange[] = [];
    for (const c of candidates) {
      const previous = accepted[accepted.length - 1];
      if (previous && clash(previous, c)) continue;
      // First kept change that ends at or after c.from.
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (kept[mid]!.to < c.from) lo = mid + 1;
        else hi = mid;
      }
      let blocked = false;
      for (let i = lo; i < kept.length && kept[i]!.from <= c.to; i++) {
        if (clash(kept[i]!, c)) { blocked = true; break; }
      }
      if (!blocked) accepted.push(c);
    }
    kept = merge(kept, accepted);
  }
  return kept;
}

function merge(a: readonly CleaningChange[], b: readonly CleaningChange[]): CleaningChange[] {
  const out: CleaningChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.from < y.from || (x.from === y.from && x.to <= y.to)))) { out.push(x!); i++; }
    else { out.push(y); j++; }
  }
  return out;
}

/** The last non-space character in [floor, before), or null. */
function lastNonSpace(text: string, before: number, floor: number): string | null {
  for (let i = before - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return c;
  }
  return null;
}

/** Proposed changes for a transcript's text spans (see textSpans); the caller applies some or all. */
export function cleaningChanges(text: string, options: CleaningOptions, format: TranscriptFormat = detectFormat(text)): CleaningChange[] {
  return changesFor(text, options, format, format === 'vtt' ? parseVtt(text) : null);
}

/** `doc`: the text parsed, when it is WebVTT (parsed once for spans, cue containers and empty cues). */
function changesFor(text: string, options: CleaningOptions, format: TranscriptFormat, doc: VttDocument | null): CleaningChange[] {
  const changes: CleaningChange[] = [];
  const spans: WordSpan[] = doc ? vttWordSpans(doc) : textSpans(text, format);
  if (options.removeSpans?.length) changes.push(...markedSpanChanges(options.removeSpans, spans, format !== 'txt'));
  if (options.chrome && format === 'txt') changes.push(...chromeChanges(text));
  // Compiled once per document, not per cue.
  const fillers = options.fillers ? fillerPattern(options.fillerWords ?? FILLERS) : null;
  const allowed = new Set((options.allowedRepeats ?? REPEAT_ALLOWED).map((w) => w.toLowerCase()));
  let previous: WordSpan | null = null;
  for (const span of spans) {
    if (options.repetitions) changes.push(...repetitionChanges(text, span.from, span.to, allowed));
    if (fillers) changes.push(...fillerChanges(text, span.from, span.to, fillers));
    if (options.whitespace) changes.push(...whitespaceChanges(text, span.from, span.to, { start: span.opensText, end: span.closesText }));
    if (options.case) {
      // A span continues the sentence of the span before it (a cue or TXT line cut
      // mid-sentence) unless that one ended a sentence.
      const end = previous ? lastNonSpace(text, previous.to, previous.from) : null;
      changes.push(...caseChanges(text, span.from, span.to, previous === null || end === null || /[.?!]/.test(end)));
    }
    previous = span;
  }
  const containers = doc ? doc.cues.map((c) => c.textRange) : [{ from: 0, to: text.length }];
  return keepLines(text, resolve(changes), containers).filter((c) => !createsMarkup(text, c.from, c.to, c.insert));
}

export interface CleanedText {
  /** The input with every change applied except the suggested ones. */
  text: string;
  /** Every change, suggested ones included, with offsets into the input. */
  changes: CleaningChange[];
}

/** The changes applied without asking: all but the suggested ones. */
export function acceptedByDefault<C extends CleaningChange>(changes: readonly C[]): C[] {
  return changes.filter((c) => !c.suggested);
}

/** Cleans a transcript's words: the cleaned text and every change, with offsets into the input. */
export function cleanText(text: string, options: CleaningOptions, format: TranscriptFormat = detectFormat(text)): CleanedText {
  const changes = cleaningChanges(text, options, format);
  return { text: applyChanges(text, acceptedByDefault(changes)), changes };
}

export interface VttCleaningOptions extends CleaningOptions {
  /** Remove cues whose text cleaning empties; otherwise they stay, with no text (valid WebVTT). */
  removeEmptyCues?: boolean;
}

/**
 * Cleaning of a WebVTT document's cue text; ids, timings, NOTE and STYLE never change.
 * A cue emptied by cleaning is removed (its block and the blank line after it, as
 * removeCue in formats/vtt/edit does) only when asked. Inlined here rather than calling
 * removeCue, which looks the cue up by a linear search: quadratic over a 4,000-cue file.
 */
export function cleanVtt(text: string, options: VttCleaningOptions): CleaningChange[] {
  const doc = parseVtt(text);
  const changes = changesFor(text, { ...options, chrome: false }, 'vtt', doc);
  if (!options.removeEmptyCues) return changes;
  const out: CleaningChange[] = [];
  let i = 0;
  doc.blocks.forEach((block, b) => {
    if (block.kind !== 'cue') return;
    const { from, to } = block.cue.textRange;
    while (i < changes.length && changes[i]!.from < from) out.push(changes[i++]!);
    const inside: CleaningChange[] = [];
    while (i < changes.length && changes[i]!.from >= from && changes[i]!.to <= to) inside.push(changes[i++]!);
    const sure = acceptedByDefault(inside);
    const emptied = to > from && sure.length > 0 && applyChanges(text.slice(from, to), sure.map((c) => ({ ...c, from: c.from - from, to: c.to - from }))).trim() === '';
    if (!emptied) {
      out.push(...inside);
      return;
    }
    const next = doc.blocks[b + 1];
    const prev = doc.blocks[b - 1];
    const kind = sure[0]!.kind;
    out.push(next
      ? { from: block.range.from, to: next.range.from, insert: '', kind }
      : { from: prev ? prev.range.to : doc.header.range.to, to: block.range.to, insert: '', kind });
  });
  while (i < changes.length) out.push(changes[i++]!);
  return out;
}
