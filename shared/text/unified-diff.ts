/**
 * A unified diff (`diff -u` shape) of a text and the changes made to it. Built from the
 * changes themselves rather than by diffing the two texts: exact, and linear in the
 * size of what changed, even for a 4,000-line episode.
 */
import { applyChanges, type TextChange } from '../model/text-change';

export interface DiffNames {
  from: string;
  to: string;
}

/** Offsets of line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 0-based line index holding offset `at`. */
function lineOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function unifiedDiff(before: string, changes: readonly TextChange[], names: DiffNames, context = 3): string {
  if (!changes.length) return '';
  const after = applyChanges(before, changes);
  const a = before.split('\n');
  const b = after.split('\n');
  const aStarts = lineStarts(before);
  // Changed line ranges in old coordinates, each with the line shift it causes.
  const ranges: { a0: number; a1: number; delta: number }[] = [];
  for (const c of [...changes].sort((x, y) => x.from - y.from)) {
    const a0 = lineOf(aStarts, c.from);
    const a1 = lineOf(aStarts, c.to);
    const newLines = c.insert.split('\n').length - 1;
    const delta = newLines - (a1 - a0);
    const last = ranges[ranges.length - 1];
    if (last && a0 <= last.a1) {
      last.a1 = Math.max(last.a1, a1);
      last.delta += delta;
    } else ranges.push({ a0, a1, delta });
  }
  const out = [`--- ${names.from}`, `+++ ${names.to}`];
  let offset = 0; // lines added before the current range, old -> new
  let i = 0;
  while (i < ranges.length) {
    // Group ranges whose context overlaps into one hunk.
    let j = i;
    let groupDelta = ranges[i]!.delta;
    while (j + 1 < ranges.length && ranges[j + 1]!.a0 - ranges[j]!.a1 <= 2 * context + 1) {
      j++;
      groupDelta += ranges[j]!.delta;
    }
    const start = Math.max(0, ranges[i]!.a0 - context);
    const end = Math.min(a.length - 1, ranges[j]!.a1 + context);
    const bStart = start + offset;
    const bEnd = end + offset + groupDelta;
    const lines: string[] = [];
    let k = start;
    let bk = bStart;
    for (let r = i; r <= j; r++) {
      const { a0, a1, delta } = ranges[r]!;
      for (; k < a0; k++, bk++) lines.push(` ${a[k]}`);
      for (let x = a0; x <= a1; x++) lines.push(`-${a[x]}`);
      for (let y = bk; y <= bk + (a1 - a0) + delta; y++) lines.push(`+${b[y]}`);
      bk += a1 - a0 + 1 + delta;
      k = a1 + 1;
    }
    for (; k <= end; k++, bk++) lines.push(` ${a[k]}`);
    out.push(`@@ -${start + 1},${end - start + 1} +${bStart + 1},${bEnd - bStart + 1} @@`, ...lines);
    offset += groupDelta;
    i = j + 1;
  }
  return `${out.join('\n')}\n`;
}
