/**
 * Reparses a WebVTT document after an edit by parsing again only the runs (blocks
 * between blank lines) the edit touched, plus the next cue (its "out of order" check
 * depends on the cue before it). Blocks after the edit are reused, shifted by the
 * length change. Falls back to a full parse where context could spread further: an edit
 * in the header, before the first cue (STYLE/REGION recognition), or around a REGION.
 * The result equals `parseVtt(text)` (checked by a property test); keystrokes in a
 * 4,000-cue episode stay off the O(document) parse path.
 */
import { MAX_DIAGNOSTICS } from './diagnostics';
import { assemble, createBlockContext, parseRun, parseVtt } from './parser';
import type { TextRange, VttBlock, VttCue, VttDocument } from './types';

/** One changed span: `[fromA, toA)` in the old text became `[fromB, toB)` in the new one. */
export interface ChangedSpan {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

export function reparseVtt(old: VttDocument, text: string, changed: readonly ChangedSpan[]): VttDocument {
  if (changed.length === 0) return old.text === text ? old : parseVtt(text);
  let fromA = Infinity;
  let toA = -1;
  for (const c of changed) {
    fromA = Math.min(fromA, c.fromA);
    toA = Math.max(toA, c.toA);
  }
  const delta = text.length - old.text.length;
  const blocks = old.blocks;
  if (blocks.length === 0 || fromA < old.bodyStart || old.diagnostics.length >= MAX_DIAGNOSTICS) return parseVtt(text);

  // First and last blocks the edit touches (a change next to a block can join it with its neighbour).
  const first = lowerBound(blocks, (b) => b.range.to + 2 >= fromA);
  const last = lowerBound(blocks, (b) => b.range.from - 2 > toA) - 1;
  // One block of margin before; after, up to and including the next cue.
  let i0 = Math.max(0, Math.min(first, blocks.length - 1) - 1);
  let i1 = Math.max(last + 1, i0);
  while (i1 < blocks.length - 1 && blocks[i1]!.kind !== 'cue') i1++;
  i1 = Math.min(i1, blocks.length - 1);
  // Widen to whole runs: blocks separated by a single line break share a run.
  while (i0 > 0 && sameRun(old.text, blocks[i0 - 1]!, blocks[i0]!)) i0--;
  while (i1 < blocks.length - 1 && sameRun(old.text, blocks[i1]!, blocks[i1 + 1]!)) i1++;

  // Context from the blocks before: cues seen, last cue start, regions.
  let previous: VttCue | null = null;
  for (let i = i0 - 1; i >= 0 && !previous; i--) {
    const b = blocks[i]!;
    if (b.kind === 'cue') previous = b.cue;
  }
  if (!previous) return parseVtt(text); // before the first cue, STYLE/REGION meaning can change
  const regions = old.regions.slice();
  for (let i = i0; i <= i1; i++) if (blocks[i]!.kind === 'region') return parseVtt(text);

  const from = blocks[i0]!.range.from;
  const oldEnd = Math.max(blocks[i1]!.range.to, toA);
  const end = oldEnd + delta;
  const ctx = createBlockContext(text, { seenCue: true, regions, previousStartMs: Math.round(previous.start * 1000) });
  const fresh: VttBlock[] = [];
  let p = from;
  const n = text.length;
  for (;;) {
    while (p < n && (text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13)) p += text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
    if (p >= n || p > end) break;
    const run = parseRun(text, p, n, ctx);
    for (const b of run.blocks) {
      if (b.kind === 'region') return parseVtt(text);
      fresh.push(b);
    }
    const next = lineAfter(text, run.to);
    if (next === run.to) break;
    p = next;
  }

  const lineDelta = countBreaks(text, from, end) - countBreaks(old.text, from, oldEnd);
  const shifted = blocks.slice(i1 + 1).map((b) => shiftBlock(b, delta));
  const newBlocks = blocks.slice(0, i0).concat(fresh, shifted);

  // Diagnostics: kept before the region, fresh inside it, shifted after it.
  const diagnostics = [];
  for (const d of old.diagnostics) if (d.offset < from) diagnostics.push(d);
  // The sink numbered the fresh ones over the new text already.
  for (const d of ctx.sink.out) diagnostics.push(d);
  for (const d of old.diagnostics) {
    if (d.offset > oldEnd) diagnostics.push({ ...d, offset: d.offset + delta, line: d.line + lineDelta });
  }
  ctx.sink.out.length = 0;
  for (const d of diagnostics) ctx.sink.out.push(d);
  if (diagnostics.length > MAX_DIAGNOSTICS) return parseVtt(text);
  return assemble(text, old.bom, old.eol, old.signature, old.header, old.bodyStart, newBlocks, ctx);
}

/** Index of the first block for which `pred` holds (`pred` is monotone over the sorted blocks). */
function lowerBound(blocks: readonly VttBlock[], pred: (b: VttBlock) => boolean): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(blocks[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sameRun(text: string, a: VttBlock, b: VttBlock): boolean {
  return lineAfter(text, a.range.to) === b.range.from;
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

const shift = (r: TextRange, d: number): TextRange => ({ from: r.from + d, to: r.to + d });

function shiftBlock(b: VttBlock, d: number): VttBlock {
  if (d === 0) return b;
  switch (b.kind) {
    case 'cue': {
      const c = b.cue;
      const cue: VttCue = {
        ...c,
        range: shift(c.range, d),
        idRange: c.idRange && shift(c.idRange, d),
        timingRange: shift(c.timingRange, d),
        startRange: shift(c.startRange, d),
        endRange: shift(c.endRange, d),
        settingsRange: shift(c.settingsRange, d),
        textRange: shift(c.textRange, d),
        settingTokens: c.settingTokens.length ? c.settingTokens.map((t) => ({ ...t, range: shift(t.range, d) })) : c.settingTokens,
      };
      return { kind: 'cue', range: cue.range, cue };
    }
    case 'note':
      return { ...b, range: shift(b.range, d) };
    case 'style':
      return { ...b, range: shift(b.range, d), cssRange: shift(b.cssRange, d) };
    case 'region':
      return { ...b, range: shift(b.range, d), settingsRange: shift(b.settingsRange, d) };
    case 'ignored':
      return { kind: 'ignored', range: shift(b.range, d) };
  }
}
