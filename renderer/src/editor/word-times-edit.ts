/**
 * How word times follow edits: mapped when a cue's words stay, dropped when they change,
 * and carried over when a Split or a Merge only moves the same words into two cues or
 * one (the split's halves keep their words' times, so their edges can snap to words).
 */
import type { ChangeDesc, Text } from '@codemirror/state';
import { cueWords, type WordTime } from '../../../shared/align/word-tags';
import type { CueWordTimes } from './word-times';

export function mapEntry(e: CueWordTimes, changes: ChangeDesc): CueWordTimes {
  return {
    ...e,
    textFrom: changes.mapPos(e.textFrom, -1),
    textTo: changes.mapPos(e.textTo, 1),
    timingFrom: changes.mapPos(e.timingFrom, -1),
    timingTo: changes.mapPos(e.timingTo, 1),
  };
}

const wordTexts = (text: string) => cueWords(text).map((w) => w.text);
const equal = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Part {
  textFrom: number;
  textTo: number;
  timingFrom: number;
  timingTo: number;
}

/** End of the cue text that starts at `from`: its last line before a blank line or the end. */
function textEnd(doc: Text, from: number): number {
  let line = doc.lineAt(from);
  if (!line.text.trim()) return from;
  while (line.number < doc.lines) {
    const next = doc.line(line.number + 1);
    if (!next.text.trim() || next.text.includes('-->')) break;
    line = next;
  }
  return line.to;
}

/** The cue block after position `after`: blank lines, an optional id line, the timing line, its text. */
function nextCue(doc: Text, after: number): Part | null {
  let n = doc.lineAt(after).number + 1;
  while (n <= doc.lines && !doc.line(n).text.trim()) n++;
  if (n <= doc.lines && !doc.line(n).text.includes('-->')) n++; // the id line
  if (n > doc.lines || !doc.line(n).text.includes('-->')) return null;
  const timing = doc.line(n);
  if (n === doc.lines) return { textFrom: timing.to, textTo: timing.to, timingFrom: timing.from, timingTo: timing.to };
  const textFrom = doc.line(n + 1).from;
  return { textFrom, textTo: textEnd(doc, textFrom), timingFrom: timing.from, timingTo: timing.to };
}

/**
 * A Split: the cue's words now run on over the cues that follow it (each a prefix of
 * what is left). Their times go with them; null when the words do not add up.
 */
function splitOver(doc: Text, first: CueWordTimes, now: readonly string[]): CueWordTimes[] | null {
  const words = first.words;
  if (now.length === 0 || now.length >= words.length || !equal(now, words.slice(0, now.length).map((w) => w.text))) return null;
  const out: CueWordTimes[] = [{ ...first, words: words.slice(0, now.length) }];
  let k = now.length;
  let at = first.textTo;
  while (k < words.length) {
    const part = nextCue(doc, at);
    if (!part) return null;
    const texts = wordTexts(doc.sliceString(part.textFrom, part.textTo));
    const mine = words.slice(k, k + texts.length);
    if (texts.length === 0 || !equal(texts, mine.map((w) => w.text))) return null;
    out.push({ ...first, ...part, words: mine });
    k += texts.length;
    at = part.textTo;
  }
  return out;
}

/** The entries after `changes` (on the document `doc` they produce). */
export function carryWordTimes(entries: readonly CueWordTimes[], changes: ChangeDesc, doc: Text): CueWordTimes[] {
  const out: CueWordTimes[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const timingTouched = changes.touchesRange(e.timingFrom, e.timingTo);
    const mapped = mapEntry(e, changes);
    if (timingTouched && mapped.lowConfidence) mapped.lowConfidence = false;
    if (!changes.touchesRange(e.textFrom, e.textTo)) {
      out.push(mapped);
      continue;
    }
    // The cue's text as it is now: up to the blank line that ends its block.
    mapped.textTo = textEnd(doc, mapped.textFrom);
    const now = wordTexts(doc.sliceString(mapped.textFrom, mapped.textTo));
    if (equal(now, e.words.map((w) => w.text))) {
      out.push(mapped);
      continue;
    }
    const halves = splitOver(doc, mapped, now);
    if (halves) {
      out.push(...halves);
      continue;
    }
    // Merge: this cue's words followed by exactly the next cue's.
    const next = entries[i + 1];
    const joined: WordTime[] | null = next ? [...e.words, ...next.words] : null;
    if (joined && equal(now, joined.map((w) => w.text))) {
      const low = e.lowConfidence || next!.lowConfidence;
      const merged: CueWordTimes = { ...mapped, words: joined };
      if (e.confidence !== undefined && next!.confidence !== undefined) merged.confidence = Math.min(e.confidence, next!.confidence);
      if (low) merged.lowConfidence = true;
      out.push(merged);
      i++;
    }
  }
  return out;
}
