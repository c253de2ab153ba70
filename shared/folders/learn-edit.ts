/**
 * Learning a correction from an edit: when the user changes a word or a short phrase in
 * a cue ("QDF" -> "cuDF"), the edit is read back from the text before and after it and
 * offered as a corrections.tsv rule. When the old word is an ordinary word that is also
 * used next to other words (a rough week, but pip install rough), the rule is limited
 * to the word next to the edited one (`before=install`), so the other sense stays.
 */
import { parseRules, WORD_CHAR } from '../corrections';

export interface LearnedEdit {
  /** The text as it was and as the user made it (whole words, no line breaks). */
  from: string;
  to: string;
  /** Offset of the edit in the new text. */
  at: number;
  /** The words right before and after the edited phrase (lowercased), if any. */
  before: string | null;
  after: string | null;
}

const MAX_CHARS = 60;
const MAX_WORDS = 4;

/** The word before `at` on its line (lowercased), skipping spaces and punctuation. */
export function wordBefore(text: string, at: number): string | null {
  const m = /([\p{L}\p{N}\p{M}_]+)[^\p{L}\p{N}\p{M}_\r\n]*$/u.exec(text.slice(Math.max(0, at - 80), at));
  return m ? m[1]!.toLowerCase() : null;
}

/** The word after `at` on its line (lowercased). */
export function wordAfter(text: string, at: number): string | null {
  const m = /^[^\p{L}\p{N}\p{M}_\r\n]*([\p{L}\p{N}\p{M}_]+)/u.exec(text.slice(at, at + 80));
  return m ? m[1]!.toLowerCase() : null;
}

/** The word or phrase one edit burst changed, or null when it was not a word change in cue text. */
export function learnedEdit(oldText: string, newText: string): LearnedEdit | null {
  let p = 0;
  const min = Math.min(oldText.length, newText.length);
  while (p < min && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  if (p === oldText.length && p === newText.length) return null;
  // Out to whole words on both sides (the unchanged text is the same in both).
  while (p > 0 && WORD_CHAR.test(oldText[p - 1]!)) p--;
  while (s > 0 && WORD_CHAR.test(oldText[oldText.length - s]!)) s--;
  const from = oldText.slice(p, oldText.length - s);
  const to = newText.slice(p, newText.length - s);
  const lead = Math.min(from.length - from.trimStart().length, to.length - to.trimStart().length);
  const a = from.slice(lead).trim();
  const b = to.slice(lead).trim();
  if (!a || !b || a === b || /[\r\n]/.test(a + b) || a.length > MAX_CHARS || b.length > MAX_CHARS) return null;
  if (!WORD_CHAR.test(a) || !WORD_CHAR.test(b)) return null;
  // Words only added or removed (`QDF for` -> `for`) are an edit of the sentence, not a misheard term.
  const wa = a.split(/\s+/);
  const wb = b.split(/\s+/);
  if (wa.length > MAX_WORDS || wb.length > MAX_WORDS) return null;
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  if (short.length < long.length && (short.every((w, i) => w === long[i]) || short.every((w, i) => w === long[long.length - short.length + i]))) return null;
  // Only cue text: never a timing line or the header.
  const lineStart = Math.max(newText.lastIndexOf('\n', p - 1), newText.lastIndexOf('\r', p - 1)) + 1;
  const lineEnd = newText.slice(lineStart).search(/[\r\n]|$/) + lineStart;
  const line = newText.slice(lineStart, lineEnd);
  if (line.includes('-->') || /^\uFEFF?WEBVTT/.test(line) || /^NOTE(\s|$)/.test(line)) return null;
  // A replacement the engine would refuse (markup) is not offered.
  if (parseRules(`${a}\t${b}`).diagnostics.length) return null;
  const at = p + lead;
  return { from: a, to: b, at, before: wordBefore(newText, at), after: wordAfter(newText, at + b.length) };
}

/**
 * The rule to offer: plain, or limited to the edited occurrence's neighbour when the old
 * text is an ordinary lowercase word found elsewhere next to other words (`neighbours`:
 * the words before and after each of its other occurrences).
 */
export function ruleFor(edit: LearnedEdit, neighbours: readonly { before: string | null; after: string | null }[]): { line: string; limited: 'before' | 'after' | null; otherSense: number } {
  const plain = { line: `${edit.from}\t${edit.to}`, limited: null, otherSense: 0 };
  if (!/^[\p{Ll}]+$/u.test(edit.from)) return plain;
  const side: 'before' | 'after' | null = edit.before ? 'before' : edit.after ? 'after' : null;
  if (!side) return plain;
  const word = edit[side]!;
  const otherSense = neighbours.filter((n) => n[side] !== word).length;
  if (!otherSense) return plain;
  return { line: `${edit.from}\t${edit.to}\t${side}=${word}`, limited: side, otherSense };
}
