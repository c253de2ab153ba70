/**
 * WebVTT parser following the W3C "WebVTT parser algorithm", kept lossless: it never
 * copies or normalises the text, it records where everything is. Written by hand
 * rather than with node-webvtt/media-captions because those throw or drop source
 * positions, comments and formatting, and are slower (see bench/formats.ts).
 *
 * Shape: the body is a list of runs (non-empty lines between empty lines). Each run is
 * parsed on its own by `parseBlock`, so an editor can reparse just the run a change
 * touches. A run is usually one spec block; it splits when a later line contains
 * `-->` (the spec then starts a new block there without a blank line).
 */
import { scanTimestamp, msToSeconds } from '../timestamp';
import { cueSpeaker, parseCueText } from './cue-text';
import { DiagnosticSink } from './diagnostics';
import { DEFAULT_CUE_SETTINGS, isAsciiWhitespace, parseCueSettings, parseRegionSettings } from './settings';
import { checkSignature } from './signature';
import type { LineEnding, TextRange, VttBlock, VttCue, VttDocument, VttRegion, VttSettingToken } from './types';

const LF = 10;
const CR = 13;
const EMPTY_TOKENS: readonly VttSettingToken[] = Object.freeze([]);

/** What parsing a block needs from the blocks before it. Mutated as blocks are parsed. */
export interface BlockContext {
  /** A cue came before: STYLE and REGION blocks are no longer recognised. */
  seenCue: boolean;
  /** Regions defined so far; a parsed REGION block is appended. */
  regions: VttRegion[];
  /** Start of the previous cue in ms (-1 if none), to flag cues out of order. */
  previousStartMs: number;
  sink: DiagnosticSink;
}

export function createBlockContext(text: string, init: Partial<BlockContext> = {}): BlockContext {
  return {
    seenCue: init.seenCue ?? false,
    regions: init.regions ?? [],
    previousStartMs: init.previousStartMs ?? -1,
    sink: init.sink ?? new DiagnosticSink(text),
  };
}

/**
 * Line reader over `text`: finds line ends with indexOf when the text has no CR (the
 * common case, and much faster than a char loop), and tracks the next `-->` with a
 * monotonic cursor so each line's check is O(1) amortised.
 */
class Lines {
  private arrowAt = -2;
  private nulAt = -2;
  readonly hasCR: boolean;

  /** `wholeText` false: skip the whole-text CR check (a one-block reparse must not scan the document). */
  constructor(readonly text: string, wholeText = true) {
    this.hasCR = wholeText ? text.indexOf('\r') !== -1 : true;
  }

  /** End of the line content starting at `p` (before its terminator), capped at `limit`. */
  end(p: number, limit: number): number {
    const text = this.text;
    if (!this.hasCR) {
      const nl = text.indexOf('\n', p);
      return nl === -1 || nl > limit ? limit : nl;
    }
    for (let i = p; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) return i;
    }
    return limit;
  }

  /** Start of the line after the one ending at `le` (past its terminator). */
  next(le: number): number {
    const c = this.text.charCodeAt(le);
    if (c === CR) return this.text.charCodeAt(le + 1) === LF ? le + 2 : le + 1;
    return c === LF ? le + 1 : le;
  }

  /** Whether `text[ls, le)` contains `-->`. Calls must come with non-decreasing `ls`. */
  hasArrow(ls: number, le: number): boolean {
    if (this.arrowAt !== -1 && this.arrowAt < ls) this.arrowAt = this.text.indexOf('-->', ls);
    return this.arrowAt !== -1 && this.arrowAt + 3 <= le;
  }

  /** First NUL in `text[from, to)`, or -1. Calls must come with non-decreasing `from`. */
  nul(from: number, to: number): number {
    if (this.nulAt !== -1 && this.nulAt < from) this.nulAt = this.text.indexOf('\0', from);
    return this.nulAt !== -1 && this.nulAt < to ? this.nulAt : -1;
  }
}

/** The spec's preprocessing replaces U+0000 by U+FFFD; the source text itself is kept. */
function withoutNul(s: string, hasNul: boolean): string {
  return hasNul ? s.replace(/\0/g, '\ufffd') : s;
}

/** Warnings the quick fixes (quick-fixes.ts) answer by inserting a blank line here. */
export const MISSING_BLANK_AFTER_HEADER = 'a blank line must separate the WEBVTT header from the first cue';
export const MISSING_BLANK_BEFORE_TIMING = 'a blank line must come before this timing line; without it, the lines above it stay in the block before';

/** Said where a timing line fails: WebVTT parsers drop that cue (or block) and go on. */
const DROPPED = '; the cue is dropped';

export interface RunResult {
  blocks: VttBlock[];
  /** End of the run's last line content. */
  to: number;
}

interface Timing {
  startMs: number;
  endMs: number;
  startRange: TextRange;
  endRange: TextRange;
  startStyle: VttCue['startStyle'];
  endStyle: VttCue['endStyle'];
  settingsFrom: number;
}

/** The spec's "collect WebVTT cue timings": timestamp, `-->`, timestamp. Null on failure (reported). */
function parseTiming(text: string, ls: number, le: number, sink: DiagnosticSink, arrowInId: boolean): Timing | null {
  let p = ls;
  while (p < le && isAsciiWhitespace(text.charCodeAt(p))) p++;
  const startFrom = p;
  const start = scanTimestamp(text, p, le, '.');
  if (!start.ok) {
    const arrow = text.indexOf('-->', ls);
    if (arrowInId && start.at <= arrow) {
      sink.add(ls, le - ls, 'error', "a cue identifier must not contain '-->'; this line is read as a timing line and the block is dropped");
    } else {
      sink.add(start.at, 1, 'error', `a line containing '-->' is read as a cue timing line, but its start time is invalid: ${start.message}${DROPPED}`);
    }
    return null;
  }
  p = start.end;
  while (p < le && isAsciiWhitespace(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 45 || text.charCodeAt(p + 1) !== 45 || text.charCodeAt(p + 2) !== 62 || p + 3 > le) {
    sink.add(p, 1, 'error', `expected '-->' after the cue start time${DROPPED}`);
    return null;
  }
  p += 3;
  while (p < le && isAsciiWhitespace(text.charCodeAt(p))) p++;
  const end = scanTimestamp(text, p, le, '.');
  if (!end.ok) {
    sink.add(end.at, 1, 'error', `invalid cue end time: ${end.message}${DROPPED}`);
    return null;
  }
  return {
    startMs: start.ms,
    endMs: end.ms,
    startRange: { from: startFrom, to: start.end },
    endRange: { from: p, to: end.end },
    startStyle: start.style,
    endStyle: end.style,
    settingsFrom: end.end,
  };
}

function startsWithWord(text: string, ls: number, le: number, word: string): boolean {
  if (!text.startsWith(word, ls)) return false;
  const after = ls + word.length;
  return after === le || text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9;
}

function onlyWhitespaceAfter(text: string, from: number, le: number): boolean {
  for (let i = from; i < le; i++) if (!isAsciiWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/** Lines joined with LF, as the spec's buffer holds them (CRLF/CR files included). */
function joinedLines(text: string, from: number, to: number, multiline: boolean): string {
  const raw = text.slice(from, to);
  return multiline && raw.indexOf('\r') !== -1 ? raw.replace(/\r\n?/g, '\n') : raw;
}

/**
 * Parses the run of non-empty lines starting at `from` (stopping at an empty line or
 * `limit`), applying the spec's "collect a WebVTT block" to each block in it.
 */
export function parseRun(text: string, from: number, limit: number, ctx: BlockContext, inHeader = false): RunResult {
  return collectRun(new Lines(text, false), from, limit, ctx, inHeader);
}

/** Parses the run `text[from, to)` (as found by `findRun` or a previous parse). */
export function parseBlock(text: string, from: number, to: number, ctx: BlockContext): VttBlock[] {
  return parseRun(text, from, to, ctx).blocks;
}

function collectRun(lines: Lines, from: number, limit: number, ctx: BlockContext, inHeader: boolean): RunResult {
  const text = lines.text;
  const sink = ctx.sink;
  const blocks: VttBlock[] = [];
  let p = from;
  let runEnd = from;
  let ended = false;
  while (!ended && p < limit) {
    const blockFrom = p;
    let lineCount = 0;
    let seenArrow = false;
    let timing: Timing | null = null;
    let timingLine: TextRange | null = null;
    let idRange: TextRange | null = null;
    let bufFrom = -1;
    let bufTo = -1;
    let bufLines = 0;
    let special: 'style' | 'region' | null = null;
    let lastEnd = p;
    let firstLine: TextRange | null = null;
    for (;;) {
      const ls = p;
      const le = lines.end(ls, limit);
      if (le === ls) {
        ended = true;
        break;
      }
      const next = le >= limit ? limit : lines.next(le);
      lineCount++;
      if (lineCount === 1) firstLine = { from: ls, to: le };
      if (lines.hasArrow(ls, le)) {
        if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
          seenArrow = true;
          if (lineCount === 1 && startsWithWord(text, ls, le, 'NOTE')) {
            sink.add(ls, le - ls, 'error', "a NOTE must not contain '-->'; WebVTT parsers read this line as a cue timing");
          } else {
            timing = parseTiming(text, ls, le, sink, lineCount === 1 && lines.hasArrow(next, lines.end(next, limit)));
          }
          if (timing) {
            if (bufFrom !== -1) idRange = { from: bufFrom, to: bufTo };
            timingLine = { from: ls, to: le };
            bufFrom = bufTo = -1;
            bufLines = 0;
            ctx.seenCue = true;
          }
          lastEnd = le;
          p = next;
          if (next >= limit || next === le) break;
          continue;
        }
        // The spec ends the block before this line; the next block starts here.
        sink.add(ls, 0, 'warning', inHeader ? MISSING_BLANK_AFTER_HEADER : MISSING_BLANK_BEFORE_TIMING);
        if (lineCount === 1) lineCount = 0; // nothing of this block was consumed
        p = ls;
        break;
      }
      if (!inHeader && lineCount === 2 && !ctx.seenCue && bufLines === 1 && special === null) {
        if (text.startsWith('STYLE', bufFrom) && onlyWhitespaceAfter(text, bufFrom + 5, bufTo)) special = 'style';
        else if (text.startsWith('REGION', bufFrom) && onlyWhitespaceAfter(text, bufFrom + 6, bufTo)) special = 'region';
        if (special !== null) {
          bufFrom = bufTo = -1;
          bufLines = 0;
        }
      }
      if (bufFrom === -1) bufFrom = ls;
      bufTo = le;
      bufLines++;
      lastEnd = le;
      p = next;
      if (next >= limit || next === le) break;
    }
    if (lineCount === 0) break;
    runEnd = lastEnd;
    const range = { from: blockFrom, to: lastEnd };
    const nul = lines.nul(blockFrom, lastEnd);
    if (nul !== -1) sink.add(nul, 1, 'warning', 'NUL character (U+0000): read as U+FFFD, as WebVTT parsers do');
    const hasNul = nul !== -1;
    if (inHeader) {
      // The header is a single block; what follows is parsed as body.
      blocks.push({ kind: 'ignored', range });
      break;
    }
    if (timing && timingLine) {
      blocks.push({ kind: 'cue', range, cue: buildCue(text, range, idRange, timingLine, timing, bufFrom, bufTo, bufLines, ctx, hasNul) });
    } else if (special === 'style') {
      const cssRange = bufFrom === -1 ? { from: lastEnd, to: lastEnd } : { from: bufFrom, to: bufTo };
      blocks.push({ kind: 'style', range, css: withoutNul(joinedLines(text, cssRange.from, cssRange.to, bufLines > 1), hasNul), cssRange });
    } else if (special === 'region') {
      const settingsRange = bufFrom === -1 ? { from: lastEnd, to: lastEnd } : { from: bufFrom, to: bufTo };
      const { region, problems } = parseRegionSettings(text, settingsRange.from, settingsRange.to);
      for (const pr of problems) sink.add(pr.range.from, pr.range.to - pr.range.from, 'warning', pr.message);
      region.id = withoutNul(region.id, hasNul);
      if (region.id === '') sink.add(blockFrom, 6, 'warning', 'REGION has no id: cues cannot refer to it');
      ctx.regions.push(region);
      blocks.push({ kind: 'region', range, region, settingsRange });
    } else if (firstLine && startsWithWord(text, firstLine.from, firstLine.to, 'NOTE')) {
      const body = joinedLines(text, firstLine.from, lastEnd, lineCount > 1);
      blocks.push({ kind: 'note', range, text: withoutNul(body.slice(body.length > 4 ? 5 : 4), hasNul) });
    } else {
      if (!seenArrow && firstLine) {
        const section = startsWithWord(text, firstLine.from, firstLine.to, 'STYLE')
          ? 'STYLE'
          : startsWithWord(text, firstLine.from, firstLine.to, 'REGION')
            ? 'REGION'
            : null;
        const length = firstLine.to - firstLine.from;
        if (section && ctx.seenCue) {
          sink.add(blockFrom, length, 'warning', `${section} blocks must come before the first cue; WebVTT parsers ignore this one`);
        } else if (section && lineCount === 1) {
          sink.add(blockFrom, length, 'warning', `empty ${section} block; ignored`);
        } else {
          sink.add(blockFrom, length, 'error', 'this block has no cue timing line (start --> end); WebVTT players ignore it');
        }
      }
      blocks.push({ kind: 'ignored', range });
    }
  }
  return { blocks, to: runEnd };
}

function buildCue(
  text: string,
  range: TextRange,
  idRange: TextRange | null,
  timingLine: TextRange,
  t: Timing,
  bufFrom: number,
  bufTo: number,
  bufLines: number,
  ctx: BlockContext,
  hasNul: boolean,
): VttCue {
  const sink = ctx.sink;
  const settingsRange = { from: t.settingsFrom, to: timingLine.to };
  let settings = DEFAULT_CUE_SETTINGS as VttCue['settings'];
  let settingTokens = EMPTY_TOKENS;
  if (!onlyWhitespaceAfter(text, settingsRange.from, settingsRange.to)) {
    if (!isAsciiWhitespace(text.charCodeAt(settingsRange.from))) {
      sink.add(settingsRange.from, 0, 'warning', 'cue settings must be separated from the end time by a space');
    }
    const parsed = parseCueSettings(text, settingsRange.from, settingsRange.to, ctx.regions);
    settings = parsed.settings;
    settingTokens = parsed.tokens;
    for (const pr of parsed.problems) sink.add(pr.range.from, pr.range.to - pr.range.from, 'warning', pr.message);
  }
  if (t.endMs < t.startMs) {
    // Error, not warning: the WebVTT syntax requires the end to be greater than the start.
    // Browsers still create the cue (it never shows), so it stays in `cues` for editing.
    sink.add(t.endRange.from, t.endRange.to - t.endRange.from, 'error', 'cue end time must be after its start time');
  } else if (t.endMs === t.startMs) {
    // Common in speech-recognition output (223 of 560 files of one real repository).
    // Browsers keep such a cue; it is never shown, so it is worth a look, not a failure.
    sink.add(t.endRange.from, t.endRange.to - t.endRange.from, 'warning', 'zero-length cue: its end equals its start, so it is never shown');
  }
  if (ctx.previousStartMs > t.startMs) {
    sink.add(t.startRange.from, t.startRange.to - t.startRange.from, 'warning', 'cue starts before the previous cue; WebVTT requires cues in start-time order');
  }
  ctx.previousStartMs = t.startMs;
  const textRange = bufFrom === -1 ? { from: timingLine.to, to: timingLine.to } : { from: bufFrom, to: bufTo };
  const cueText = bufFrom === -1 ? '' : withoutNul(joinedLines(text, bufFrom, bufTo, bufLines > 1), hasNul);
  if (cueText.indexOf('<') !== -1) {
    const problems: { from: number; to: number; message: string }[] = [];
    parseCueText(text.slice(textRange.from, textRange.to), problems);
    for (const pr of problems) sink.add(textRange.from + pr.from, pr.to - pr.from, 'warning', pr.message);
  }
  return {
    id: idRange ? withoutNul(text.slice(idRange.from, idRange.to), hasNul) : '',
    start: msToSeconds(t.startMs),
    end: msToSeconds(t.endMs),
    text: cueText,
    speaker: cueSpeaker(cueText),
    range,
    idRange,
    timingRange: timingLine,
    startRange: t.startRange,
    endRange: t.endRange,
    settingsRange,
    textRange,
    settings,
    settingTokens,
    startStyle: t.startStyle,
    endStyle: t.endStyle,
  };
}

function detectEol(text: string): LineEnding {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  if (lf === -1 || cr < lf) return text.charCodeAt(cr + 1) === LF ? '\r\n' : '\r';
  return '\n';
}

/** Parses a whole WebVTT document. Never throws; problems go to `diagnostics`. */
export function parseVtt(text: string): VttDocument {
  const sink = new DiagnosticSink(text);
  const ctx = createBlockContext(text, { sink });
  const lines = new Lines(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  const s = bom ? 1 : 0;
  const eol = detectEol(text);
  const n = text.length;

  const sigEnd = lines.end(s, n);
  const { valid, hasHeader } = checkSignature(text, s, sigEnd, sink);
  if (hasHeader && lines.hasArrow(s, sigEnd)) sink.add(s, sigEnd - s, 'error', "the WEBVTT line must not contain '-->'");

  let headerTo = hasHeader ? sigEnd : s;
  let p = hasHeader ? lines.next(sigEnd) : s;
  const descFrom = Math.min(s + 7, sigEnd);
  if (hasHeader && p < n && p !== sigEnd) {
    // Header lines up to the first blank line (the spec's block "in header").
    const header = collectRun(lines, p, n, ctx, true);
    if (header.blocks.length) {
      headerTo = header.to;
      sink.add(p, 0, 'warning', 'text after the WEBVTT line is ignored; separate it from the cues with a blank line');
      p = lines.next(header.to);
    }
  }

  const blocks: VttBlock[] = [];
  let bodyStart = -1;
  for (;;) {
    // Skip empty lines between runs.
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === LF) p++;
      else if (c === CR) p += text.charCodeAt(p + 1) === LF ? 2 : 1;
      else break;
    }
    if (bodyStart === -1) bodyStart = p;
    if (p >= n) break;
    const run = collectRun(lines, p, n, ctx, false);
    for (const b of run.blocks) blocks.push(b);
    p = lines.next(run.to);
    if (p === run.to) break;
  }
  return assemble(text, bom, eol, { valid, range: { from: s, to: valid ? s + 6 : s } }, {
    range: { from: s, to: headerTo },
    description: hasHeader ? text.slice(descFrom, sigEnd) : '',
    descriptionRange: hasHeader ? { from: descFrom, to: sigEnd } : { from: s, to: s },
  }, bodyStart, blocks, ctx);
}

export function assemble(
  text: string,
  bom: boolean,
  eol: LineEnding,
  signature: VttDocument['signature'],
  header: VttDocument['header'],
  bodyStart: number,
  blocks: VttBlock[],
  ctx: BlockContext,
): VttDocument {
  const cues: VttCue[] = [];
  const styles: string[] = [];
  const notes: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'cue') cues.push(b.cue);
    else if (b.kind === 'style') styles.push(b.css);
    else if (b.kind === 'note') notes.push(b.text);
  }
  ctx.sink.out.sort((a, b) => a.offset - b.offset);
  return {
    text,
    bom,
    eol,
    signature,
    header,
    bodyStart,
    blocks,
    cues,
    regions: ctx.regions,
    styles,
    notes,
    diagnostics: ctx.sink.out,
  };
}

/**
 * The run (non-empty lines) containing `offset`, or null when `offset` is on an empty
 * line. Lets an editor find what to reparse after a change.
 */
export function findRun(text: string, offset: number): TextRange | null {
  const lines = new Lines(text, false);
  const lineStart = (o: number): number => {
    let i = o;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      if (c === LF || c === CR) break;
      i--;
    }
    return i;
  };
  let ls = lineStart(Math.min(offset, text.length));
  if (lines.end(ls, text.length) === ls) return null;
  // Walk back over non-empty lines.
  for (;;) {
    if (ls === 0) break;
    const prevEnd = text.charCodeAt(ls - 1) === LF && text.charCodeAt(ls - 2) === CR ? ls - 2 : ls - 1;
    const prevStart = lineStart(prevEnd);
    if (prevStart === prevEnd) break;
    ls = prevStart;
  }
  let le = lines.end(ls, text.length);
  for (;;) {
    const next = lines.next(le);
    if (next === le) break;
    const nextEnd = lines.end(next, text.length);
    if (nextEnd === next) break;
    le = nextEnd;
  }
  return { from: ls, to: le };
}

/** Context for reparsing the run at `offset` of a parsed document: what precedes it. */
export function contextBefore(doc: VttDocument, offset: number): BlockContext {
  const ctx = createBlockContext(doc.text);
  for (const b of doc.blocks) {
    if (b.range.from >= offset) break;
    if (b.kind === 'cue') {
      ctx.seenCue = true;
      ctx.previousStartMs = Math.round(b.cue.start * 1000);
    } else if (b.kind === 'region') ctx.regions.push(b.region);
  }
  return ctx;
}
