/**
 * Myers' O((N+M)·D) diff over word arrays. Paired transcripts differ by a handful of
 * words per entry (or cue), so D is tiny and the diff is linear in practice; `maxEdits`
 * bounds the work when two texts turn out unrelated.
 */
export interface WordEdit {
  /** Replaced range in `a`, `[aFrom, aTo)`. */
  aFrom: number;
  aTo: number;
  /** Replacement range in `b`, `[bFrom, bTo)`. */
  bFrom: number;
  bTo: number;
}

/** Whitespace-separated words of `text` with their offsets. */
export interface Words {
  words: string[];
  starts: number[];
  ends: number[];
}

export function splitWords(text: string): Words {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    words.push(text.slice(s, i));
    starts.push(s);
    ends.push(i);
  }
  return { words, starts, ends };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}

/**
 * The edits turning `a` into `b` (ascending, non-adjacent), or null when more than
 * `maxEdits` word insertions/deletions would be needed.
 */
export function diffWords(a: readonly string[], b: readonly string[], maxEdits = 200): WordEdit[] | null {
  return diffBy(a.length, b.length, (i, j) => a[i] === b[j], maxEdits);
}

/** Generic form: `equal(i, j)` compares item i of the first sequence with item j of the second. */
export function diffBy(aLength: number, bLength: number, equal: (i: number, j: number) => boolean, maxEdits: number): WordEdit[] | null {
  // Trim the common head and tail first: the usual case (one changed word) ends here.
  let head = 0;
  while (head < aLength && head < bLength && equal(head, head)) head++;
  let tail = 0;
  while (tail < aLength - head && tail < bLength - head && equal(aLength - 1 - tail, bLength - 1 - tail)) tail++;
  const N = aLength - head - tail;
  const M = bLength - head - tail;
  if (N === 0 && M === 0) return [];
  if (N === 0 || M === 0) return [{ aFrom: head, aTo: head + N, bFrom: head, bTo: head + M }];
  const max = Math.min(N + M, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < N && y < M && equal(head + x, head + y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= N && y >= M) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the saved frontiers, collecting single-word steps.
  const steps: { x: number; y: number; del: boolean }[] = [];
  let x = N;
  let y = M;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) steps.push({ x: prevX, y: prevY, del: false });
    else steps.push({ x: prevX, y: prevY, del: true });
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  const edits: WordEdit[] = [];
  for (const s of steps) {
    const aFrom = head + s.x;
    const bFrom = head + s.y;
    const last = edits[edits.length - 1];
    const aTo = s.del ? aFrom + 1 : aFrom;
    const bTo = s.del ? bFrom : bFrom + 1;
    if (last && last.aTo === aFrom && last.bTo === bFrom) {
      last.aTo = aTo;
      last.bTo = bTo;
    } else edits.push({ aFrom, aTo, bFrom, bTo });
  }
  return edits;
}

/** Number of words inserted or deleted by `edits`. */
export function editSize(edits: readonly WordEdit[]): number {
  let n = 0;
  for (const e of edits) n += e.aTo - e.aFrom + (e.bTo - e.bFrom);
  return n;
}
