/**
 * A cleaned line must not become an empty line: in WebVTT an empty line ends the cue (the
 * lines after it become a dropped block), in SRT it ends the subtitle. So where the
 * changes on a line would leave it empty ("uh" alone on the first line of a cue), they
 * are replaced by one change that removes the line together with a line break, and
 * the cue keeps its other lines. A line that is its container's only line (a one-line
 * cue) may become empty: the cue then has no text, which is valid, and "Remove cues
 * left empty" can take it.
 */
import type { TextRange } from '../formats/vtt/types';
import type { CleaningChange } from './types';

/** Kinds that act within one line; chrome and marked spans remove whole lines or runs by design. */
const LINE_KINDS = new Set(['filler', 'repetition', 'case', 'whitespace']);

function lineAround(text: string, at: number, container: TextRange): TextRange {
  let from = at;
  while (from > container.from && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  let to = at;
  while (to < container.to && text[to] !== '\n' && text[to] !== '\r') to++;
  return { from, to };
}

function breakAfter(text: string, at: number): number {
  return text[at] === '\r' && text[at + 1] === '\n' ? 2 : text[at] === '\r' || text[at] === '\n' ? 1 : 0;
}

function breakBefore(text: string, at: number): number {
  return text[at - 1] === '\n' && text[at - 2] === '\r' ? 2 : text[at - 1] === '\n' || text[at - 1] === '\r' ? 1 : 0;
}

/** `changes` sorted and non-overlapping; `containers` sorted (cue texts, or the whole text). */
export function keepLines(text: string, changes: readonly CleaningChange[], containers: readonly TextRange[]): CleaningChange[] {
  const out: CleaningChange[] = [];
  let c = 0;
  let i = 0;
  while (i < changes.length) {
    const first = changes[i]!;
    while (c < containers.length && containers[c]!.to < first.from) c++;
    const container = containers[c];
    if (!container || first.from < container.from || !LINE_KINDS.has(first.kind)) { out.push(first); i++; continue; }
    const line = lineAround(text, first.from, container);
    let j = i;
    let rest = '';
    let pos = line.from;
    while (j < changes.length && changes[j]!.from >= line.from && changes[j]!.to <= line.to && LINE_KINDS.has(changes[j]!.kind)) {
      rest += text.slice(pos, changes[j]!.from) + changes[j]!.insert;
      pos = changes[j]!.to;
      j++;
    }
    if (j === i) { out.push(first); i++; continue; }
    rest += text.slice(pos, line.to);
    const onLine = changes.slice(i, j);
    i = j;
    const only = line.from === container.from && line.to === container.to;
    if (rest !== '' || only) { out.push(...onLine); continue; }
    const suggested = onLine.some((x) => x.suggested);
    const removal: CleaningChange = line.to < container.to
      ? { from: line.from, to: line.to + breakAfter(text, line.to), insert: '', kind: first.kind }
      : { from: line.from - breakBefore(text, line.from), to: line.to, insert: '', kind: first.kind };
    if (suggested) removal.suggested = true;
    // Every line of the cue emptied: the line before already took the break this one would.
    const last = out[out.length - 1];
    if (last && last.to > removal.from) removal.from = last.to;
    out.push(removal);
  }
  return out;
}
