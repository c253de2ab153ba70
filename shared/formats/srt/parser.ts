/**
 * SRT reader. SRT has no formal spec, so it is tolerant: cue numbers may be missing or
 * out of order, blank lines may hold spaces or be missing between cues, `.` may stand
 * for `,` and hours may have one digit. Everything odd is reported with line:column;
 * nothing throws. Lossless like the WebVTT parser: it records ranges, never rewrites.
 */
import { scanTimestamp, msToSeconds } from '../timestamp';
import { DiagnosticSink } from '../vtt/diagnostics';
import type { LineEnding, TextRange } from '../vtt/types';
import type { SrtCue, SrtDocument } from './types';

interface Line {
  from: number;
  to: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let ls = from;
  if (text.indexOf('\r') === -1) {
    while (ls <= n) {
      let nl = text.indexOf('\n', ls);
      if (nl === -1) nl = n;
      lines.push({ from: ls, to: nl });
      ls = nl + 1;
    }
  } else {
    for (let i = from; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === 10 || c === 13 || c === -1) {
        lines.push({ from: ls, to: i });
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        ls = i + 1;
      }
    }
  }
  // A final terminator does not start another line.
  const last = lines[lines.length - 1];
  if (lines.length > 1 && last && last.from === n) lines.pop();
  return lines;
}

function isBlank(text: string, l: Line): boolean {
  for (let i = l.from; i < l.to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 12) return false;
  }
  return true;
}

/** The cue number on an index line (digits, surrounding spaces allowed), or null. */
function indexOf(text: string, l: Line): { value: number; range: TextRange } | null {
  let a = l.from;
  let b = l.to;
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  if (a === b || b - a > 15) return null;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return { value: Number(text.slice(a, b)), range: { from: a, to: b } };
}

/** Marks the lines containing `-->`, with one forward scan of the text (linear on any input). */
function markArrows(text: string, lines: readonly Line[]): Uint8Array {
  const marks = new Uint8Array(lines.length);
  let j = 0;
  for (let at = text.indexOf('-->'); at !== -1 && j < lines.length; at = text.indexOf('-->', at + 1)) {
    while (j < lines.length && lines[j]!.to < at + 3) j++;
    if (j < lines.length && lines[j]!.from <= at) marks[j] = 1;
  }
  return marks;
}

interface Timing {
  startMs: number;
  endMs: number;
  startRange: TextRange;
  endRange: TextRange;
  startStyle: SrtCue['startStyle'];
  endStyle: SrtCue['endStyle'];
  extraRange: TextRange;
}

function parseTiming(text: string, l: Line, sink: DiagnosticSink): Timing | null {
  let p = l.from;
  while (p < l.to && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  const startFrom = p;
  const start = scanTimestamp(text, p, l.to, ',', true);
  if (!start.ok) {
    sink.add(start.at, 1, 'error', `invalid start time: ${start.message}`);
    return null;
  }
  p = start.end;
  while (p < l.to && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  if (!text.startsWith('-->', p) || p + 3 > l.to) {
    sink.add(p, 1, 'error', "expected '-->' after the start time");
    return null;
  }
  p += 3;
  while (p < l.to && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  const endFrom = p;
  const end = scanTimestamp(text, p, l.to, ',', true);
  if (!end.ok) {
    sink.add(end.at, 1, 'error', `invalid end time: ${end.message}`);
    return null;
  }
  if (start.style.fraction !== ',' || end.style.fraction !== ',') {
    const at = start.style.fraction !== ',' ? start.end - 4 : end.end - 4;
    sink.add(at, 1, 'warning', "SRT times use ',' before the milliseconds");
  }
  return {
    startMs: start.ms,
    endMs: end.ms,
    startRange: { from: startFrom, to: start.end },
    endRange: { from: endFrom, to: end.end },
    startStyle: start.style,
    endStyle: end.style,
    extraRange: { from: end.end, to: l.to },
  };
}

function detectEol(text: string): LineEnding {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  if (lf === -1 || cr < lf) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

/** Parses SRT text. Never throws; problems go to `diagnostics`. */
export function parseSrt(text: string): SrtDocument {
  const sink = new DiagnosticSink(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = splitLines(text, bom ? 1 : 0);
  const cues: SrtCue[] = [];
  const n = lines.length;
  let expected = 1;
  let i = 0;
  const arrows = markArrows(text, lines);
  const isTiming = (k: number): boolean => k < n && arrows[k] === 1;
  /** Does a new cue start at line k (a timing line, or a number then a timing line)? */
  const cueStartsAt = (k: number): boolean => isTiming(k) || (k + 1 < n && indexOf(text, lines[k]!) !== null && isTiming(k + 1));

  if (lines.every((l) => isBlank(text, l))) sink.add(bom ? 1 : 0, 0, 'warning', 'empty SRT file: no cues');
  while (i < n) {
    const line = lines[i]!;
    if (isBlank(text, line)) {
      i++;
      continue;
    }
    let indexRange: TextRange | null = null;
    let index: number | null = null;
    const blockFrom = line.from;
    const num = indexOf(text, line);
    if (num && isTiming(i + 1)) {
      index = num.value;
      indexRange = num.range;
      i++;
    } else if (!isTiming(i)) {
      // Not a cue: skip to the next blank line or cue start.
      sink.add(line.from, line.to - line.from, 'error', 'expected a cue number or a timing line (00:00:01,000 --> 00:00:02,000); this text is not part of any cue');
      i++;
      while (i < n && !isBlank(text, lines[i]!) && !cueStartsAt(i)) i++;
      continue;
    }
    const timingLine = lines[i]!;
    const timing = parseTiming(text, timingLine, sink);
    i++;
    let textFrom = -1;
    let textTo = -1;
    while (i < n && !isBlank(text, lines[i]!)) {
      if (cueStartsAt(i)) {
        sink.add(lines[i]!.from, 0, 'warning', 'missing blank line before this cue');
        break;
      }
      if (textFrom === -1) textFrom = lines[i]!.from;
      textTo = lines[i]!.to;
      i++;
    }
    if (!timing) continue;
    if (index === null) {
      sink.add(timingLine.from, 0, 'warning', `missing cue number (expected ${expected})`);
    } else if (index !== expected && indexRange) {
      sink.add(indexRange.from, indexRange.to - indexRange.from, 'warning', `cue number ${index} out of sequence (expected ${expected})`);
    }
    expected = (index ?? expected) + 1;
    if (timing.endMs <= timing.startMs) {
      sink.add(timing.endRange.from, timing.endRange.to - timing.endRange.from, 'error', 'cue end time must be after its start time');
    }
    const raw = textFrom === -1 ? '' : text.slice(textFrom, textTo);
    cues.push({
      id: index === null ? '' : String(index),
      start: msToSeconds(timing.startMs),
      end: msToSeconds(timing.endMs),
      text: raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n'),
      speaker: null,
      index,
      range: { from: blockFrom, to: textFrom === -1 ? timingLine.to : textTo },
      indexRange,
      timingRange: { from: timingLine.from, to: timingLine.to },
      startRange: timing.startRange,
      endRange: timing.endRange,
      extraRange: timing.extraRange,
      textRange: textFrom === -1 ? { from: timingLine.to, to: timingLine.to } : { from: textFrom, to: textTo },
      startStyle: timing.startStyle,
      endStyle: timing.endStyle,
    });
  }
  sink.out.sort((a, b) => a.offset - b.offset);
  return { text, bom, eol: detectEol(text), cues, diagnostics: sink.out };
}
