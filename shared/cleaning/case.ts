/**
 * Sentence case for lowercase speech recognition: a capital at each sentence start and
 * `i` -> `I` (also `i'm`, `i've`, `i'll`, `i'd`). Only lowercase letters are raised;
 * nothing is lowered, so names and acronyms stay as written.
 */
import type { CleaningChange } from './types';

/** The pronoun `i` alone or before a contraction; not `i.e.`, `i-th`, `i's`. */
const PRONOUN_I = /(?<![\p{L}\p{N}'’.-])i(?=['’](?:m|ve|ll|d)(?![\p{L}\p{N}])|(?![\p{L}\p{N}'’-]|\.\p{L}))/gu;
/** A lowercase letter after a sentence end (optionally closed by a quote or bracket) and spaces. */
const AFTER_SENTENCE_END = /([.?!])["”’)]?\s+(\p{Ll})/gu;
/** The first letter of a span, after spaces and opening quotes or brackets. */
const LEADING_LETTER = /^[\s"“'‘(]*(\p{L})/u;
/** A word with a capital after its first letter. */
const CAMEL_CASE = /^\p{Ll}[\p{L}\p{N}]*\p{Lu}/u;
/** The word that ends right before a period. */
const WORD_BEFORE_PERIOD = /([\p{L}.]+)$/u;
/** Abbreviations whose period does not end a sentence ("e.g. this", "vs. that", "Dr. who"). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'approx', 'fig', 'vol']);

/** Case changes within one span; `startsSentence`: whether the span's first letter starts a sentence. */
export function caseChanges(text: string, from: number, to: number, startsSentence: boolean): CleaningChange[] {
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  const raised = new Set<number>();
  const raise = (at: number) => {
    if (raised.has(at)) return;
    raised.add(at);
    const c = body[at]!;
    out.push({ from: from + at, to: from + at + 1, insert: c.toUpperCase(), kind: 'case' });
  };
  if (startsSentence) {
    const first = LEADING_LETTER.exec(body);
    const at = first ? first[0].length - 1 : -1;
    if (first && /\p{Ll}/u.test(first[1]!) && !CAMEL_CASE.test(body.slice(at, at + 24))) raise(at);
  }
  AFTER_SENTENCE_END.lastIndex = 0;
  for (let m = AFTER_SENTENCE_END.exec(body); m; m = AFTER_SENTENCE_END.exec(body)) {
    if (m[1] === '.') {
      const word = WORD_BEFORE_PERIOD.exec(body.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase();
      if (word && ABBREVIATIONS.has(word)) continue;
    }
    const at = m.index + m[0].length - 1;
    // `iPhone`, `eBay`: a brand's lowercase start stays.
    if (!CAMEL_CASE.test(body.slice(at, at + 24))) raise(at);
  }
  PRONOUN_I.lastIndex = 0;
  for (let m = PRONOUN_I.exec(body); m; m = PRONOUN_I.exec(body)) {
    raise(m.index);
  }
  return out.sort((a, b) => a.from - b.from);
}
