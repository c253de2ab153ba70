/**
 * Stuttered repetitions in speech-recognition text: "the, the" -> "the", "I I" -> "I",
 * "it's it's it's" -> "it's". Case-insensitive ("The the" -> "The"); the first copy
 * stays, so its capital and position do. Found within one text span only, so a word is
 * never joined across a cue or a TXT timestamp.
 */
import type { CleaningChange } from './types';

/**
 * Words whose doubling is usually meant, kept as spoken: "had had" and "that that" are
 * grammatical; "bye bye", "no no", "so so", "very very", "really really" are how people
 * talk; "ha ha", "la la", "knock knock", "tut tut", "yada yada" are idioms.
 */
export const REPEAT_ALLOWED: readonly string[] = ['had', 'that', 'bye', 'no', 'so', 'very', 'really', 'ha', 'la', 'knock', 'tut', 'yada'];

/** A word (letters, digits, apostrophes) followed by one or more copies, with an optional comma between. */
const REPEATED_WORD = /(?<![\p{L}\p{N}'’])([\p{L}\p{N}'’]+)((?:,?[ \t]+\1(?![\p{L}\p{N}'’]))+)/giu;

const ALPHANUMERIC = /[\p{L}\p{N}]/u;

export function repetitionChanges(text: string, from: number, to: number, allowed: ReadonlySet<string>): CleaningChange[] {
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  REPEATED_WORD.lastIndex = 0;
  for (let m = REPEATED_WORD.exec(body); m; m = REPEATED_WORD.exec(body)) {
    const word = m[1]!;
    if (allowed.has(word.toLowerCase()) || !ALPHANUMERIC.test(word)) continue;
    const at = from + m.index + word.length;
    // Only the copies go (with their comma and spaces); the first word is untouched.
    out.push({ from: at, to: at + m[2]!.length, insert: '', kind: 'repetition' });
  }
  return out;
}
