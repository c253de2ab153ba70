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
import { DiagnosticSink } from './diagnostics';
import { buildCue, parseTiming, type Timing } from './cue-block';
import { CR, LF, Lines, joinedLines, onlyWhitespaceAfter, startsWithWord, withoutNul } from './lines';
import { parseRegionSettings } from './settings';
import { checkSignature } from './signature';
import type { LineEnding, TextRange, VttBlock, VttCue, VttDocument, VttRegion } from './types';

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

/** Warnings the quick fixes (quick-fixes.ts) answer by inserting a blank line here. */
export const MISSING_BLANK_AFTER_HEADER = 'a blank line must separate the WEBVTT header from the first cue';
export const MISSING_BLANK_BEFORE_TIMING = 'a blank line must come before this timing line; without it, the lines above it stay in the block before';

export interface RunResult {
  blocks: VttBlock[];
  /** End of the run's last line content. */
  to: number;
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
