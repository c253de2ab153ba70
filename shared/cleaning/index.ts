/**
 * Cleaning of speech-recognition transcripts, as proposed changes: fillers, stutters,
 * page chrome, marked spans (sponsor reads), sentence case and whitespace. Works on the
 * words only (cue text in WebVTT, the text after the timestamp in TXT): timings never
 * change. Each change carries its kind and offsets into the input, so the app can show
 * a diff and apply all or some of them as one transaction.
 */
import { detectFormat, type TranscriptFormat } from '../formats/detect';
import { parseVtt } from '../formats/vtt/parser';
import { textSpans } from '../corrections/spans';
import type { TextRange } from '../formats/vtt/types';
import { caseChanges, isChromeLine, whitespaceChanges } from './lines';
import type { CleaningChange, CleaningKind, CleaningOptions } from './types';
import { FILLERS, fillerChanges, REPEAT_ALLOWED, repetitionChanges } from './words';

export type { CleaningChange, CleaningKind, CleaningOptions } from './types';
export { FILLERS, REPEAT_ALLOWED } from './words';
export { CHROME_LINES, isChromeLine } from './lines';

/** Earlier kinds win where changes overlap (a removed line needs no filler removed inside it; "uh uh" is two fillers, not a stutter). */
const PRIORITY: readonly CleaningKind[] = ['span', 'chrome', 'filler', 'repetition', 'whitespace', 'case'];

function chromeChanges(text: string): CleaningChange[] {
  const out: CleaningChange[] = [];
  let from = 0;
  while (from < text.length) {
    let to = from;
    while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
    let next = to + (text[to] === '\r' && text[to + 1] === '\n' ? 2 : to < text.length ? 1 : 0);
    if (isChromeLine(text.slice(from, to))) {
      // Take one blank line after it too, so paragraphs stay singly spaced.
      let blank = next;
      while (blank < text.length && (text[blank] === ' ' || text[blank] === '\t')) blank++;
      if (text[blank] === '\n' || text[blank] === '\r') next = blank + (text[blank] === '\r' && text[blank + 1] === '\n' ? 2 : 1);
      else if (blank >= text.length && from > 0) {
        // Last line: remove the break before it instead.
        let start = from;
        while (start > 0 && (text[start - 1] === '\n' || text[start - 1] === '\r')) start--;
        out.push({ from: start, to: text.length, insert: '', kind: 'chrome' });
        break;
      }
      out.push({ from, to: next, insert: '', kind: 'chrome' });
    }
    from = next === from ? from + 1 : next;
  }
  return out;
}

function lastNonSpace(text: string, before: number, floor: number): string | null {
  for (let i = before - 1; i >= floor; i--) if (!/\s/.test(text[i]!)) return text[i]!;
  return null;
}

/** Drops changes that overlap one kept earlier in priority order; returns them sorted by position. */
function resolve(changes: CleaningChange[]): CleaningChange[] {
  const ranked = changes.slice().sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.from - b.from);
  const kept: CleaningChange[] = [];
  for (const c of ranked) {
    const clash = kept.some((k) => c.from < k.to && k.from < c.to || (c.from === c.to && c.from > k.from && c.from < k.to) || (c.from === k.from && c.to === k.to));
    if (!clash) kept.push(c);
  }
  return kept.sort((a, b) => a.from - b.from || a.to - b.to);
}

export function cleanText(text: string, options: CleaningOptions, format: TranscriptFormat = detectFormat(text)): CleaningChange[] {
  const changes: CleaningChange[] = [];
  const spans: TextRange[] = textSpans(text, format);
  for (const s of options.removeSpans ?? []) {
    if (format === 'txt') {
      if (s.to > s.from) changes.push({ from: s.from, to: s.to, insert: '', kind: 'span' });
      continue;
    }
    // A marked span may run over several cues: only their words go, never a timing line.
    for (const t of spans) {
      const from = Math.max(s.from, t.from);
      const to = Math.min(s.to, t.to);
      if (to > from) changes.push({ from, to, insert: '', kind: 'span' });
    }
  }
  if (options.chrome && format === 'txt') changes.push(...chromeChanges(text));
  let first = true;
  for (const span of spans) {
    if (options.repetitions) changes.push(...repetitionChanges(text, span.from, span.to, options.allowedRepeats ?? REPEAT_ALLOWED));
    if (options.fillers) changes.push(...fillerChanges(text, span.from, span.to, options.fillerWords ?? FILLERS));
    if (options.whitespace) changes.push(...whitespaceChanges(text, span.from, span.to));
    if (options.case) {
      // A span continues the sentence of the text before it (a TXT line cut mid-sentence,
      // a timestamp prefix) unless that text ends a sentence.
      const prev = lastNonSpace(text, span.from, 0);
      changes.push(...caseChanges(text, span.from, span.to, first || prev === null || /[.?!]/.test(prev)));
    }
    first = false;
  }
  return resolve(changes);
}

export interface VttCleaningOptions extends CleaningOptions {
  /** Remove cues whose text cleaning empties; otherwise they stay, with no text. */
  removeEmptyCues?: boolean;
}

/**
 * Cleaning of a WebVTT document's cue text. A cue emptied by cleaning is removed (block
 * and the blank line after it) only when asked.
 */
export function cleanVtt(text: string, options: VttCleaningOptions): CleaningChange[] {
  const changes = cleanText(text, { ...options, chrome: false }, 'vtt');
  if (!options.removeEmptyCues) return changes;
  const doc = parseVtt(text);
  const out: CleaningChange[] = [];
  let i = 0;
  doc.blocks.forEach((block, b) => {
    if (block.kind !== 'cue') return;
    const { from, to } = block.cue.textRange;
    const inside: CleaningChange[] = [];
    while (i < changes.length && changes[i]!.from < from) out.push(changes[i++]!);
    while (i < changes.length && changes[i]!.to <= to && changes[i]!.from >= from) inside.push(changes[i++]!);
    let rest = text.slice(from, to);
    for (const c of inside.slice().reverse()) rest = rest.slice(0, c.from - from) + c.insert + rest.slice(c.to - from);
    if (to > from && rest.trim() === '') {
      const next = doc.blocks[b + 1];
      const prev = doc.blocks[b - 1];
      out.push(next
        ? { from: block.range.from, to: next.range.from, insert: '', kind: inside[0]?.kind ?? 'filler' }
        : { from: prev ? prev.range.to : block.range.from, to: block.range.to, insert: '', kind: inside[0]?.kind ?? 'filler' });
    } else out.push(...inside);
  });
  while (i < changes.length) out.push(changes[i++]!);
  return out;
}
