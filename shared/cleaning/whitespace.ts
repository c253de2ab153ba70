/**
 * Whitespace inside one text span: runs of spaces and tabs become one space, and spaces
 * at the ends of a line go. Line breaks are never touched (they are the file's structure:
 * cue text lines, TXT entries). A span that ends at markup (`word <i>`) is not a line's
 * end, so its last space stays.
 */
import type { CleaningChange } from './types';

const SPACE_RUN = /[ \t]+/g;

export function whitespaceChanges(text: string, from: number, to: number, edges: { start: boolean; end: boolean } = { start: true, end: true }): CleaningChange[] {
  const body = text.slice(from, to);
  const out: CleaningChange[] = [];
  SPACE_RUN.lastIndex = 0;
  for (let m = SPACE_RUN.exec(body); m; m = SPACE_RUN.exec(body)) {
    const start = m.index;
    const end = start + m[0].length;
    const atEdge = (start === 0 && edges.start) || (end === body.length && edges.end) || body[start - 1] === '\n' || body[start - 1] === '\r' || body[end] === '\n' || body[end] === '\r';
    if (atEdge) out.push({ from: from + start, to: from + end, insert: '', kind: 'whitespace' });
    else if (m[0] !== ' ') out.push({ from: from + start, to: from + end, insert: ' ', kind: 'whitespace' });
  }
  return out;
}
