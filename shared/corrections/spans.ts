/**
 * Where corrections and cleaning may change a transcript: the words, never the times.
 * WebVTT: the text of each cue (from the spec parser; ids, timing lines, NOTE and STYLE
 * are left alone). SRT: lines that are neither a cue number nor a timing line. TXT: each
 * line after its leading timestamp (`HH:MM:SS`, `MM:SS`, `[00:12]`); speaker lines are
 * text too, so a misheard name is fixed there as well.
 */
import { detectFormat, type TranscriptFormat } from '../formats/detect';
import { parseVtt } from '../formats/vtt/parser';
import type { TextRange } from '../formats/vtt/types';

const LEADING_TIME = /^[ \t]*\[?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]?[ \t]*/;
const SPEAKER_TIME = /[ \t]+\d{1,2}(?::\d{2}){1,2}[ \t]*$/;

function eachLine(text: string, visit: (from: number, to: number) => void): void {
  let from = 0;
  while (from <= text.length) {
    let to = from;
    while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
    visit(from, to);
    if (to >= text.length) break;
    from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
  }
}

export function textSpans(text: string, format: TranscriptFormat = detectFormat(text)): TextRange[] {
  if (format === 'vtt') return parseVtt(text).cues.filter((c) => c.textRange.to > c.textRange.from).map((c) => c.textRange);
  const spans: TextRange[] = [];
  eachLine(text, (from, to) => {
    const line = text.slice(from, to);
    if (line.trim() === '') return;
    if (format === 'srt' && (/^\s*\d+\s*$/.test(line) || line.includes('-->'))) return;
    let start = from;
    let end = to;
    if (format === 'txt') {
      const lead = LEADING_TIME.exec(line);
      if (lead) start += lead[0].length;
      // `Speaker Name 1:23` lines: the name is text, the time is not.
      const trail = SPEAKER_TIME.exec(text.slice(start, end));
      if (trail && start + trail.index > start) end = start + trail.index;
    }
    if (end > start) spans.push({ from: start, to: end });
  });
  return spans;
}
