/**
 * The changes that turn one text into another, kept small: an aligned document differs
 * from the open one in its timing lines (and in cues cut from untimed notes), so Apply
 * rewrites those bytes only and the cursor, folds and word times of the rest survive.
 *
 * A patience diff over lines: lines unique in both texts are anchors, the longest run
 * of anchors in order (LIS, O(n log n)) is kept, equal lines next to them are matched,
 * and every gap left becomes one change, trimmed to the characters that differ. Myers'
 * O(ND) would cost seconds here: re-timing 4,000 cues makes D about 8,000.
 */
import type { TextChange } from '../../../shared/model/text-change';

/** Lines with their terminators, so their lengths add up to the text's. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Indices of a longest strictly increasing subsequence of `values`. */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = prev[i]!) out.push(i);
  return out.reverse();
}

/**
 * Pairs of equal lines (index in a, index in b) in order, within `a[a0, a1)` and
 * `b[b0, b1)`. Lines unique in both ranges anchor; each gap between anchors is diffed
 * the same way (a line repeated in the whole text may be unique in a gap).
 */
function matchedLines(a: readonly string[], b: readonly string[], a0 = 0, a1 = a.length, b0 = 0, b1 = b.length, out: [number, number][] = []): [number, number][] {
  // Equal lines at the edges first: blank lines, text that did not change.
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) out.push([a0++, b0++]);
  const tail: [number, number][] = [];
  while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) tail.push([--a1, --b1]);
  if (a0 < a1 && b0 < b1) {
    const count = new Map<string, { a: number; b: number; ia: number; ib: number }>();
    for (let i = a0; i < a1; i++) {
      const c = count.get(a[i]!) ?? { a: 0, b: 0, ia: i, ib: -1 };
      c.a++;
      count.set(a[i]!, c);
    }
    for (let i = b0; i < b1; i++) {
      const c = count.get(b[i]!);
      if (c) {
        c.b++;
        c.ib = i;
      }
    }
    const anchors: [number, number][] = [];
    for (const c of count.values()) if (c.a === 1 && c.b === 1) anchors.push([c.ia, c.ib]);
    anchors.sort((x, y) => x[0] - y[0]);
    const kept = longestIncreasing(anchors.map((p) => p[1])).map((i) => anchors[i]!);
    let pa = a0;
    let pb = b0;
    for (const [ia, ib] of kept) {
      matchedLines(a, b, pa, ia, pb, ib, out);
      out.push([ia, ib]);
      pa = ia + 1;
      pb = ib + 1;
    }
    if (kept.length) matchedLines(a, b, pa, a1, pb, b1, out);
    else if (a1 - a0 === b1 - b0) {
      // No anchor, same shape ("Yeah." three times, each re-timed): pair lines by position.
      for (let k = 0; k < a1 - a0; k++) if (a[a0 + k] === b[b0 + k]) out.push([a0 + k, b0 + k]);
    }
  }
  out.push(...tail.reverse());
  return out;
}

/** Changes from `a` to `b` (non-overlapping, in order); applying them to `a` gives `b`. */
export function minimalChanges(a: string, b: string): TextChange[] {
  if (a === b) return [];
  const la = linesOf(a);
  const lb = linesOf(b);
  const offA = [0];
  for (const l of la) offA.push(offA.at(-1)! + l.length);
  const offB = [0];
  for (const l of lb) offB.push(offB.at(-1)! + l.length);
  const out: TextChange[] = [];
  const gap = (a0: number, a1: number, b0: number, b1: number) => {
    if (a0 === a1 && b0 === b1) return;
    let from = offA[a0]!;
    let to = offA[a1]!;
    let insFrom = offB[b0]!;
    let insTo = offB[b1]!;
    while (from < to && insFrom < insTo && a.charCodeAt(from) === b.charCodeAt(insFrom)) {
      from++;
      insFrom++;
    }
    while (from < to && insFrom < insTo && a.charCodeAt(to - 1) === b.charCodeAt(insTo - 1)) {
      to--;
      insTo--;
    }
    out.push({ from, to, insert: b.slice(insFrom, insTo) });
  };
  let pa = 0;
  let pb = 0;
  for (const [ia, ib] of matchedLines(la, lb)) {
    gap(pa, ia, pb, ib);
    pa = ia + 1;
    pb = ib + 1;
  }
  gap(pa, la.length, pb, lb.length);
  return out;
}
