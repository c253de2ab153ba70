/**
 * Sentence pieces of a run of words: where sentences end, how a sentence longer than a
 * limit is cut (at a clause, never mid-word), and how a subtitle's text wraps into lines.
 * Pure functions over word lists; segment.ts decides what the runs and limits are.
 */

/** A whitespace-separated token, with the index of the source piece it came from. */
export interface Word {
  text: string;
  /** Which input piece (chunk) the word is in; 0 for plain prose. */
  piece: number;
  /** Characters of its piece before the word (for a proportional time estimate). */
  offset: number;
}

export interface PieceLimits {
  /** Longest piece in characters (words joined by single spaces). */
  maxChars: number;
  /** When set, a piece must also wrap into `maxLines` lines of at most this many characters. */
  lineChars: number | null;
  maxLines: number;
}

/** Words of `text` in order, with their offsets. */
export function wordsOf(text: string, piece = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ text: m[0], piece, offset: m.index });
  return out;
}

export function joinedLength(words: readonly Word[]): number {
  let n = words.length > 0 ? words.length - 1 : 0;
  for (const w of words) n += w.text.length;
  return n;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'e.g', 'i.e', 'cf', 'approx', 'no', 'vol', 'fig']);
const CLOSERS = /["'”’»)\]]+$/u;

/**
 * Whether a sentence ends after `word`, given the word after it (undefined at the end).
 * `?` and `!` always end one; a full stop does unless it closes an abbreviation or an
 * initial, or the next word starts in lower case (speech-recognition text like
 * "1.5. so" rarely means a new sentence).
 */
export function endsSentence(word: string, next: string | undefined): boolean {
  const core = word.replace(CLOSERS, '');
  const last = core.at(-1);
  if (last === '?' || last === '!' || last === '…') return true;
  if (last !== '.') return false;
  const stem = core.slice(0, -1).replace(/^["'“‘«(\[]+/u, '');
  if (ABBREVIATIONS.has(stem.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(stem) && next !== undefined && /^\p{Lu}/u.test(next)) return false; // "J. Smith"
  if (next !== undefined && /^\p{Ll}/u.test(next)) return false;
  return true;
}

/** Splits a run of words into sentences (each a non-empty word list). */
export function sentencesOf(words: readonly Word[]): Word[][] {
  const out: Word[][] = [];
  let current: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    current.push(words[i]!);
    if (endsSentence(words[i]!.text, words[i + 1]?.text)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** Words a spoken clause often starts with: a good place to cut unpunctuated speech. */
const CLAUSE_STARTS = new Set([
  'and', 'but', 'so', 'because', 'or', 'then', 'which', 'when', 'where', 'while', 'if', 'though',
  'although', 'um', 'uh', 'yeah', 'okay', 'who', 'since', 'unless',
]);

/** How good a cut between `before` and `after` is: clause punctuation, then a clause word, then any space. */
function cutQuality(before: string, after: string): number {
  if (/[,;:–—]["'”’)]*$/u.test(before)) return 3;
  if (/[.?!…]["'”’)]*$/u.test(before)) return 3;
  if (CLAUSE_STARTS.has(after.toLowerCase().replace(/[^\p{L}']/gu, ''))) return 1.5;
  return 0;
}

/** Lines of `words` at most `width` wide, balanced, in at most `maxLines`; null when impossible. */
export function wrapWords(words: readonly Word[], width: number, maxLines: number): string[] | null {
  const total = joinedLength(words);
  if (total <= width) return [words.map((w) => w.text).join(' ')];
  if (maxLines < 2) return null;
  // Two lines (the subtitle case) by trying every cut; more lines greedily after the first.
  let best: { k: number; score: number } | null = null;
  let first = -1;
  for (let k = 1; k < words.length; k++) {
    first += words[k - 1]!.text.length + 1;
    const second = total - first - 1;
    if (first > width) break;
    const rest = maxLines === 2 ? (second <= width ? second : Infinity) : 0;
    if (rest === Infinity) continue;
    if (maxLines > 2 && !wrapWords(words.slice(k), width, maxLines - 1)) continue;
    const score = Math.abs(first - second) - 4 * cutQuality(words[k - 1]!.text, words[k]!.text);
    if (!best || score < best.score) best = { k, score };
  }
  if (!best) return null;
  const head = words.slice(0, best.k).map((w) => w.text).join(' ');
  const tail = wrapWords(words.slice(best.k), width, maxLines - 1);
  return tail ? [head, ...tail] : null;
}

export function fits(words: readonly Word[], limits: PieceLimits): boolean {
  if (words.length <= 1) return true; // a single over-long word (a URL) cannot be cut
  if (joinedLength(words) > limits.maxChars) return false;
  return limits.lineChars === null || wrapWords(words, limits.lineChars, limits.maxLines) !== null;
}

/**
 * Cuts a sentence into pieces that fit the limits, as few and as even as possible,
 * preferring cuts after a comma or before a clause word. Never cuts inside a word.
 */
export function cutToLimits(sentence: readonly Word[], limits: PieceLimits): Word[][] {
  // Prefix sums of "word + space": a run's length is O(1), so a sentence of any length
  // (unpunctuated speech recognition runs for thousands of words) is cut in linear time.
  const pre = [0];
  for (const w of sentence) pre.push(pre.at(-1)! + w.text.length + 1);
  const length = (from: number, to: number) => pre[to]! - pre[from]! - 1;
  const n = sentence.length;
  const out: Word[][] = [];
  let at = 0;
  while (n - at > 1 && (length(at, n) > limits.maxChars || !fits(sentence.slice(at), limits))) {
    const total = length(at, n);
    const pieces = Math.max(2, Math.ceil(total / limits.maxChars));
    const target = total / pieces;
    let best = { k: 1, score: -Infinity };
    for (let k = 1; at + k < n; k++) {
      const len = length(at, at + k);
      if (len > limits.maxChars && k > 1) break;
      if (!fits(sentence.slice(at, at + k), limits)) continue;
      // A cut that leaves more than the other pieces can hold would add a piece: avoid it.
      const crowded = total - len - 1 > (pieces - 1) * limits.maxChars * 0.9;
      const score = cutQuality(sentence[at + k - 1]!.text, sentence[at + k]!.text) - (2 * Math.abs(len - target)) / target - (crowded ? 10 : 0);
      if (score >= best.score) best = { k, score };
    }
    out.push(sentence.slice(at, at + best.k));
    at += best.k;
  }
  if (at < n) out.push(sentence.slice(at));
  return out;
}

/** Joins consecutive short sentences into pieces up to `groupChars` (transcript cues). */
export function groupSentences(sentences: readonly Word[][], groupChars: number): Word[][] {
  const out: Word[][] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (last && joinedLength(last) + 1 + joinedLength(s) <= groupChars) last.push(...s);
    else out.push(s.slice());
  }
  return out;
}
