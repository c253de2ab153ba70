/**
 * One replacement in a document's text, in the same shape as a CodeMirror change spec,
 * so shared/ logic (timing, cleaning, corrections) produces edits the editor applies
 * as a single transaction, and the CLI applies to a string the same way.
 */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** Applies non-overlapping changes (in any order) to a string. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let pos = 0;
  for (const c of sorted) {
    if (c.from < pos) throw new RangeError(`overlapping changes at ${c.from}`);
    out += text.slice(pos, c.from) + c.insert;
    pos = c.to;
  }
  return out + text.slice(pos);
}
