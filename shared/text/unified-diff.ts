/**
 * A unified diff (`diff -u` shape, which `patch` and `git apply` accept) of a text and
 * the changes made to it. Built from the changes themselves rather than by diffing the
 * two texts: exact, and linear in the size of the text plus what changed, even for a
 * 4,000-line episode (an LCS over lines would be quadratic in the worst case).
 */
import type { TextChange } from '../model/text-change';

export interface DiffNames {
  from: string;
  to: string;
}

const NO_NEWLINE = '\\ No newline at end of file';

/** Offsets where each line starts; a text ending in `\n` has no extra empty line. */
function lineStarts(text: string): number[] {
  const starts = text.length ? [0] : [];
  for (let i = 0; i < text.length - 1; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 0-based line holding offset `at` (the last line for the end of the text). */
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

/** A run of whole old lines [a0, a1] and what they become. */
interface Region {
  a0: number;
  a1: number;
  changes: TextChange[];
}

/** Lines of a piece of text as diff rows with `prefix`, marking a last line without `\n`. */
function rows(piece: string, prefix: string, atEnd: boolean): string[] {
  if (piece === '') return [];
  const endsWithNewline = piece.endsWith('\n');
  const lines = (endsWithNewline ? piece.slice(0, -1) : piece).split('\n').map((l) => prefix + l);
  if (atEnd && !endsWithNewline) lines.push(NO_NEWLINE);
  return lines;
}

export function unifiedDiff(before: string, changes: readonly TextChange[], names: DiffNames, context = 3): string {
  const sorted = changes.filter((c) => c.from !== c.to || c.insert !== '').sort((x, y) => x.from - y.from || x.to - y.to);
  if (!sorted.length) return '';
  const starts = lineStarts(before);
  const lineCount = starts.length;
  const lineEnd = (line: number) => (line + 1 < lineCount ? starts[line + 1]! : before.length);

  // Whole old lines each change touches; touching regions merge.
  const regions: Region[] = [];
  for (const c of sorted) {
    const a0 = lineCount ? lineOf(starts, c.from) : 0;
    // A change ending right at a line start leaves that line alone.
    const a1 = lineCount ? Math.max(a0, c.to > c.from && before.charCodeAt(c.to - 1) === 10 ? lineOf(starts, c.to - 1) : lineOf(starts, c.to)) : 0;
    const last = regions[regions.length - 1];
    if (last && a0 <= last.a1) {
      last.a1 = Math.max(last.a1, a1);
      last.changes.push(c);
    } else regions.push({ a0, a1, changes: [c] });
  }

  // A region's new text must end at a line break (or the end), else its last new line
  // runs into the next old line: "aa\n" -> "\nW" before "b\n" makes "Wb". Such a
  // region takes the next line in (and the region there, if any).
  const regionText = (region: Region) => {
    const from = lineCount ? starts[region.a0]! : 0;
    const to = lineCount ? lineEnd(region.a1) : 0;
    let replaced = '';
    let pos = from;
    for (const c of region.changes) {
      replaced += before.slice(pos, c.from) + c.insert;
      pos = c.to;
    }
    return { from, to, replaced: replaced + before.slice(pos, to) };
  };
  const closed: Region[] = [];
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r]!;
    for (;;) {
      const { to, replaced } = regionText(region);
      if (to >= before.length || replaced === '' || replaced.endsWith('\n')) break;
      region.a1++;
      const next = regions[r + 1];
      if (next && next.a0 <= region.a1) {
        region.a1 = Math.max(region.a1, next.a1);
        region.changes.push(...next.changes);
        r++;
      }
    }
    closed.push(region);
  }

  const out = [`--- ${names.from}`, `+++ ${names.to}`];
  const contextRows = (from: number, to: number) => {
    const list: string[] = [];
    for (let k = from; k < to; k++) list.push(...rows(before.slice(starts[k]!, lineEnd(k)), ' ', lineEnd(k) === before.length));
    return list;
  };
  let shift = 0; // new line number minus old line number before the current hunk
  let i = 0;
  while (i < closed.length) {
    let j = i;
    while (j + 1 < closed.length && closed[j + 1]!.a0 - closed[j]!.a1 - 1 <= 2 * context) j++;
    const first = Math.max(0, closed[i]!.a0 - context);
    const end = Math.min(lineCount, closed[j]!.a1 + 1 + context);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let k = first;
    for (let r = i; r <= j; r++) {
      const region = closed[r]!;
      const { a0, a1 } = region;
      body.push(...contextRows(k, a0));
      oldCount += a0 - k;
      newCount += a0 - k;
      const { from, to, replaced } = regionText(region);
      const removed = rows(before.slice(from, to), '-', to === before.length);
      const added = rows(replaced, '+', to === before.length);
      body.push(...removed, ...added);
      oldCount += removed.filter((l) => l !== NO_NEWLINE).length;
      newCount += added.filter((l) => l !== NO_NEWLINE).length;
      k = a1 + 1;
    }
    body.push(...contextRows(k, end));
    oldCount += Math.max(0, end - k);
    newCount += Math.max(0, end - k);
    const oldStart = oldCount ? first + 1 : first;
    const newStart = newCount ? first + 1 + shift : first + shift;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body);
    shift += newCount - oldCount;
    i = j + 1;
  }
  return `${out.join('\n')}\n`;
}
