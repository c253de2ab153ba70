/**
 * Markup a change to the words could bring into being with its neighbours: a timing
 * arrow (`--` typed before a `>`), a tag, an ASS override, a character reference
 * (`&amp` before a `;`). Corrections refuse such a match; cleaning drops such a change.
 */
const MARKUP = /-->|<[/A-Za-z0-9.]|\{\\|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z0-9]+);/g;
const countMarkup = (s: string) => s.match(MARKUP)?.length ?? 0;

/** Whether replacing text[from, to) with `insert` creates markup that was not there. */
export function createsMarkup(text: string, from: number, to: number, insert: string): boolean {
  const before = text.slice(Math.max(0, from - 8), from);
  const after = text.slice(to, to + 8);
  return countMarkup(before + insert + after) > countMarkup(before + text.slice(from, to) + after);
}
