/**
 * Line-level cleaning: page chrome (the navigation and promotion lines web pages wrap
 * transcripts in, as in ../shared/fixtures/pages), sentence case for lowercase speech
 * recognition, and whitespace.
 */
import type { CleaningChange } from './types';

/** Whole lines that are page furniture, not speech. Matched on the trimmed line. */
export const CHROME_LINES: readonly RegExp[] = [
  /^←?\s*Back to (Show Notes|show page)\s*$/i,
  /^Transcript:\s/i,
  /^#\d+:.*\bTranscript\s*$/i,
  /^Episode (Summary|Notes|Transcription)\s*$/i,
  /^Support the Show\s*$/i,
  /^Recorded on \w+day, \w+ \d{1,2}, \d{4}\.?\s*$/i,
  /^Monitor performance issues & errors in your code\s*$/i,
  /^(Subscribe|Share|Download)( (to|on) .*)?\s*$/i,
  /^Django Chat\s*$/i,
];

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && CHROME_LINES.some((re) => re.test(t));
}

/** Capital after sentence ends and at the start of the span, `i` -> `I` (also `i'm`, `i've`...). */
export function caseChanges(text: string, from: number, to: number, startsSentence: boolean): CleaningChange[] {
  const out: CleaningChange[] = [];
  const re = /(?<![\p{L}\p{N}'’])i(?=['’](?:m|ve|ll|d)\b|(?![\p{L}\p{N}'’]))/gu;
  const body = text.slice(from, to);
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ from: from + m.index, to: from + m.index + 1, insert: 'I', kind: 'case' });
  const starts = /(^|[.?!]["”’)]?\s+)(\p{Ll})/gu;
  for (let m = starts.exec(body); m; m = starts.exec(body)) {
    if (m.index === 0 && m[1] === '' && !startsSentence) continue;
    const at = from + m.index + m[1]!.length;
    if (out.some((c) => c.from === at)) continue;
    out.push({ from: at, to: at + 1, insert: m[2]!.toUpperCase(), kind: 'case' });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Runs of spaces/tabs inside the span become one space; spaces at its ends go. */
export function whitespaceChanges(text: string, from: number, to: number): CleaningChange[] {
  const out: CleaningChange[] = [];
  const body = text.slice(from, to);
  const re = /[ \t]{2,}|\t/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ from: from + m.index, to: from + m.index + m[0].length, insert: ' ', kind: 'whitespace' });
  const lead = /^[ \t]+/.exec(body);
  if (lead) { out.splice(0, out.length, ...out.filter((c) => c.from >= from + lead[0].length)); out.unshift({ from, to: from + lead[0].length, insert: '', kind: 'whitespace' }); }
  const trail = /[ \t]+$/.exec(body);
  if (trail && trail.index > 0) {
    const at = from + trail.index;
    const kept = out.filter((c) => c.to <= at);
    out.splice(0, out.length, ...kept, { from: at, to: to, insert: '', kind: 'whitespace' });
  }
  return out;
}
