/**
 * Reparses a WebVTT document after an edit by parsing again only the runs (blocks
 * between blank lines) the edit touched, plus the next cue (its "out of order" check
 * depends on the cue before it). Blocks after the edit are reused as they are: the
 * length change goes into their slice's offset (block-runs.ts) instead of a copy of
 * each. Falls back to a full parse where context could spread further: an edit in the
 * header, before the first cue (STYLE/REGION recognition), or around a REGION.
 * The result equals `parseVtt(text)` (checked by a property test); keystrokes in a
 * 4,000-cue episode stay off the O(document) parse path.
 *
 * The new text comes as a `TextSource` (an editor can slice its rope without joining
 * it): only the window being reparsed is read as a string, and the document's `text`
 * is materialised on first use. Joining a 0.4 MB document on every keystroke (and V8
 * flattening it on the parser's first character read) was half of a keystroke's cost.
 */
import { LineIndex, type Diagnostic } from '../../model/diagnostic';
import { BlockRuns, shiftBlock } from './block-runs';
import { MAX_DIAGNOSTICS } from './diagnostics';
import { createBlockContext, parseRun, parseVtt } from './parser';
import type { VttBlock, VttCue, VttDocument, VttRegion } from './types';

/** One changed span: `[fromA, toA)` in the old text became `[fromB, toB)` in the new one. */
export interface ChangedSpan {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** The new text, readable in pieces. */
export interface TextSource {
  readonly length: number;
  slice(from: number, to: number): string;
  /** 1-based line number of the line holding `offset`. */
  lineNumberAt(offset: number): number;
}

/** A TextSource over a string (tests, callers that have the whole text anyway). */
export function stringSource(text: string): TextSource {
  let index: LineIndex | null = null;
  return {
    length: text.length,
    slice: (from, to) => text.slice(from, to),
    lineNumberAt: (offset) => (index ??= new LineIndex(text)).position(offset).line,
  };
}

/** `reparseVtt` for a new text given as a string. */
export function reparseVttText(old: VttDocument, text: string, changed: readonly ChangedSpan[]): VttDocument {
  return reparseVtt(old, stringSource(text), changed, countBreaks(text, 0, text.length) - countBreaks(old.text, 0, old.text.length));
}

/** The block list of each document this module made (a parsed one gets one on first use). */
const runsOf = new WeakMap<VttDocument, BlockRuns>();

/** `doc`'s block list: a few blocks or cues by index or position, without building them all. */
export function blockRuns(doc: VttDocument): BlockRuns {
  let runs = runsOf.get(doc);
  if (!runs) runsOf.set(doc, (runs = BlockRuns.of(doc.blocks)));
  return runs;
}

/**
 * A reparsed document whose `text`, `blocks`, `cues`, `styles` and `notes` are made on
 * first read (then kept): a keystroke builds none of them, and a reader that never asks
 * for every cue never pays for moving them. Plain enumerable properties otherwise, so
 * spreads, JSON and deep equality see the same shape as a parsed document.
 */
function lazyDocument(old: VttDocument, runs: BlockRuns, regions: VttRegion[], diagnostics: Diagnostic[], source: TextSource): VttDocument {
  let text: string | null = null;
  let blocks: VttBlock[] | null = null;
  let cues: VttCue[] | null = null;
  let styles: string[] | null = null;
  let notes: string[] | null = null;
  const all = () => (blocks ??= runs.toArray());
  const doc: VttDocument = {
    get text() {
      return (text ??= source.slice(0, source.length));
    },
    bom: old.bom,
    eol: old.eol,
    signature: old.signature,
    header: old.header,
    bodyStart: old.bodyStart,
    get blocks() {
      return all();
    },
    get cues() {
      if (!cues) {
        cues = [];
        for (const b of all()) if (b.kind === 'cue') cues.push(b.cue);
      }
      return cues;
    },
    regions,
    get styles() {
      return (styles ??= all().flatMap((b) => (b.kind === 'style' ? [b.css] : [])));
    },
    get notes() {
      return (notes ??= all().flatMap((b) => (b.kind === 'note' ? [b.text] : [])));
    },
    diagnostics,
  };
  runsOf.set(doc, runs);
  return doc;
}

/**
 * `lineDelta`: lines in the new text minus lines in the old one (an editor knows it
 * without reading the text).
 */
export function reparseVtt(old: VttDocument, source: TextSource, changed: readonly ChangedSpan[], lineDelta: number): VttDocument {
  const whole = () => parseVtt(source.slice(0, source.length));
  if (changed.length === 0) return old;
  let fromA = Infinity;
  let toA = -1;
  for (const c of changed) {
    fromA = Math.min(fromA, c.fromA);
    toA = Math.max(toA, c.toA);
  }
  let toB = -1;
  for (const c of changed) toB = Math.max(toB, c.toB);
  const delta = toB - toA;
  const blocks = blockRuns(old);
  const count = blocks.length;
  if (count === 0 || fromA < old.bodyStart || old.diagnostics.length >= MAX_DIAGNOSTICS) return whole();

  // First and last blocks the edit touches (a change next to a block can join it with its neighbour).
  const first = lowerBound(count, (i) => blocks.to(i) + 2 >= fromA);
  const last = lowerBound(count, (i) => blocks.from(i) - 2 > toA) - 1;
  // One block of margin before; after, up to and including the next cue.
  let i0 = Math.max(0, Math.min(first, count - 1) - 1);
  let i1 = Math.max(last + 1, i0);
  while (i1 < count - 1 && blocks.unmoved(i1).kind !== 'cue') i1++;
  i1 = Math.min(i1, count - 1);
  // Widen to whole runs: blocks separated by a single line break share a run. The
  // text between blocks before the change is unchanged; after it, shifted by delta.
  const sameRun = (a: number, shift: number) => isLineBreak(source.slice(blocks.to(a) + shift, blocks.from(a + 1) + shift));
  while (i0 > 0 && sameRun(i0 - 1, 0)) i0--;
  while (i1 < count - 1 && sameRun(i1, delta)) i1++;

  // Context from the blocks before: cues seen, last cue start (times do not move), regions.
  let previous: VttCue | null = null;
  for (let i = i0 - 1; i >= 0 && !previous; i--) {
    const b = blocks.unmoved(i);
    if (b.kind === 'cue') previous = b.cue;
  }
  if (!previous) return whole(); // before the first cue, STYLE/REGION meaning can change
  const regions = old.regions.slice();
  for (let i = i0; i <= i1; i++) if (blocks.unmoved(i).kind === 'region') return whole();

  const from = blocks.from(i0);
  const oldEnd = Math.max(blocks.to(i1), toA);
  const end = oldEnd + delta;
  // The window: from the first reparsed block to the end of the run holding `end`.
  const n = source.length;
  let windowEnd = Math.min(n, end + 2);
  for (let step = 4096; windowEnd < n && !endsRun(source.slice(end, windowEnd)); step *= 2) windowEnd = Math.min(n, end + step);
  const text = source.slice(from, windowEnd);
  const ctx = createBlockContext(text, { seenCue: true, regions, previousStartMs: Math.round(previous.start * 1000) });
  const fresh: VttBlock[] = [];
  let p = 0;
  const limit = text.length;
  const stop = end - from;
  for (;;) {
    while (p < limit && (text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13)) p += text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
    if (p >= limit || p > stop) break;
    const run = parseRun(text, p, limit, ctx);
    for (const b of run.blocks) {
      if (b.kind === 'region') return whole();
      fresh.push(shiftBlock(b, from));
    }
    const next = lineAfter(text, run.to);
    if (next === run.to) break;
    p = next;
  }

  const runs = blocks.splice(i0, i1 + 1, fresh, delta);

  // Diagnostics: kept before the region, fresh inside it (numbered over the window, so
  // moved to the window's place), shifted after it.
  const diagnostics: Diagnostic[] = [];
  for (const d of old.diagnostics) if (d.offset < from) diagnostics.push(d);
  if (ctx.sink.out.length) {
    const lineBase = source.lineNumberAt(from) - 1;
    for (const d of ctx.sink.out) diagnostics.push({ ...d, offset: d.offset + from, line: d.line + lineBase });
  }
  for (const d of old.diagnostics) {
    if (d.offset > oldEnd) diagnostics.push({ ...d, offset: d.offset + delta, line: d.line + lineDelta });
  }
  if (diagnostics.length > MAX_DIAGNOSTICS) return whole();
  diagnostics.sort((a, b) => a.offset - b.offset);
  return lazyDocument(old, runs, ctx.regions, diagnostics, source);
}

/** Whether `gap` (the text between two blocks) is exactly one line break. */
function isLineBreak(gap: string): boolean {
  return gap === '\n' || gap === '\r\n' || gap === '\r';
}

/**
 * Whether `tail` (text from the end of the reparsed region on) reaches a blank line, i.e.
 * the run ends in it. The widening to whole runs makes this hold at once in every case
 * found so far; the check keeps a run from being cut if that ever fails.
 */
function endsRun(tail: string): boolean {
  return /(\r\n|\r|\n)(\r\n|\r|\n)/.test(tail) || tail.length === 0;
}

/** The first index in [0, count) for which `pred` holds (`pred` is monotone over the sorted blocks). */
function lowerBound(count: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function lineAfter(text: string, le: number): number {
  const c = text.charCodeAt(le);
  if (c === 13) return text.charCodeAt(le + 1) === 10 ? le + 2 : le + 1;
  return c === 10 ? le + 1 : le;
}

function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
