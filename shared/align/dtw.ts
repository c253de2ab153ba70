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
  /** Rows per block of pointers (see WHOLE_CELLS); by default all rows when they fit. */
  blockRows?: number;
}

const DIAG = 0;
const UP = 1;
const LEFT = 2;

/**
 * Above this many cells the back-pointers are kept one block of rows at a time: the
 * forward pass keeps each block's incoming cost row, and the walk back computes each
 * block again with its pointers (twice the work, for the wide top pass of long files
 * only: three hours' would hold 45 MB of pointers, an hour's 15 MB stays whole).
 */
const WHOLE_CELLS = 64_000_000;
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
  const { lo, hi } = band;
  const dims = ref.dims;
  if (ref.scale !== syn.scale) throw new Error('the two signals\' frames are stored at different scales');
  const grid: Grid = { a: ref.data, b: syn.data, dims, unit: 1 / ref.scale, lo, hi, penalty, refVoiced: voicing?.ref, synVoiced: voicing?.syn, voicingCost: voicing?.cost ?? 0 };
  const width = (i: number) => hi[i]! - lo[i]! + 1;
  // Each row's cells follow the previous row's in `pointers`; a row's first cell is found
  // by summing widths, forwards in the pass and backwards on the walk back (no per-row
  // table: three hours at 10 ms would hold 8.6 MB of offsets).
  let cells = 0;
  let widest = 0;
  for (let i = 0; i < rows; i++) {
    cells += width(i);
    widest = Math.max(widest, width(i));
  }
  const blockRows = Math.max(1, Math.min(rows, options.blockRows ?? (cells <= WHOLE_CELLS ? rows : BLOCK_ROWS)));
  const blocks = Math.ceil(rows / blockRows);
  const blockCells = new Float64Array(blocks);
  for (let i = 0; i < rows; i++) blockCells[Math.floor(i / blockRows)]! += width(i);
  const pointers = new Uint8Array(Math.ceil(Math.max(...blockCells) / 4));
  let prev: Float64Array = new Float64Array(widest);
  let cur: Float64Array = new Float64Array(widest);
  // Row from-1's costs for each block but the first, when blocks are computed again.
  const incoming: Float64Array[] = [];
  for (let k = 0; k < blocks; k++) {
    const from = k * blockRows;
    if (blocks > 1) {
      if (k > 0) incoming[k] = prev.slice(0, width(from - 1));
      pointers.fill(0);
    }
    [prev, cur] = fillRows(grid, from, Math.min(rows, from + blockRows), prev, cur, pointers, tick);
  }
  const total = prev[width(rows - 1) - 1]!;
  const local = (i: number, j: number) => {
    const d = distance(grid.a, i * dims, grid.b, j * dims, dims) * grid.unit;
    return grid.refVoiced !== undefined && grid.synVoiced !== undefined ? d + grid.voicingCost * Math.abs(grid.refVoiced[i]! - grid.synVoiced[j]!) : d;
  };
  // The walk back from the last cell, one block at a time, the last first; `visit` sees
  // each pair from the end of the path.
  const walk = (visit: (i: number, j: number) => void): void => {
    let i = rows - 1;
    let j = hi[rows - 1]!;
    for (let k = blocks - 1; k >= 0; k--) {
      const from = k * blockRows;
      if (blocks > 1) {
        prev.set(incoming[k] ?? []);
        pointers.fill(0);
        fillRows(grid, from, Math.min(rows, from + blockRows), prev, cur, pointers, undefined);
      }
      let rowStart = blockCells[k]! - width(i);
      for (;;) {
        visit(i, j);
        if (i === 0 && j === 0) return;
        const cell = rowStart + (j - lo[i]!);
        const dir = (pointers[cell >> 2]! >> ((cell & 3) * 2)) & 3;
        if (i === 0 || dir === LEFT) j--;
        else {
          i--;
          if (dir === DIAG) j--;
          if (i < from) break;
          rowStart -= width(i);
        }
      }
    }
  };
  const path: WarpPath = { ref: new Int32Array(0), syn: new Int32Array(0), cost: new Float32Array(0), normalizedCost: total / (rows + syn.length) };
  if (blocks === 1) {
    // Walked twice: once to count the steps, once to fill arrays of exactly that length
    // (room for the longest path, rows + columns, would be twice that).
    let steps = 0;
    walk(() => steps++);
    path.ref = new Int32Array(steps);
    path.syn = new Int32Array(steps);
    let at = steps;
    walk((i, j) => {
      at--;
      path.ref[at] = i;
      path.syn[at] = j;
    });
  } else {
    // Walking again would compute every block a third time; the path of so coarse a pass is short.
    const room = rows + syn.length;
    const refPath = new Int32Array(room);
    const synPath = new Int32Array(room);
    let at = room;
    walk((i, j) => {
      at--;
      refPath[at] = i;
      synPath[at] = j;
    });
    path.ref = refPath.slice(at);
    path.syn = synPath.slice(at);
  }
  path.cost = new Float32Array(path.ref.length);
  for (let k = 0; k < path.ref.length; k++) path.cost[k] = local(path.ref[k]!, path.syn[k]!);
  return path;
}
