/**
 * The block list of an incrementally reparsed document, kept as slices of earlier block
 * arrays, each moved by an offset (a piece table of shifts). A keystroke replaces the few
 * blocks it touched and adds its length change to the offset of the slices after it,
 * instead of copying every later block with new positions: O(slices + changed blocks)
 * rather than O(blocks). Positions are read through the offset (`from`, `to`); blocks
 * with absolute positions are made only when asked for (`block`, `toArray`).
 *
 * Written here rather than taken from a rope library because the items are parsed
 * blocks whose positions must move with the text, which generic ropes do not do.
 */
import type { TextRange, VttBlock, VttCue } from './types';

/** `blocks[from, to)`, every position moved by `delta`. */
interface Slice {
  readonly blocks: readonly VttBlock[];
  readonly from: number;
  readonly to: number;
  readonly delta: number;
}

/**
 * Past this many slices (edits in many places) the list is copied into one array, so
 * lookups stay cheap; typing in one place keeps about three.
 */
const MAX_SLICES = 32;

export class BlockRuns {
  /** ends[s] = number of blocks in slices[0..s]. */
  private readonly ends: number[];

  private constructor(private readonly slices: readonly Slice[]) {
    this.ends = [];
    let n = 0;
    for (const s of slices) this.ends.push((n += s.to - s.from));
  }

  static of(blocks: readonly VttBlock[]): BlockRuns {
    return new BlockRuns(blocks.length ? [{ blocks, from: 0, to: blocks.length, delta: 0 }] : []);
  }

  get length(): number {
    return this.ends.length ? this.ends[this.ends.length - 1]! : 0;
  }

  /** Start offset of block `i`. */
  from(i: number): number {
    const { s, j } = this.find(i);
    return s.blocks[j]!.range.from + s.delta;
  }

  /** End offset of block `i`. */
  to(i: number): number {
    const { s, j } = this.find(i);
    return s.blocks[j]!.range.to + s.delta;
  }

  /** Block `i` at the position it had when parsed: for what does not move (kind, times, text). */
  unmoved(i: number): VttBlock {
    const { s, j } = this.find(i);
    return s.blocks[j]!;
  }

  /** Block `i` with its positions in the current text. */
  block(i: number): VttBlock {
    const { s, j } = this.find(i);
    return shiftBlock(s.blocks[j]!, s.delta);
  }

  /**
   * Blocks `[i0, i1)` replaced by `fresh` (already at their positions), the ones after
   * moved by `delta`.
   */
  splice(i0: number, i1: number, fresh: readonly VttBlock[], delta: number): BlockRuns {
    const before: Slice[] = [];
    const after: Slice[] = [];
    let start = 0;
    this.slices.forEach((s, k) => {
      const end = this.ends[k]!;
      // This slice's part before i0, and its part from i1 on (moved).
      if (start < i0) before.push({ blocks: s.blocks, from: s.from, to: s.from + Math.min(end, i0) - start, delta: s.delta });
      if (end > i1) after.push({ blocks: s.blocks, from: s.from + Math.max(start, i1) - start, to: s.to, delta: s.delta + delta });
      start = end;
    });
    if (fresh.length) before.push({ blocks: fresh, from: 0, to: fresh.length, delta: 0 });
    const out = before.concat(after);
    const next = new BlockRuns(out);
    return out.length > MAX_SLICES ? BlockRuns.of(next.toArray()) : next;
  }

  /** Every block with its current positions (new objects only for moved ones). */
  toArray(): VttBlock[] {
    const out: VttBlock[] = new Array(this.length);
    let n = 0;
    for (const s of this.slices) {
      for (let i = s.from; i < s.to; i++) out[n++] = shiftBlock(s.blocks[i]!, s.delta);
    }
    return out;
  }

  /** The slice holding block `i` and the block's index in that slice's array. */
  private find(i: number): { s: Slice; j: number } {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > i) hi = mid;
      else lo = mid + 1;
    }
    const s = this.slices[lo]!;
    return { s, j: s.from + i - (lo ? ends[lo - 1]! : 0) };
  }
}

const shift = (r: TextRange, d: number): TextRange => ({ from: r.from + d, to: r.to + d });

/**
 * A block moved by `d`. The cue is built field by field in the parser's order (not with
 * a spread): same hidden class as a parsed cue, and a spread of this many fields was
 * 50 times slower.
 */
export function shiftBlock(b: VttBlock, d: number): VttBlock {
  if (d === 0) return b;
  switch (b.kind) {
    case 'cue': {
      const c = b.cue;
      const range = shift(c.range, d);
      const cue: VttCue = {
        id: c.id,
        start: c.start,
        end: c.end,
        text: c.text,
        speaker: c.speaker,
        range,
        idRange: c.idRange && shift(c.idRange, d),
        timingRange: shift(c.timingRange, d),
        startRange: shift(c.startRange, d),
        endRange: shift(c.endRange, d),
        settingsRange: shift(c.settingsRange, d),
        textRange: shift(c.textRange, d),
        settings: c.settings,
        settingTokens: c.settingTokens.length ? c.settingTokens.map((t) => ({ name: t.name, value: t.value, range: shift(t.range, d), applied: t.applied })) : c.settingTokens,
        startStyle: c.startStyle,
        endStyle: c.endStyle,
      };
      return { kind: 'cue', range, cue };
    }
    case 'note':
      return { kind: 'note', range: shift(b.range, d), text: b.text };
    case 'style':
      return { kind: 'style', range: shift(b.range, d), css: b.css, cssRange: shift(b.cssRange, d) };
    case 'region':
      return { kind: 'region', range: shift(b.range, d), region: b.region, settingsRange: shift(b.settingsRange, d) };
    case 'ignored':
      return { kind: 'ignored', range: shift(b.range, d) };
  }
}
