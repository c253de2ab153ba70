/**
 * Word times in WebVTT cue text as the spec's inline timestamp tags
 * (`Hello <00:01:02.345>world`): written only when asked (Export ▸ WebVTT with word
 * timestamps), read back from any VTT that has them. A word is a whitespace-separated
 * token of the cue's plain text (tags removed, references decoded), as in
 * `cueTextToPlain(raw).split(/\s+/)`; a tag gives the start of the word after it.
 */
import { tokenizeCueText } from '../formats/vtt/cue-text';
import { consumeCharacterReference } from '../formats/vtt/entities';
import { formatVttTimestamp, parseVttTimestamp, secondsToMs } from '../formats/timestamp';
import type { VttCue } from '../formats/vtt/types';
import { applyChanges, type TextChange } from '../model/text-change';

export interface WordTime {
  text: string;
  start: number;
  end: number;
}

/** A word of raw cue text: its plain text, where its first character is in `raw`, and the tag time just before it. */
export interface CueWord {
  text: string;
  rawFrom: number;
  /** Just past its last character in `raw` (a character reference counts whole). */
  rawTo: number;
  /** Time of the last timestamp tag between the previous word's start and this word; null when none. */
  tag: number | null;
}

const WHITESPACE = /\s/;

/** The words of raw cue text, with their raw offsets and the timestamp tags before them. */
export function cueWords(raw: string): CueWord[] {
  const words: CueWord[] = [];
  let current: CueWord | null = null;
  let pendingTag: number | null = null;
  const take = (ch: string, at: number, to: number) => {
    if (WHITESPACE.test(ch)) current = null;
    else if (current) {
      current.text += ch;
      current.rawTo = to;
    } else {
      current = { text: ch, rawFrom: at, rawTo: to, tag: pendingTag };
      pendingTag = null;
      words.push(current);
    }
  };
  for (const t of tokenizeCueText(raw)) {
    if (t.type === 'timestamp') {
      const seconds = parseVttTimestamp(t.value);
      if (seconds !== null) pendingTag = seconds;
      continue;
    }
    if (t.type !== 'text') continue;
    // Walk the raw text so each decoded character keeps the offset it came from.
    for (let p = t.from; p < t.to; ) {
      const ref = raw.charCodeAt(p) === 38 ? consumeCharacterReference(raw, p, t.to) : null;
      if (ref) {
        for (const ch of ref.value) take(ch, p, ref.end);
        p = ref.end;
      } else {
        const cp = raw.codePointAt(p)!;
        const to = p + (cp > 0xffff ? 2 : 1);
        take(String.fromCodePoint(cp), p, to);
        p = to;
      }
    }
  }
  return words;
}

/** Whether raw cue text carries any valid inline timestamp tag (cheap when it has no `<`). */
export function hasWordTags(raw: string): boolean {
  return raw.includes('<') && tokenizeCueText(raw).some((t) => t.type === 'timestamp' && parseVttTimestamp(t.value) !== null);
}

/**
 * Word times from the inline tags of a cue, or null when it has none. Words before the
 * first tag start at the cue's start; a run of words without tags shares the time up to
 * the next tag in proportion to their characters. A word ends where the next one starts
 * (the last at the cue's end). Times are clamped into the cue and kept in order.
 */
export function readWordTimes(raw: string, cueStart: number, cueEnd: number): WordTime[] | null {
  const words = cueWords(raw);
  if (!words.some((w) => w.tag !== null)) return null;
  const starts: (number | null)[] = words.map((w, i) => (w.tag !== null ? w.tag : i === 0 ? cueStart : null));
  let floor = cueStart;
  for (let i = 0; i < words.length; ) {
    if (starts[i] !== null) {
      floor = starts[i] = Math.min(Math.max(starts[i]!, floor), cueEnd);
      i++;
      continue;
    }
    // Untagged run i..j-1: spread between the previous start and the next known one.
    let j = i;
    while (j < words.length && starts[j] === null) j++;
    const from = starts[i - 1]!;
    const to = j < words.length ? Math.min(Math.max(starts[j]!, from), cueEnd) : cueEnd;
    const weights = words.slice(i - 1, j).map((w) => w.text.length + 1);
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let k = i; k < j; k++) {
      acc += weights[k - i]!;
      starts[k] = Math.round((from + ((to - from) * acc) / total) * 1000) / 1000;
    }
    i = j;
  }
  return words.map((w, i) => ({ text: w.text, start: starts[i]!, end: i + 1 < words.length ? starts[i + 1]! : Math.max(cueEnd, starts[i]!) }));
}

/** Raw cue text without its timestamp tags (valid or not); everything else byte for byte. */
export function stripTimestampTags(raw: string): string {
  if (!raw.includes('<')) return raw;
  let out = '';
  let at = 0;
  for (const t of tokenizeCueText(raw)) {
    if (t.type !== 'timestamp') continue;
    out += raw.slice(at, t.from);
    at = t.to;
  }
  return out + raw.slice(at);
}

/**
 * Writes word starts into raw cue text as inline tags, replacing any it had: a tag before
 * each word but the first (whose start is the cue's, unless it differs by a millisecond or
 * more). `words` must be the cue's words in order (same count).
 */
export function writeWordTimes(raw: string, words: readonly Pick<WordTime, 'start'>[], cueStart: number): string {
  const text = stripTimestampTags(raw);
  const positions = cueWords(text);
  if (positions.length !== words.length) {
    throw new Error(`the cue has ${positions.length} words but ${words.length} word times were given`);
  }
  const changes: TextChange[] = [];
  positions.forEach((w, i) => {
    const start = words[i]!.start;
    if (i === 0 && secondsToMs(start) === secondsToMs(cueStart)) return;
    changes.push({ from: w.rawFrom, to: w.rawFrom, insert: `<${formatVttTimestamp(start)}>` });
  });
  return applyChanges(text, changes);
}

/**
 * The document with word tags written into every cue that has word times (`timesOf`
 * returns null for a cue without them, which is left as it is). Only cue text changes.
 */
export function documentWithWordTimes(text: string, cues: readonly VttCue[], timesOf: (index: number) => readonly WordTime[] | null): string {
  const changes: TextChange[] = [];
  cues.forEach((cue, i) => {
    const times = timesOf(i);
    if (!times) return;
    const raw = text.slice(cue.textRange.from, cue.textRange.to);
    const next = writeWordTimes(raw, times, cue.start);
    if (next !== raw) changes.push({ from: cue.textRange.from, to: cue.textRange.to, insert: next });
  });
  return applyChanges(text, changes);
}
