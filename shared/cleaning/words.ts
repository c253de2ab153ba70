/**
 * Fillers and stuttered repetitions in speech-recognition text, found within one text
 * span (a cue's text, a TXT line's text). Fillers go with the punctuation that only
 * belonged to them ("Uh, so we" -> "So we", "we went, um, home" -> "we went, home"),
 * and a sentence that started with a filler gets its capital back.
 */
import type { CleaningChange } from './types';

export const FILLERS: readonly string[] = ['um', 'uh', 'er', 'ah', 'erm', 'hmm', 'umm', 'uhm', 'mm'];
export const REPEAT_ALLOWED: readonly string[] = ['had', 'that', 'bye', 'no', 'very', 'really', 'so', 'ha', 'la', 'knock', 'tut', 'yada'];

const LETTER = /\p{L}/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `at` begins a sentence: text start, or after `.`, `?`, `!` and spaces. */
function sentenceStart(text: string, at: number, spanFrom: number): boolean {
  let i = at;
  while (i > spanFrom && /\s/.test(text[i - 1]!)) i--;
  return i === spanFrom || /[.?!]/.test(text[i - 1]!);
}

export function fillerChanges(text: string, from: number, to: number, words: readonly string[]): CleaningChange[] {
  if (!words.length) return [];
  const one = `(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}'’-])`;
  // A run of fillers ("uh uh", "um, uh") is one removal.
  const re = new RegExp(`(?<![\\p{L}\\p{N}'’-])${one}(?:[ \\t]*,?[ \\t]+${one})*`, 'giu');
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  for (let m = re.exec(body); m; m = re.exec(body)) {
    let start = from + m.index;
    let end = start + m[0].length;
    // What follows the filler: its own comma/ellipsis and the space after.
    let after = end;
    while (after < to && /[,…]/.test(text[after]!)) after++;
    const punctAfter = after > end;
    while (after < to && /[ \t]/.test(text[after]!)) after++;
    const atStart = sentenceStart(text, start, from);
    if (atStart) {
      // "Uh, so we" -> "So we"; "Um. So" -> "So"; capitalise what now starts the sentence.
      if (after < to && text[after] === '.') { after++; while (after < to && /[ \t]/.test(text[after]!)) after++; }
      const next = text[after];
      const capital = next && LETTER.test(next) && next !== next.toUpperCase() && m[0][0] !== m[0][0]!.toLowerCase();
      out.push({ from: start, to: capital ? after + 1 : after, insert: capital ? next.toUpperCase() : '', kind: 'filler' });
      continue;
    }
    // Mid-sentence: drop the filler, its trailing comma, and one side's spaces.
    let before = start;
    while (before > from && /[ \t]/.test(text[before - 1]!)) before--;
    const commaBefore = before > from && text[before - 1] === ',';
    if (after >= to || /[.?!;:]/.test(text[after]!)) {
      // "so, um." -> "so." : the comma before belonged to the filler too.
      start = commaBefore ? before - 1 : before;
      end = punctAfter ? after : end;
      out.push({ from: start, to: end, insert: '', kind: 'filler' });
    } else {
      // "we went, um, home" -> "we went, home"; "it was um great" -> "it was great".
      out.push({ from: before, to: after, insert: before < start || punctAfter || after > end ? ' ' : '', kind: 'filler' });
    }
  }
  return out;
}

/** "the, the" / "I I" / "it's it's it's" -> one; case-insensitive; allowed doubles kept. */
export function repetitionChanges(text: string, from: number, to: number, allowed: readonly string[]): CleaningChange[] {
  const allow = new Set(allowed.map((w) => w.toLowerCase()));
  const re = /(?<![\p{L}\p{N}'’])([\p{L}\p{N}'’]+)((?:,?[ \t]+\1(?![\p{L}\p{N}'’]))+)/giu;
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const word = m[1]!;
    if (allow.has(word.toLowerCase())) continue;
    const at = from + m.index + word.length;
    out.push({ from: at, to: at + m[2]!.length, insert: '', kind: 'repetition' });
  }
  return out;
}
