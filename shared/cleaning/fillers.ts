/**
 * Fillers (`um`, `uh`, ...) in speech-recognition text, found within one text span (a
 * cue's text, a TXT line's text). A filler goes together with the punctuation that only
 * belonged to it: "Uh, so we" -> "So we", "we, um, went" -> "we went", "so, um." ->
 * "so.". A sentence that started with a capitalised filler gets its capital back.
 */
import type { CleaningChange } from './types';

/** The default list: the six and their common spellings (`mm` is left out: "5 mm"). */
export const FILLERS: readonly string[] = ['um', 'uh', 'er', 'ah', 'erm', 'hmm', 'umm', 'uhm', 'hmmm'];

/**
 * Words after which "X, um, Y" keeps its comma ("Well, um, I" -> "Well, I"): the
 * comma there belongs to the interjection, not to the filler. Capitalised words (names
 * addressed: "Carlton, um, what") keep it too.
 */
const KEEPS_COMMA = new Set(['well', 'yeah', 'yes', 'yep', 'no', 'nope', 'okay', 'ok', 'oh', 'right', 'sure', 'hey', 'hi']);

const LETTER = /\p{L}/u;
const SPACE = /[ \t]/;
const WORD_BEFORE = /[\p{L}\p{N}'’]+$/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for a run of fillers ("uh uh", "um, uh" are one removal), compiled once per
 * cleaning. Case-sensitive on purpose: `um` and `Um` are fillers, `ER` (the hospital)
 * and `AH` are not.
 */
export function fillerPattern(words: readonly string[]): RegExp | null {
  const forms = [...new Set(words.flatMap((w) => {
    const lower = w.toLowerCase();
    return lower ? [lower, lower[0]!.toUpperCase() + lower.slice(1)] : [];
  }))];
  if (!forms.length) return null;
  // Longest first, so `umm` is not cut to `um`.
  forms.sort((a, b) => b.length - a.length);
  const one = `(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}'’-])`;
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])${one}(?:[ \\t]*,?[ \\t]+${one})*`, 'gu');
}

/** Whether `at` begins a sentence: the span's start, or after `.`, `?`, `!` and spaces. */
function sentenceStart(text: string, at: number, spanFrom: number): boolean {
  let i = at;
  while (i > spanFrom && /\s/.test(text[i - 1]!)) i--;
  return i === spanFrom || /[.?!]/.test(text[i - 1]!);
}

export function fillerChanges(text: string, from: number, to: number, pattern: RegExp | null): CleaningChange[] {
  if (!pattern) return [];
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    const start = from + m.index;
    const end = start + m[0].length;
    // The filler's own trailing commas/ellipsis, then the spaces after them.
    let punctEnd = end;
    while (punctEnd < to && /[,…]/.test(text[punctEnd]!)) punctEnd++;
    let after = punctEnd;
    while (after < to && SPACE.test(text[after]!)) after++;

    if (sentenceStart(text, start, from)) {
      // "Uh, so we" -> "So we"; "Um. So" -> "So".
      if (after < to && text[after] === '.') {
        after++;
        while (after < to && SPACE.test(text[after]!)) after++;
      }
      const next = text[after];
      const capitalise = next !== undefined && LETTER.test(next) && next !== next.toUpperCase() && m[0][0] !== m[0][0]!.toLowerCase();
      out.push(capitalise
        ? { from: start, to: after + 1, insert: next.toUpperCase(), kind: 'filler' }
        : { from: start, to: after, insert: '', kind: 'filler' });
      continue;
    }

    let before = start;
    while (before > from && SPACE.test(text[before - 1]!)) before--;
    const commaBefore = before > from && text[before - 1] === ',';
    if (after >= to || /[.?!;:]/.test(text[after]!)) {
      // Clause end: "so, um." -> "so."; the comma before was the filler's too.
      out.push({ from: commaBefore ? before - 1 : before, to: punctEnd, insert: '', kind: 'filler' });
      continue;
    }
    const commaAfter = punctEnd > end && text[end] === ',';
    if (commaBefore && commaAfter) {
      const previous = WORD_BEFORE.exec(text.slice(from, before - 1))?.[0] ?? '';
      const keepComma = KEEPS_COMMA.has(previous.toLowerCase()) || (previous !== 'I' && /^\p{Lu}/u.test(previous) && !sentenceStart(text, before - 1 - previous.length, from));
      // "we, um, went" -> "we went"; "Well, um, I" -> "Well, I". The space after stays.
      out.push(keepComma ? { from: start, to: after, insert: '', kind: 'filler' } : { from: before - 1, to: punctEnd, insert: '', kind: 'filler' });
      continue;
    }
    // "it was um great" / "it was um, great" / "yeah, um I" -> one space is left.
    out.push(after > punctEnd ? { from: start, to: after, insert: '', kind: 'filler' } : { from: before, to: punctEnd, insert: '', kind: 'filler' });
  }
  return out;
}
