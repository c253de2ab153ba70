/**
 * Imports a plain-text transcript, recognising its shape from the content (never the
 * file name): `HH:MM:SS text` entries (talkpython repo), `MM:SS text` lines (web pages),
 * `Speaker M:SS` headings over paragraphs (Otter exports), or untimed prose.
 *
 * Nothing is dropped: every word ends up in a cue (text or speaker) or in a note, and
 * each timed cue keeps the clock it consumed in `stamp`. A cue without a known end ends
 * where the next one starts (the last one at `duration`, or null when that is unknown).
 * Untimed cues have `start`/`end` null: they need timing and must not be shown as timed.
 */
import { LineIndex, type Diagnostic } from '../../model/diagnostic';
import { scanClock } from './clock';
import type { ImportedCue, ImportedNote, TxtImport, TxtShape } from './types';

export interface TxtImportOptions {
  /** Length of the audio in seconds: the last timed cue ends there. */
  duration?: number;
}

/** Longest speaker name accepted in a `Name M:SS` heading; longer lines are prose ending in a time. */
const MAX_SPEAKER_NAME = 48;
/** Untimed prose is cut into cues at sentence ends, or at this many characters when there are none. */
const MAX_UNTIMED_CUE_CHARS = 300;
/** Below this share of explained lines a timed shape is not believed. */
const MIN_SHAPE_SHARE = 0.3;
/** Below this share the result carries a message asking the user to check it. */
const SURE_SHARE = 0.9;

/** C0 controls other than tab, line feed, form feed and carriage return never occur in typed text. */
const CONTROL_CHAR = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/;

const SHAPE_LABEL: Record<TxtShape, string> = {
  'timestamped-hms': 'HH:MM:SS text entries',
  'timestamped-mmss': 'M:SS text lines',
  'speaker-blocks': 'speaker blocks (Name M:SS + paragraph)',
  untimed: 'untimed prose',
};

interface Line {
  text: string;
  offset: number;
  /** Set when the line starts with a clock followed by a space (or nothing). */
  timed: { seconds: number; textStart: number; hms: boolean } | null;
  /** Set when the line is `Name M:SS`. */
  heading: { name: string; seconds: number; stampStart: number } | null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function classify(text: string, offset: number): Line {
  const line: Line = { text, offset, timed: null, heading: null };
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const clock = scanClock(text, 0);
    if (clock && (clock.end === text.length || isSpace(text.charCodeAt(clock.end)))) {
      let p = clock.end;
      while (p < text.length && isSpace(text.charCodeAt(p))) p++;
      line.timed = { seconds: clock.seconds, textStart: p, hms: clock.hms };
      return line;
    }
  }
  const heading = speakerHeading(text);
  if (heading) line.heading = { name: heading.name, seconds: heading.seconds, stampStart: heading.stampFrom };
  return line;
}

/** Where a `Name M:SS` heading line (Otter's speaker blocks) keeps its name and its clock (offsets in the line). */
export interface SpeakerHeading {
  name: string;
  nameFrom: number;
  nameTo: number;
  stampFrom: number;
  stampTo: number;
  seconds: number;
}

/** Reads `text` (one line) as a `Name M:SS` heading; null when it is not one. */
export function speakerHeading(text: string): SpeakerHeading | null {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  const space = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\t', end - 1));
  if (space <= 0 || space > MAX_SPEAKER_NAME || end - space > 9) return null;
  const clock = scanClock(text, space + 1, end);
  if (!clock || clock.end !== end) return null;
  const name = text.slice(0, space).trim();
  if (!name || /[.?!,;]$/.test(name)) return null;
  const nameFrom = text.indexOf(name);
  return { name, nameFrom, nameTo: nameFrom + name.length, stampFrom: space + 1, stampTo: end, seconds: clock.seconds };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push(classify(text.slice(start, i), start));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

function isBlank(s: string): boolean {
  return s.trim().length === 0;
}

/** Fills missing ends: each cue ends where the next (later) one starts, the last at `duration`. */
function fillEnds(cues: ImportedCue[], duration: number | undefined): void {
  let nextStart: number | null = duration !== undefined && Number.isFinite(duration) ? duration : null;
  for (let i = cues.length - 1; i >= 0; i--) {
    const cue = cues[i]!;
    if (cue.start === null) continue;
    if (cue.end === null) cue.end = nextStart !== null && nextStart >= cue.start ? nextStart : null;
    nextStart = cue.start;
  }
}

/** The shape that explains most lines, and the share of the non-empty lines it explains. */
function shapeOf(lines: readonly Line[]): { shape: TxtShape; share: number } {
  let nonEmpty = 0;
  let hms = 0;
  let timed = 0;
  let speakerExplained = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line.text)) continue;
    nonEmpty++;
    if (line.timed) {
      timed++;
      if (line.timed.hms) hms++;
    } else if (line.heading) {
      speakerExplained++;
      for (let j = i + 1; j < lines.length && !isBlank(lines[j]!.text) && !lines[j]!.heading; j++) speakerExplained++;
    }
  }
  const timedShare = timed / nonEmpty;
  const speakerShare = speakerExplained / nonEmpty;
  let shape: TxtShape;
  let share: number;
  if (timed >= 2 && timedShare >= MIN_SHAPE_SHARE && timedShare >= speakerShare) {
    shape = hms * 2 >= timed ? 'timestamped-hms' : 'timestamped-mmss';
    share = timedShare;
  } else if (speakerExplained >= 2 && speakerShare >= MIN_SHAPE_SHARE) {
    shape = 'speaker-blocks';
    share = speakerShare;
  } else {
    shape = 'untimed';
    // Sure it is prose when no line looks timed at all.
    share = 1 - Math.max(timedShare, speakerShare);
  }
  return { shape, share };
}

/** The TXT shape `importTxt` would read `text` as (the pairing of a VTT with its TXT asks too). */
export function txtShape(text: string): TxtShape {
  return shapeOf(splitLines(text)).shape;
}

export function importTxt(input: string, options: TxtImportOptions = {}): TxtImport {
  let text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  const index = new LineIndex(input);
  const diagnostics: Diagnostic[] = [];
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // Binary files are refused by their bytes before this (binary.ts); a stray NUL in
    // text is read as U+FFFD, as the WebVTT parser does (same length: offsets hold).
    diagnostics.push(index.diagnostic(nul, 1, 'warning', 'NUL character (U+0000): read as U+FFFD'));
    text = text.replace(/\u0000/g, '\ufffd');
  }
  if (isBlank(text)) {
    diagnostics.push(index.diagnostic(0, 0, 'error', 'the text is empty: nothing to import'));
    return { shape: 'untimed', confidence: 0, message: 'The text is empty.', cues: [], notes: [], diagnostics };
  }
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    diagnostics.push(index.diagnostic(control.index, 1, 'warning', `control character U+${code}: this may not be a text transcript`));
  }
  const lines = splitLines(text);
  const { shape, share } = shapeOf(lines);
  const cues: ImportedCue[] = [];
  const notes: ImportedNote[] = [];
  if (shape === 'timestamped-hms' || shape === 'timestamped-mmss') readTimed(lines, cues, notes);
  else if (shape === 'speaker-blocks') readSpeakerBlocks(lines, cues, notes);
  else readUntimed(lines, cues);
  let previous = -1;
  for (const cue of cues) {
    if (cue.start === null) continue;
    if (cue.start < previous) {
      const line = lines[cue.line - 1]!;
      diagnostics.push(index.diagnostic(line.offset, cue.stamp?.length ?? 0, 'warning', `time ${cue.stamp} is earlier than the entry before it`));
    }
    previous = Math.max(previous, cue.start);
  }
  fillEnds(cues, options.duration);
  const confidence = Math.round(Math.min(1, Math.max(0, share)) * 1000) / 1000;
  const result: TxtImport = { shape, confidence, cues, notes, diagnostics };
  if (shape === 'untimed') {
    result.message = `No timestamps found: read as untimed prose; ${cues.length} cues need timing.`;
    diagnostics.push(index.diagnostic(0, 0, 'warning', `no timestamps found: ${cues.length} cues need timing`));
  } else if (confidence < SURE_SHARE) {
    result.message = `Read as ${SHAPE_LABEL[shape]}, but only ${Math.round(confidence * 100)}% of the non-empty lines fit that shape; the other ${notes.length} lines are kept as notes. Check the result.`;
  }
  return result;
}

function readTimed(lines: Line[], cues: ImportedCue[], notes: ImportedNote[]): void {
  let current: ImportedCue | null = null;
  let blankSinceCue = false;
  lines.forEach((line, i) => {
    if (isBlank(line.text)) {
      blankSinceCue = true;
      return;
    }
    if (line.timed) {
      current = {
        id: String(cues.length + 1),
        start: line.timed.seconds,
        end: null,
        text: line.text.slice(line.timed.textStart),
        speaker: null,
        line: i + 1,
        stamp: line.text.slice(0, line.text.search(/[ \t]|$/)),
      };
      cues.push(current);
      blankSinceCue = false;
    } else if (current !== null && !blankSinceCue) {
      // A wrapped entry: the line continues the cue above it.
      (current as ImportedCue).text += '\n' + line.text;
    } else {
      notes.push({ text: line.text, line: i + 1 });
    }
  });
}

function readSpeakerBlocks(lines: Line[], cues: ImportedCue[], notes: ImportedNote[]): void {
  let current: ImportedCue | null = null;
  lines.forEach((line, i) => {
    if (isBlank(line.text)) {
      current = null;
      return;
    }
    if (line.heading) {
      current = {
        id: String(cues.length + 1),
        start: line.heading.seconds,
        end: null,
        text: '',
        speaker: line.heading.name,
        line: i + 1,
        stamp: line.text.slice(line.heading.stampStart).trim(),
      };
      cues.push(current);
    } else if (current !== null) {
      const cue: ImportedCue = current;
      cue.text = cue.text ? cue.text + '\n' + line.text : line.text;
    } else {
      notes.push({ text: line.text, line: i + 1 });
    }
  });
}

const SENTENCE_END = /[.?!…]["'”’)\]]*$/;

function readUntimed(lines: Line[], cues: ImportedCue[]): void {
  let parts: string[] = [];
  let length = 0;
  let firstLine = 0;
  const flush = (): void => {
    if (parts.length === 0) return;
    cues.push({ id: String(cues.length + 1), start: null, end: null, text: parts.join(' '), speaker: null, line: firstLine, stamp: null });
    parts = [];
    length = 0;
  };
  lines.forEach((line, i) => {
    const trimmed = line.text.trim();
    if (!trimmed) return;
    if (parts.length === 0) firstLine = i + 1;
    parts.push(trimmed);
    length += trimmed.length + 1;
    if (SENTENCE_END.test(trimmed) || length >= MAX_UNTIMED_CUE_CHARS) flush();
  });
  flush();
}
