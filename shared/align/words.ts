/**
 * A cue's words as the aligner sees them: the whitespace-separated tokens of its text
 * with tags removed (what `--to json` lists), the one-space-joined string the
 * synthesizer reads, and the synthesizer's word events mapped back onto those tokens.
 */
import { cueWords } from './word-tags';

export interface SpokenWords {
  tokens: string[];
  /** Tokens joined by single spaces: what is synthesized. */
  spoken: string;
  /** Character offset of each token in `spoken`. */
  offsets: number[];
}

export function spokenWords(rawCueText: string): SpokenWords {
  const tokens = cueWords(rawCueText).map((w) => w.text);
  const offsets: number[] = [];
  let at = 0;
  for (const t of tokens) {
    offsets.push(at);
    at += t.length + 1;
  }
  return { tokens, spoken: tokens.join(' '), offsets };
}

/** A synthesizer word event: where in the spoken string, and when in its audio (seconds). */
export interface WordEvent {
  at: number;
  time: number;
}

/**
 * Each token's span in the synthesized audio: it starts at its first word event (a
 * token like `3.5` is several spoken words) and ends where the next token starts, or
 * at `speechEnd`. Tokens the synthesizer said nothing for (a lone dash) get the time
 * of their neighbours.
 */
export function tokenSpans(words: SpokenWords, events: WordEvent[], speechStart: number, speechEnd: number): { start: number; end: number }[] {
  const n = words.tokens.length;
  const starts: (number | null)[] = new Array<number | null>(n).fill(null);
  let t = 0;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    while (t + 1 < n && words.offsets[t + 1]! <= e.at) t++;
    if (t < n && starts[t] === null) starts[t] = Math.max(speechStart, Math.min(speechEnd, e.time));
  }
  if (n > 0) starts[0] = speechStart;
  for (let k = 1; k < n; k++) if (starts[k] === null || starts[k]! < starts[k - 1]!) starts[k] = starts[k] === null ? null : starts[k - 1]!;
  // Fill silent tokens from the next known start.
  let next = speechEnd;
  for (let k = n - 1; k >= 0; k--) {
    if (starts[k] === null) starts[k] = next;
    next = starts[k]!;
  }
  return starts.map((s, k) => ({ start: s!, end: k + 1 < n ? Math.max(s!, starts[k + 1]!) : speechEnd }));
}
