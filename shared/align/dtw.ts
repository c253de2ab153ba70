/**
 * Banded dynamic time warping between the recording's frames (rows) and the synthesized
 * speech's frames (columns). Each row only visits its band [lo, hi], and the back-pointers
 * take 2 bits a cell, so memory is O(rows · band) and never O(rows · columns): one hour
 * at 10 ms with a 1-second band is ~9 MB of pointers. Costs live in two rows only.
 *
 * Steps are the symmetric (diagonal counted twice) pattern, so paths of any slope cost
 * the same per unit of both signals and a faster or slower speaker is not penalised.
 */
import type { FrameMatrix } from './features';

export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

export interface WarpPath {
  /** Pairs (ref[k], syn[k]) from (0, 0) to (rows-1, cols-1), monotone in both. */
  ref: Int32Array;
  syn: Int32Array;
  /** Local distance of each pair. */
  cost: Float32Array;
  /** The path's accumulated cost over (rows + columns): comparable between bands. */
  normalizedCost: number;
}

/**
 * Makes a band walkable: it starts at column 0, ends at the last column, never moves
 * backwards, and each row touches the previous one, so a path exists.
 */
export function repairBand(lo: Int32Array, hi: Int32Array, cols: number): Band {
  const rows = lo.length;
  for (let i = 0; i < rows; i++) {
    lo[i] = Math.max(0, Math.min(cols - 1, lo[i]!));
    hi[i] = Math.max(lo[i]!, Math.min(cols - 1, hi[i]!));
  }
  lo[0] = 0;
  hi[rows - 1] = cols - 1;
  for (let i = rows - 2; i >= 0; i--) lo[i] = Math.min(lo[i]!, lo[i + 1]!);
  for (let i = 1; i < rows; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  // Row i may only start one column past where row i-1 ends (else no step reaches it).
  for (let i = rows - 1; i > 0; i--) if (hi[i - 1]! < lo[i]! - 1) hi[i - 1] = lo[i]! - 1;
  for (let i = 1; i < rows; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  return { lo, hi };
}

/** A band of half-width `radius` columns around `center(row)`. */
export function bandAround(rows: number, cols: number, radius: number, center: (row: number) => number): Band {
  const lo = new Int32Array(rows);
  const hi = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = center(i);
    lo[i] = Math.floor(c - radius);
    hi[i] = Math.ceil(c + radius);
  }
  return repairBand(lo, hi, cols);
}

/**
 * The band of a fine pass around a coarse path: coarse cell (I, J) covers fine rows
 * I·factor.. and columns J·factor.., widened by `margin` columns each side.
 */
export function bandFromCoarse(path: WarpPath, factor: number, rows: number, cols: number, margin: number): Band {
  const coarseRows = path.ref[path.ref.length - 1]! + 1;
  const first = new Int32Array(coarseRows).fill(2 ** 30);
  const last = new Int32Array(coarseRows).fill(-1);
  for (let k = 0; k < path.ref.length; k++) {
    const r = path.ref[k]!;
    first[r] = Math.min(first[r]!, path.syn[k]!);
    last[r] = Math.max(last[r]!, path.syn[k]!);
  }
  const lo = new Int32Array(rows);
  const hi = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = Math.min(coarseRows - 1, Math.floor(i / factor));
    lo[i] = first[r]! * factor - margin;
    hi[i] = (last[r]! + 1) * factor - 1 + margin;
  }
  return repairBand(lo, hi, cols);
}

/** Euclidean distance in stored steps (divide by the scale for the value). */
function distance(a: Int16Array, ai: number, b: Int16Array, bi: number, dims: number): number {
  let sum = 0;
  for (let c = 0; c < dims; c++) {
    const d = a[ai + c]! - b[bi + c]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * How much of each frame is speech (0..1), on both sides: a pause matched to speech
 * costs `cost` more, so a cue's words go on the speech and a pause on a pause, even where
 * the voices' spectra tell them apart only loosely (a short, fast reply).
 */
export interface Voicing {
  ref: Float32Array;
  syn: Float32Array;
  cost: number;
}

export interface DtwOptions {
  /** Called every few thousand rows (cancellation, progress). */
  tick?: (row: number) => void;
  voicing?: Voicing;
  /** Rows per block of pointers computed again on the walk back (see PASS_BYTES). */
  blockRows?: number;
  /** Most cells whose pointers are kept from the forward pass (the last rows'); by default all or none (see PASS_BYTES). */
  keptCells?: number;
}

const DIAG = 0;
const UP = 1;
const LEFT = 2;

/**
 * What a pass may hold at its end, when the walk back reads its pointers and makes its
 * path: pointers (2 bits a cell) and path (12 bytes a pair, at most rows + columns
 * pairs). A pass that fits keeps all its pointers. One that does not is done in blocks
 * of BLOCK_ROWS rows: the forward pass keeps each block's incoming cost row, and the
 * walk back computes the block again with its pointers, twice the work. Every pass of an
 * hour fits (the widest, 120 ms frames in a 4-minute band: 15 MB). Three hours' 10 ms
 * pass does not: kept whole, its 12 MB of pointers sat beside its 19 MB of path and
 * more at the run's peak (end of the pass, 3 h bench file: 266 MiB, now 249 MiB).
 */
const PASS_BYTES = 16 * 1024 * 1024;
const BLOCK_ROWS = 1024;

interface Grid {
  a: Int16Array;
  b: Int16Array;
  dims: number;
  unit: number;
  lo: Int32Array;
  hi: Int32Array;
  penalty: number;
  refVoiced: Float32Array | undefined;
  synVoiced: Float32Array | undefined;
  voicingCost: number;
}

/**
 * Rows `from`..`to` (exclusive): `prev` holds row from-1's costs on entry; returns the
 * pair with row to-1's costs first. Pointers go to `pointers` from cell 0 at row `from`.
 */
function fillRows(grid: Grid, from: number, to: number, prevIn: Float64Array, curIn: Float64Array, pointers: Uint8Array, tick: ((row: number) => void) | undefined): [Float64Array, Float64Array] {
  // Locals, not the grid's fields, in the per-cell loop.
  const { a, b, dims, unit, lo, hi, penalty, refVoiced, synVoiced, voicingCost } = grid;
  let prev = prevIn;
  let cur = curIn;
  let base = 0;
  for (let i = from; i < to; i++) {
    if (tick && (i & 4095) === 0) tick(i);
    const l = lo[i]!;
    const h = hi[i]!;
    const pl = i > 0 ? lo[i - 1]! : 0;
    const ph = i > 0 ? hi[i - 1]! : -1;
    const voicedRow = refVoiced !== undefined ? refVoiced[i]! : 0;
    for (let j = l; j <= h; j++) {
      let d = distance(a, i * dims, b, j * dims, dims) * unit;
      if (synVoiced !== undefined) d += voicingCost * Math.abs(voicedRow - synVoiced[j]!);
      let best: number;
      let dir: number;
      if (i === 0) {
        best = j === 0 ? 2 * d : cur[j - 1 - l]! + d + penalty;
        dir = LEFT;
      } else {
        best = Infinity;
        dir = DIAG;
        if (j - 1 >= pl && j - 1 <= ph) best = prev[j - 1 - pl]! + 2 * d;
        if (j >= pl && j <= ph) {
          const up = prev[j - pl]! + d + penalty;
          if (up < best) {
            best = up;
            dir = UP;
          }
        }
        if (j > l) {
          const left = cur[j - 1 - l]! + d + penalty;
          if (left < best) {
            best = left;
            dir = LEFT;
          }
        }
      }
      cur[j - l] = best;
      const cell = base + (j - l);
      pointers[cell >> 2]! |= dir << ((cell & 3) * 2);
    }
    base += h - l + 1;
    [prev, cur] = [cur, prev];
  }
  return [prev, cur];
}

/**
 * The cheapest monotone path through the band. A step off the diagonal costs `penalty`
 * more: without it, a voice that matches the recording only loosely lets the path run
 * straight up (many words on one frame) and across for free.
 */
export function bandedDtw(ref: FrameMatrix, syn: FrameMatrix, band: Band, penalty: number, options: DtwOptions = {}): WarpPath {
  const { tick, voicing } = options;
  const rows = ref.length;
  const cols = syn.length;
  const { lo, hi } = band;
  const dims = ref.dims;
  if (ref.scale !== syn.scale) throw new Error('the two signals\' frames are stored at different scales');
  const grid: Grid = { a: ref.data, b: syn.data, dims, unit: 1 / ref.scale, lo, hi, penalty, refVoiced: voicing?.ref, synVoiced: voicing?.syn, voicingCost: voicing?.cost ?? 0 };
  const width = (i: number) => hi[i]! - lo[i]! + 1;
  let cells = 0;
  for (let i = 0; i < rows; i++) cells += width(i);
  const fits = cells / 4 + 12 * (rows + cols) <= PASS_BYTES;
  const starts = blockStarts(width, rows, options.blockRows ?? BLOCK_ROWS, options.keptCells ?? (fits ? cells : 0));
  const blocks = starts.length;
  const blockEnd = (k: number) => (k + 1 < blocks ? starts[k + 1]! : rows);
  // Each row's cells follow the previous row's in `pointers`; a row's first cell is found
  // by summing widths, forwards in the pass and backwards on the walk back (no per-row
  // table: three hours at 10 ms would hold 8.6 MB of offsets).
  const blockCells = new Float64Array(blocks);
  let widest = 0;
  for (let k = 0; k < blocks; k++) {
    for (let i = starts[k]!; i < blockEnd(k); i++) {
      blockCells[k]! += width(i);
      widest = Math.max(widest, width(i));
    }
  }
  const pointers = new Uint8Array(Math.ceil(Math.max(...blockCells) / 4));
  let prev: Float64Array = new Float64Array(widest);
  let cur: Float64Array = new Float64Array(widest);
  // Row from-1's costs for each block computed again (all but the first and the last).
  const incoming: Float64Array[] = [];
  for (let k = 0; k < blocks; k++) {
    const from = starts[k]!;
    if (k > 0) {
      if (k < blocks - 1) incoming[k] = prev.slice(0, width(from - 1));
      pointers.fill(0);
    }
    [prev, cur] = fillRows(grid, from, blockEnd(k), prev, cur, pointers, tick);
  }
  const total = prev[width(rows - 1) - 1]!;
  // The walk back from the last cell, one block at a time, the last (whose pointers the
  // forward pass left) first. Each step is kept as a 2-bit code (three hours' 10 ms path:
  // 0.6 MB), and the pairs are made from the codes once their count is known: a path of
  // exactly its length, from one walk (a blocked pass walked twice would compute every
  // block twice more, and room for the longest path in pairs is 27 MB for three hours).
  const codes = new Uint8Array(Math.ceil((rows + cols) / 4));
  let steps = 0;
  let i = rows - 1;
  let j = hi[rows - 1]!;
  walk: for (let k = blocks - 1; k >= 0; k--) {
    const from = starts[k]!;
    if (k < blocks - 1) {
      prev.set(incoming[k] ?? []);
      incoming.length = k;
      pointers.fill(0);
      fillRows(grid, from, blockEnd(k), prev, cur, pointers, undefined);
    }
    let rowStart = blockCells[k]! - width(i);
    for (;;) {
      if (i === 0 && j === 0) break walk;
      const cell = rowStart + (j - lo[i]!);
      let dir = (pointers[cell >> 2]! >> ((cell & 3) * 2)) & 3;
      if (i === 0) dir = LEFT;
      codes[steps >> 2]! |= dir << ((steps & 3) * 2);
      steps++;
      if (dir === LEFT) j--;
      else {
        i--;
        if (dir === DIAG) j--;
        if (i < from) break;
        rowStart -= width(i);
      }
    }
  }
  // The pairs, from (0, 0) on: the codes read backwards.
  const pairs = steps + 1;
  const path: WarpPath = { ref: new Int32Array(pairs), syn: new Int32Array(pairs), cost: new Float32Array(pairs), normalizedCost: total / (rows + cols) };
  const { refVoiced, synVoiced, voicingCost } = grid;
  i = 0;
  j = 0;
  for (let k = 0; k < pairs; k++) {
    if (k > 0) {
      const n = steps - k;
      const dir = (codes[n >> 2]! >> ((n & 3) * 2)) & 3;
      if (dir !== LEFT) i++;
      if (dir !== UP) j++;
    }
    path.ref[k] = i;
    path.syn[k] = j;
    const d = distance(grid.a, i * dims, grid.b, j * dims, dims) * grid.unit;
    path.cost[k] = refVoiced !== undefined && synVoiced !== undefined ? d + voicingCost * Math.abs(refVoiced[i]! - synVoiced[j]!) : d;
  }
  return path;
}

/**
 * Where each block of rows starts: blocks of `blockRows` from row 0, and the last block
 * from the first block edge whose rows to the end hold at most `keptCells` cells (all
 * rows, one block, when they fit). `width(i)` is row i's cell count.
 */
export function blockStarts(width: (i: number) => number, rows: number, blockRows: number, keptCells: number): number[] {
  const size = Math.max(1, Math.floor(blockRows));
  let tail = 0;
  let first = rows;
  while (first > 0 && tail + width(first - 1) <= keptCells) tail += width(--first);
  // The kept block starts on a block edge at or after `first` (and before the last row).
  const kept = Math.min(Math.ceil(first / size) * size, Math.floor((rows - 1) / size) * size);
  const starts: number[] = [];
  for (let from = 0; from <= kept; from += size) starts.push(from);
  return starts;
}

/** For each synthesized frame (column), the first and last recording frame (row) a path pairs it with; -1 for none. */
export interface PathMaps {
  first: Int32Array;
  last: Int32Array;
}

export function pathMaps(path: WarpPath, cols: number): PathMaps {
  const first = new Int32Array(cols).fill(-1);
  const last = new Int32Array(cols).fill(-1);
  for (let k = 0; k < path.ref.length; k++) {
    const j = path.syn[k]!;
    if (first[j] === -1) first[j] = path.ref[k]!;
    last[j] = path.ref[k]!;
  }
  return { first, last };
}

/** Pairs `from`..`to` (inclusive) of a path, to be replaced by `path`'s (in the same coordinates). */
export interface PathSplice {
  from: number;
  to: number;
  path: WarpPath;
}

/**
 * `path` with each splice's pairs in place of the ones it replaces (splices in order, not
 * overlapping); the cost and normalized cost of the rest are kept. Done in `path`'s own
 * arrays when the result is no longer (then `path` is spent), else in new ones; `maps`
 * (pathMaps of `path`) are brought up to date for the columns the splices touch. Three
 * hours' 10 ms path is 20 MB, and a copy of it beside it, with the maps made again,
 * was what the run's peak was made of.
 */
export function splicePath(path: WarpPath, splices: readonly PathSplice[], maps?: PathMaps): WarpPath {
  if (splices.length === 0) return path;
  const old = path.ref.length;
  // Kept runs of the old path (source start, length, destination start), and where each splice goes.
  const kept: { at: number; length: number; to: number }[] = [];
  const placed: number[] = [];
  // Columns the old pairs replaced covered; the new pairs' are read once they are in place.
  const columns: { lo: number; hi: number }[] = [];
  let read = 0;
  let write = 0;
  for (const s of splices) {
    kept.push({ at: read, length: s.from - read, to: write });
    write += s.from - read;
    placed.push(write);
    write += s.path.ref.length;
    columns.push({ lo: path.syn[s.from]!, hi: path.syn[s.to]! });
    read = s.to + 1;
  }
  kept.push({ at: read, length: old - read, to: write });
  const length = write + old - read;
  let out: WarpPath;
  if (length <= old) {
    // In place: a run moved left only overwrites runs to its left that move left too, and
    // one moved right only those to its right that move right, so runs moving left go
    // first, left to right, then runs moving right, right to left.
    const move = (r: { at: number; length: number; to: number }) => {
      for (const a of [path.ref, path.syn, path.cost]) a.copyWithin(r.to, r.at, r.at + r.length);
    };
    for (const r of kept) if (r.to < r.at) move(r);
    for (let k = kept.length - 1; k >= 0; k--) if (kept[k]!.to > kept[k]!.at) move(kept[k]!);
    out = { ref: path.ref.subarray(0, length), syn: path.syn.subarray(0, length), cost: path.cost.subarray(0, length), normalizedCost: path.normalizedCost };
  } else {
    out = { ref: new Int32Array(length), syn: new Int32Array(length), cost: new Float32Array(length), normalizedCost: path.normalizedCost };
    for (const r of kept) {
      out.ref.set(path.ref.subarray(r.at, r.at + r.length), r.to);
      out.syn.set(path.syn.subarray(r.at, r.at + r.length), r.to);
      out.cost.set(path.cost.subarray(r.at, r.at + r.length), r.to);
    }
  }
  splices.forEach((s, k) => {
    out.ref.set(s.path.ref, placed[k]!);
    out.syn.set(s.path.syn, placed[k]!);
    out.cost.set(s.path.cost, placed[k]!);
  });
  if (maps) {
    splices.forEach((s, k) => {
      const n = s.path.ref.length;
      const lo = Math.min(columns[k]!.lo, n > 0 ? s.path.syn[0]! : Infinity);
      const hi = Math.max(columns[k]!.hi, n > 0 ? s.path.syn[n - 1]! : -Infinity);
      maps.first.fill(-1, lo, hi + 1);
      maps.last.fill(-1, lo, hi + 1);
      // The path is monotone: the pairs on these columns are one run around the splice's.
      let a = placed[k]!;
      while (a > 0 && out.syn[a - 1]! >= lo) a--;
      for (let p = a; p < length && out.syn[p]! <= hi; p++) {
        const j = out.syn[p]!;
        if (j < lo) continue;
        if (maps.first[j] === -1) maps.first[j] = out.ref[p]!;
        maps.last[j] = out.ref[p]!;
      }
    });
  }
  return out;
}
