import { describe, expect, it } from 'vitest';
import { bandAround, bandedDtw, blockStarts, pathMaps, splicePath, type Band, type PathSplice, type Voicing, type WarpPath } from './dtw';
import { FrameMatrix } from './features';

function matrix(values: number[]): FrameMatrix {
  const m = new FrameMatrix(1, values.length);
  for (const v of values) m.put(m.push(), v);
  return m.trim();
}

describe('bandedDtw voicing', () => {
  // The recording: a short reply (frames 4-5) between pauses; the text's two words are
  // alike in spectrum, so without voicing the second word's frames may sit on the pause.
  const ref = matrix([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
  const syn = matrix([0, 1, 1, 0, 1, 1, 1, 1]);
  const refVoiced = Float32Array.from([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]);
  const synVoiced = Float32Array.from([0, 1, 1, 0, 1, 1, 1, 1]);
  const band = bandAround(ref.length, syn.length, syn.length, (i) => (i * syn.length) / ref.length);

  it('a pause paired with speech costs more, so speech frames go on speech', () => {
    const path = bandedDtw(ref, syn, band, 1, { voicing: { ref: refVoiced, syn: synVoiced, cost: 5 } });
    for (let k = 0; k < path.ref.length; k++) {
      expect(synVoiced[path.syn[k]!], `pair ${path.ref[k]},${path.syn[k]}`).toBe(refVoiced[path.ref[k]!]);
    }
    // The cost of each pair includes the voicing term (none on this path).
    expect(Math.max(...path.cost)).toBe(0);
  });

  it('without voicing the path is still monotone from corner to corner', () => {
    const path = bandedDtw(ref, syn, band, 1);
    expect(path.ref[0]).toBe(0);
    expect(path.syn[0]).toBe(0);
    expect(path.ref[path.ref.length - 1]).toBe(ref.length - 1);
    expect(path.syn[path.syn.length - 1]).toBe(syn.length - 1);
  });
});

/** A fixed-seed generator of values in [-0.5, 0.5). */
function generator(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
}

/** Two signals from a seed, the second a time-warped copy of the first plus noise. */
function warpedPair(seed: number, rows: number, cols: number, dims: number): { ref: FrameMatrix; syn: FrameMatrix } {
  const random = generator(seed);
  const source = Array.from({ length: rows }, () => Array.from({ length: dims }, () => random()));
  const ref = new FrameMatrix(dims, rows);
  for (const f of source) {
    const at = ref.push();
    f.forEach((v, c) => ref.put(at + c, v));
  }
  const syn = new FrameMatrix(dims, cols);
  for (let k = 0; k < cols; k++) {
    const at = syn.push();
    source[Math.max(0, Math.min(rows - 1, Math.floor((k * rows) / cols + 3 * Math.sin(k / 9))))]!.forEach((v, c) => syn.put(at + c, v + 0.1 * random()));
  }
  return { ref: ref.trim(), syn: syn.trim() };
}

/**
 * The same DTW written plainly, as a reference: every cell's cost and pointer in a table
 * of its own, the path read back into arrays. Same steps, same order of the sums and the
 * same preference on ties (diagonal, then up, then left), so its figures are the same to
 * the bit.
 */
function plainDtw(ref: FrameMatrix, syn: FrameMatrix, band: Band, penalty: number, voicing?: Voicing): WarpPath {
  const rows = ref.length;
  const local = (i: number, j: number) => {
    let sum = 0;
    for (let c = 0; c < ref.dims; c++) {
      const d = ref.data[i * ref.dims + c]! - syn.data[j * syn.dims + c]!;
      sum += d * d;
    }
    const d = Math.sqrt(sum) * (1 / ref.scale);
    return voicing ? d + voicing.cost * Math.abs(voicing.ref[i]! - voicing.syn[j]!) : d;
  };
  const cost: Map<number, number>[] = [];
  const from: Map<number, 'diag' | 'up' | 'left'>[] = [];
  for (let i = 0; i < rows; i++) {
    cost.push(new Map());
    from.push(new Map());
    for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
      const d = local(i, j);
      let best = Infinity;
      let step: 'diag' | 'up' | 'left' = 'diag';
      if (i === 0) {
        best = j === 0 ? 2 * d : cost[0]!.get(j - 1)! + d + penalty;
        step = 'left';
      } else {
        const diag = cost[i - 1]!.get(j - 1);
        if (diag !== undefined) best = diag + 2 * d;
        const up = cost[i - 1]!.get(j);
        if (up !== undefined && up + d + penalty < best) {
          best = up + d + penalty;
          step = 'up';
        }
        const left = cost[i]!.get(j - 1);
        if (left !== undefined && left + d + penalty < best) {
          best = left + d + penalty;
          step = 'left';
        }
      }
      cost[i]!.set(j, best);
      from[i]!.set(j, step);
    }
  }
  const pairs: [number, number][] = [];
  let i = rows - 1;
  let j = syn.length - 1;
  pairs.push([i, j]);
  while (i > 0 || j > 0) {
    const step = i === 0 ? 'left' : from[i]!.get(j)!;
    if (step !== 'left') i--;
    if (step !== 'up') j--;
    pairs.push([i, j]);
  }
  pairs.reverse();
  return {
    ref: Int32Array.from(pairs, (p) => p[0]),
    syn: Int32Array.from(pairs, (p) => p[1]),
    cost: Float32Array.from(pairs, (p) => local(p[0], p[1])),
    normalizedCost: cost[rows - 1]!.get(syn.length - 1)! / (rows + syn.length),
  };
}

function expectSamePath(actual: WarpPath, expected: WarpPath, label: string): void {
  expect([...actual.ref], label).toEqual([...expected.ref]);
  expect([...actual.syn], label).toEqual([...expected.syn]);
  expect([...actual.cost], label).toEqual([...expected.cost]);
  expect(actual.normalizedCost, label).toBe(expected.normalizedCost);
}

describe('bandedDtw against a plain DTW', () => {
  it('finds the same path, costs and total on random signals and bands, pointers whole, in blocks, or kept in part', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = generator(seed * 7919);
      const rows = 20 + Math.floor((random() + 0.5) * 100);
      const cols = Math.max(2, Math.round(rows * (0.6 + (random() + 0.5) * 0.8)));
      const { ref, syn } = warpedPair(seed, rows, cols, 1 + (seed % 4));
      const wobble = 2 + (random() + 0.5) * 6;
      const band = bandAround(rows, cols, 2 + (random() + 0.5) * 10, (i) => (i * cols) / rows + wobble * Math.sin(i / 11));
      const penalty = seed % 3 === 0 ? 0 : (random() + 0.5) * 0.8;
      const voicing = seed % 2 === 0 ? { ref: Float32Array.from({ length: rows }, () => random() + 0.5), syn: Float32Array.from({ length: cols }, () => (random() > 0 ? 1 : 0)), cost: 0.4 } : undefined;
      const expected = plainDtw(ref, syn, band, penalty, voicing);
      // The path runs from corner to corner, one step at a time.
      expect(expected.ref.length).toBeGreaterThanOrEqual(Math.max(rows, cols));
      let cells = 0;
      for (let i = 0; i < rows; i++) cells += band.hi[i]! - band.lo[i]! + 1;
      const layouts: { blockRows?: number; keptCells?: number }[] = [{}, { blockRows: 1, keptCells: 0 }, { blockRows: 7, keptCells: 0 }, { blockRows: 32, keptCells: 0 }, { blockRows: 5, keptCells: Math.floor(cells / 3) }, { blockRows: 13, keptCells: cells - 1 }];
      for (const layout of layouts) expectSamePath(bandedDtw(ref, syn, band, penalty, { ...(voicing ? { voicing } : {}), ...layout }), expected, `seed ${seed}, ${JSON.stringify(layout)}`);
    }
  });
});

describe('blockStarts', () => {
  const widths = [3, 5, 4, 4, 6, 2, 7, 3, 3, 5];
  const width = (i: number) => widths[i]!;
  const cellsFrom = (row: number) => widths.slice(row).reduce((a, b) => a + b, 0);

  it('is one block when every cell fits', () => {
    expect(blockStarts(width, widths.length, 3, cellsFrom(0))).toEqual([0]);
  });

  it('keeps the last rows that fit, from a block edge, and blocks of the given rows before them', () => {
    for (const kept of [0, 4, 8, 11, 15, 20, 30, 41]) {
      for (const size of [1, 2, 3, 4]) {
        const starts = blockStarts(width, widths.length, size, kept);
        const last = starts[starts.length - 1]!;
        starts.forEach((from, k) => expect(from, `kept ${kept}, blocks of ${size}`).toBe(k * size));
        expect(last).toBeLessThan(widths.length);
        // The kept block holds at most the budget, unless it is one block of `size` rows anyway...
        if (widths.length - last > size) expect(cellsFrom(last)).toBeLessThanOrEqual(kept);
        // ...and starts as early as it can: one block edge sooner would not fit.
        if (last >= size) expect(cellsFrom(last - size)).toBeGreaterThan(kept);
      }
    }
  });
});

/** A random monotone path from (i0, j0) to (i1, j1), steps up, left or diagonal; costs random. */
function randomPath(random: () => number, i0: number, j0: number, i1: number, j1: number): WarpPath {
  const pairs: [number, number][] = [[i0, j0]];
  let i = i0;
  let j = j0;
  while (i < i1 || j < j1) {
    const r = random();
    if (i < i1 && (j === j1 || r < -0.2)) i++;
    else if (j < j1 && (i === i1 || r > 0.2)) j++;
    else {
      i++;
      j++;
    }
    pairs.push([i, j]);
  }
  return { ref: Int32Array.from(pairs, (p) => p[0]), syn: Int32Array.from(pairs, (p) => p[1]), cost: Float32Array.from(pairs, () => random() + 0.5), normalizedCost: random() + 0.5 };
}

/** The spliced path built the plain way: the kept pairs and the splices' concatenated in new arrays. */
function concatenated(path: WarpPath, splices: PathSplice[]): WarpPath {
  const parts: WarpPath[] = [];
  const part = (from: number, to: number): WarpPath => ({ ref: path.ref.slice(from, to), syn: path.syn.slice(from, to), cost: path.cost.slice(from, to), normalizedCost: 0 });
  let done = 0;
  for (const s of splices) {
    parts.push(part(done, s.from), s.path);
    done = s.to + 1;
  }
  parts.push(part(done, path.ref.length));
  const join = <T extends Int32Array | Float32Array>(pick: (p: WarpPath) => T): number[] => parts.flatMap((p) => [...pick(p)]);
  return { ref: Int32Array.from(join((p) => p.ref)), syn: Int32Array.from(join((p) => p.syn)), cost: Float32Array.from(join((p) => p.cost)), normalizedCost: path.normalizedCost };
}

describe('splicePath', () => {
  it('gives the path built by concatenation, and its maps, whether the splices shorten or lengthen it', () => {
    let shorter = 0;
    let longer = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const random = generator(seed * 104729);
      const rows = 30 + Math.floor((random() + 0.5) * 200);
      const cols = 30 + Math.floor((random() + 0.5) * 200);
      const path = randomPath(random, 0, 0, rows - 1, cols - 1);
      // Stretches between two pairs of the path, searched again: a new path between the same two pairs.
      const splices: PathSplice[] = [];
      let at = Math.floor((random() + 0.5) * 10);
      while (at < path.ref.length - 2) {
        const from = at;
        const to = Math.min(path.ref.length - 1, from + 1 + Math.floor((random() + 0.5) * 40));
        splices.push({ from, to, path: randomPath(random, path.ref[from]!, path.syn[from]!, path.ref[to]!, path.syn[to]!) });
        // Sometimes the next splice starts right after this one.
        at = to + 1 + (random() < -0.3 ? 0 : Math.floor((random() + 0.5) * 30));
      }
      const expected = concatenated(path, splices);
      const maps = pathMaps(path, cols);
      const buffer = path.ref.buffer;
      const actual = splicePath(path, splices, maps);
      expectSamePath(actual, expected, `seed ${seed}`);
      const fresh = pathMaps(expected, cols);
      expect([...maps.first], `seed ${seed}`).toEqual([...fresh.first]);
      expect([...maps.last], `seed ${seed}`).toEqual([...fresh.last]);
      if (expected.ref.length <= path.ref.length) {
        shorter++;
        // No copy of the path when the result fits in its arrays.
        expect(actual.ref.buffer, `seed ${seed}`).toBe(buffer);
      } else longer++;
    }
    // Both ways were tried.
    expect(shorter).toBeGreaterThan(5);
    expect(longer).toBeGreaterThan(5);
  });

  it('leaves a path without splices as it is', () => {
    const path = randomPath(generator(3), 0, 0, 20, 30);
    expect(splicePath(path, [])).toBe(path);
  });
});
