/**
 * Repeated words in speech-recognition text: "the, the" -> "the", "I I" -> "I",
 * "it's it's it's" -> "it's". Case-insensitive ("The the" -> "The"); the first copy
 * stays, so its capital and position do. Found within one text span only, so a word is
 * never joined across a cue, a TXT timestamp or markup.
 *
 * Only a stumble on a small word (an article, pronoun, preposition, conjunction or
 * auxiliary: what people trip over while speaking) is pre-accepted. Any other repeat
 * may be meant ("a long, long time", "many, many, many", "what we do do") and is only
 * suggested; numbers are never touched ("0, 0, 0, 0, 0, 1 in binary").
 */
import type { CleaningChange } from './types';

/**
 * Words whose doubling is usually meant, kept as spoken and not even suggested: "had
 * had" and "that that" are grammatical; "bye bye", "no no", "so so", "very very",
 * "really really" are how people talk; "ha ha", "la la", "knock knock", "tut tut",
 * "yada yada" are idioms.
 */
export const REPEAT_ALLOWED: readonly string[] = ['had', 'that', 'bye', 'no', 'so', 'very', 'really', 'ha', 'la', 'knock', 'tut', 'yada'];

/** Small words a speaker stumbles on; repeating one never adds meaning. */
export const STUTTER_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'these', 'those', 'my', 'your', 'our', 'their', 'his', 'her', 'its',
  'i', "i'm", "i've", "i'll", "i'd", 'you', "you're", "you've", 'we', "we're", "we've", "we'll", 'he', "he's", 'she', "she's",
  'they', "they're", "they've", 'it', "it's", 'me', 'us', 'them', "that's", "there's", "what's", "let's",
  'and', 'but', 'or', 'if', 'because', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'as', 'into', 'about',
  'are', 'were', 'be', 'can', 'could', 'will', 'would', 'should', "don't", "didn't", "isn't", "can't", "won't",
  'what', 'which', 'who', 'where', 'when', 'how', 'why', 'there', 'then', 'like', 'just',
].flatMap((w) => [w, w.replace("'", '’')]));

/** A word (letters, digits, apostrophes) followed by one or more copies, with an optional comma between. */
const REPEATED_WORD = /(?<![\p{L}\p{N}'’])([\p{L}\p{N}'’]+)((?:,?[ \t]+\1(?![\p{L}\p{N}'’]))+)/giu;

const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;

export function repetitionChanges(text: string, from: number, to: number, allowed: ReadonlySet<string>): CleaningChange[] {
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  REPEATED_WORD.lastIndex = 0;
  for (let m = REPEATED_WORD.exec(body); m; m = REPEATED_WORD.exec(body)) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (allowed.has(lower) || !ALPHANUMERIC.test(word) || DIGIT.test(word)) continue;
    const at = from + m.index + word.length;
    // Only the copies go (with their comma and spaces); the first word is untouched.
    const change: CleaningChange = { from: at, to: at + m[2]!.length, insert: '', kind: 'repetition' };
    if (!STUTTER_WORDS.has(lower)) change.suggested = true;
    out.push(change);
  }
  return out;
}
