/**
 * The block list of an incrementally reparsed document, kept as slices of earlier block
 * arrays, each moved by an offset (a piece table of shifts). A keystroke replaces the few
 * blocks it touched and adds its length change to the offset of the slices after it,
 * instead of copying every later block with new positions: O(slices + changed blocks)
 * rather than O(blocks). Positions are read through the offset (`from`, `to`); blocks
 * with absolute positions are made only when asked for (`block`, `toArray`).
 *
 * Readers that need a few blocks or cues (the cue at the cursor, the visible ones, the
 * cue count) ask here by index or position, in O(log n), so a keystroke never builds
 * the whole list: `block`, `cue`, `blockIndexFrom`, `cueIndexAt`, `cueIndexAtTime`,
 * `cueCount`, and `times` (every cue's times, the same array while no time changes).
 *
 * Written here rather than taken from a rope library because the items are parsed
 * blocks whose positions must move with the text, which generic ropes do not do.
 */
import type { TextRange, VttBlock, VttCue } from './types';

type CueBlock = Extract<VttBlock, { kind: 'cue' }>;

/** A cue's times (what the waveform lays out by). */
export interface CueTimes {
  readonly start: number;
  readonly end: number;
}

/** Where the cues of one block array are: made once per array, shared by every slice of it. */
interface CueIndex {
  /** before[i] = cues in blocks[0, i). */
  before: Int32Array;
  /** at[k] = index in blocks of the k-th cue. */
  at: Int32Array;
}

const cueIndexes = new WeakMap<readonly VttBlock[], CueIndex>();

function cueIndexOf(blocks: readonly VttBlock[]): CueIndex {
  let index = cueIndexes.get(blocks);
  if (index) return index;
  const before = new Int32Array(blocks.length + 1);
  let n = 0;
  for (let i = 0; i < blocks.length; i++) {
    before[i] = n;
    if (blocks[i]!.kind === 'cue') n++;
  }
  before[blocks.length] = n;
  const at = new Int32Array(n);
  for (let i = 0, k = 0; i < blocks.length; i++) if (blocks[i]!.kind === 'cue') at[k++] = i;
  cueIndexes.set(blocks, (index = { before, at }));
  return index;
}

/** What a splice did, for `times` to carry its parent's array over. */
interface Splice {
  parent: BlockRuns;
  /** Cue index of the first cue replaced, how many were replaced, the cues put in. */
  cueFrom: number;
  removed: readonly VttCue[];
  added: readonly VttCue[];
}

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
  /** ends[s] = number of blocks in slices[0..s]; cueEnds[s] = number of cues in them. */
  private readonly ends: number[];
  private readonly cueEnds: number[];
  /** Blocks already moved to their positions (each is made once per list), and the whole list once made. */
  private readonly moved = new Map<number, VttBlock>();
  private all: VttBlock[] | null = null;
  private cueTimes: readonly CueTimes[] | null = null;
  private splice_: Splice | null = null;

  private constructor(private readonly slices: readonly Slice[]) {
    this.ends = [];
    this.cueEnds = [];
    let n = 0;
    let c = 0;
    for (const s of slices) {
      this.ends.push((n += s.to - s.from));
      const index = cueIndexOf(s.blocks);
      this.cueEnds.push((c += index.before[s.to]! - index.before[s.from]!));
    }
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

  /** Block `i` with its positions in the current text (the same object on every call). */
  block(i: number): VttBlock {
    let b = this.all?.[i] ?? this.moved.get(i);
    if (!b) {
      const { s, j } = this.find(i);
      b = shiftBlock(s.blocks[j]!, s.delta);
      if (s.delta !== 0) this.moved.set(i, b);
    }
    return b;
  }

  /** Index of the first block ending at or after `pos` (`length` when none does). */
  blockIndexFrom(pos: number): number {
    // After the last block ending before `pos` (offsets are whole numbers).
    return lastAtOrBefore(this.length, (i) => this.to(i), pos - 1) + 1;
  }

  get cueCount(): number {
    return this.cueEnds.length ? this.cueEnds[this.cueEnds.length - 1]! : 0;
  }

  /** Where cue `k` is: its slice, its index in the slice's array, its block index. */
  private cueSlot(k: number): { s: Slice; j: number; i: number } {
    const ends = this.cueEnds;
    const lo = sliceOf(ends, k);
    const s = this.slices[lo]!;
    const index = cueIndexOf(s.blocks);
    const j = index.at[index.before[s.from]! + k - (lo ? ends[lo - 1]! : 0)]!;
    return { s, j, i: (lo ? this.ends[lo - 1]! : 0) + j - s.from };
  }

  /** Block index of cue `k`. */
  cueBlock(k: number): number {
    return this.cueSlot(k).i;
  }

  /** Cue `k` with its positions in the current text (the same object on every call), or undefined. */
  cue(k: number): VttCue | undefined {
    if (k < 0 || k >= this.cueCount) return undefined;
    return (this.block(this.cueSlot(k).i) as CueBlock).cue;
  }

  /** Cue `k` as parsed: its times and text are current, its positions may not be. */
  private unmovedCue(k: number): VttCue {
    const { s, j } = this.cueSlot(k);
    return (s.blocks[j] as CueBlock).cue;
  }

  /** Index of the last cue starting at or before `offset`, -1 before the first (as shared/timing/cue-at). */
  cueIndexAt(offset: number): number {
    return lastAtOrBefore(this.cueCount, (k) => {
      const { s, j } = this.cueSlot(k);
      return (s.blocks[j] as CueBlock).cue.range.from + s.delta;
    }, offset);
  }

  /** Index of the last cue starting at or before `seconds`, -1 when none (as shared/timing/cue-at). */
  cueIndexAtTime(seconds: number): number {
    return lastAtOrBefore(this.cueCount, (k) => this.unmovedCue(k).start, seconds);
  }

  /**
   * Every cue's start and end, in cue order. The same array as the list this one was
   * spliced from while the splice changed no time (typing in cue text), so a reader can
   * tell by identity that nothing moved in time. Made in O(cues) only when times change.
   */
  times(): readonly CueTimes[] {
    if (this.cueTimes) return this.cueTimes;
    const sp = this.splice_;
    const old = sp?.parent.cueTimes;
    this.splice_ = null;
    if (sp && old) {
      const same = sp.removed.length === sp.added.length && sp.added.every((c, i) => c.start === sp.removed[i]!.start && c.end === sp.removed[i]!.end);
      this.cueTimes = same ? old : old.slice(0, sp.cueFrom).concat(sp.added, old.slice(sp.cueFrom + sp.removed.length));
      return this.cueTimes;
    }
    // Cues as parsed: their times are what matters here, and they exist already.
    const out: CueTimes[] = new Array(this.cueCount);
    for (let k = 0; k < out.length; k++) out[k] = this.unmovedCue(k);
    return (this.cueTimes = out);
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
    const joined = new BlockRuns(out);
    const next = out.length > MAX_SLICES ? BlockRuns.of(joined.toArray()) : joined;
    // Only when this list's times were read (else the link would keep every older list alive).
    if (this.cueTimes) {
      const cues = (blocks: Iterable<VttBlock>) => [...blocks].flatMap((b) => (b.kind === 'cue' ? [b.cue] : []));
      const removed: VttBlock[] = [];
      for (let i = i0; i < i1; i++) removed.push(this.unmoved(i));
      next.splice_ = { parent: this, cueFrom: this.cuesBefore(i0), removed: cues(removed), added: cues(fresh) };
    }
    return next;
  }

  /** Number of cues in blocks [0, i). */
  private cuesBefore(i: number): number {
    if (i >= this.length) return this.cueCount;
    const { s, j, k } = this.find(i);
    const index = cueIndexOf(s.blocks);
    return (k ? this.cueEnds[k - 1]! : 0) + index.before[j]! - index.before[s.from]!;
  }

  /** Every block with its current positions (new objects only for moved ones; those `block` gave already are reused). */
  toArray(): VttBlock[] {
    if (this.all) return this.all;
    const out: VttBlock[] = new Array(this.length);
    let n = 0;
    for (const s of this.slices) {
      for (let i = s.from; i < s.to; i++, n++) out[n] = this.moved.get(n) ?? shiftBlock(s.blocks[i]!, s.delta);
    }
    return (this.all = out);
  }

  /** The slice holding block `i` and the block's index in that slice's array. */
  private find(i: number): { s: Slice; j: number; k: number } {
    const ends = this.ends;
    const lo = sliceOf(ends, i);
    const s = this.slices[lo]!;
    return { s, j: s.from + i - (lo ? ends[lo - 1]! : 0), k: lo };
  }
}

/** The slice holding item `i`, given ends[s] = items in slices[0..s]. */
function sliceOf(ends: readonly number[], i: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > i) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The last index in [0, count) whose value is at or before `x`, -1 when none: the same
 * probes as shared/timing/cue-at, so cues out of time order get the same answer there and here.
 */
function lastAtOrBefore(count: number, value: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (value(mid) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
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
