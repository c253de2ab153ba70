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
}

const DIAG = 0;
const UP = 1;
const LEFT = 2;

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
  const unit = 1 / ref.scale;
  // Each row's cells follow the previous row's in `pointers`; a row's first cell is found
  // by summing widths, forwards here and backwards on the walk back (no per-row table:
  // three hours at 10 ms would hold 8.6 MB of offsets).
  let cells = 0;
  let widest = 0;
  for (let i = 0; i < rows; i++) {
    const w = hi[i]! - lo[i]! + 1;
    cells += w;
    widest = Math.max(widest, w);
  }
  const pointers = new Uint8Array(Math.ceil(cells / 4));
  let prev = new Float64Array(widest);
  let cur = new Float64Array(widest);
  const a = ref.data;
  const b = syn.data;
  const refVoiced = voicing?.ref;
  const synVoiced = voicing?.syn;
  const voicingCost = voicing?.cost ?? 0;
  const local = (i: number, j: number) => {
    const d = distance(a, i * dims, b, j * dims, dims) * unit;
    return refVoiced !== undefined && synVoiced !== undefined ? d + voicingCost * Math.abs(refVoiced[i]! - synVoiced[j]!) : d;
  };
  let base = 0;
  for (let i = 0; i < rows; i++) {
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
  const total = prev[hi[rows - 1]! - lo[rows - 1]!]!;
  // Walked back twice from the last cell: once to count the steps, once to fill arrays of
  // exactly that length (room for the longest path, rows + columns, would be twice that).
  const walk = (visit: (k: number, i: number, j: number) => void): number => {
    let i = rows - 1;
    let j = hi[rows - 1]!;
    let rowStart = cells - (hi[i]! - lo[i]! + 1);
    let k = 0;
    for (;;) {
      visit(k++, i, j);
      if (i === 0 && j === 0) return k;
      const cell = rowStart + (j - lo[i]!);
      const dir = (pointers[cell >> 2]! >> ((cell & 3) * 2)) & 3;
      if (i === 0 || dir === LEFT) j--;
      else {
        i--;
        rowStart -= hi[i]! - lo[i]! + 1;
        if (dir === DIAG) j--;
      }
    }
  };
  const steps = walk(() => {});
  const path: WarpPath = { ref: new Int32Array(steps), syn: new Int32Array(steps), cost: new Float32Array(steps), normalizedCost: total / (rows + syn.length) };
  walk((k, i, j) => {
    const at = steps - 1 - k;
    path.ref[at] = i;
    path.syn[at] = j;
    path.cost[at] = local(i, j);
  });
  return path;
}
