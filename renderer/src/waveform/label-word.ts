/** Clicks on a cue label's words (the cue layer seeks to a clicked word when the cue has word times). */
/** Which whitespace-separated word of a label's text is under `x` (a Range per word: a label holds at most 80 characters), or null. */
export function wordIndexAt(label: HTMLElement, x: number): number | null {
  const text = label.firstChild;
  if (!(text instanceof Text)) return null;
  const range = document.createRange();
  let index = 0;
  for (const m of text.data.matchAll(/\S+/g)) {
    range.setStart(text, m.index);
    range.setEnd(text, m.index + m[0].length);
    const box = range.getBoundingClientRect();
    if (x >= box.left && x <= box.right) return index;
    index++;
  }
  return null;
}
