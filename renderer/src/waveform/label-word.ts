/**
 * The words of a cue's waveform label: what it shows and which word is under a point.
 * A label shows the cue's words (shared/align/word-tags: tags removed, references
 * decoded, the same words the word times count) from the start, and, when they do not
 * all fit in its 80 characters, its last words pinned to its right edge, over the start:
 * the words a speaker turn most often gets wrong are the first and the last, and both
 * stay in reach of a click or a drag however narrow the region.
 */
import { cueWords } from '../../../shared/align/word-tags';

/** Characters a label holds from the start of the text, and at most in its tail. */
const HEAD_CHARS = 80;
const TAIL_CHARS = 32;

export interface LabelWords {
  /** Every word of the cue, in order. */
  words: readonly string[];
  /** The start of the text, at most HEAD_CHARS characters (its words are words[0..]). */
  head: string;
  /** The last words (words[tailFrom..]), or none when the head shows every word. */
  tail: string;
  tailFrom: number;
}

export function labelWords(raw: string): LabelWords {
  const words = cueWords(raw).map((w) => w.text);
  const all = words.join(' ');
  if (all.length <= HEAD_CHARS) return { words, head: all, tail: '', tailFrom: words.length };
  const head = all.slice(0, HEAD_CHARS);
  // Words starting in the head: the tail never repeats them.
  let shown = 0;
  for (let at = 0; shown < words.length && at < head.length; shown++) at += words[shown]!.length + 1;
  // At least the last word, then as many before it as TAIL_CHARS holds.
  let tailFrom = words.length;
  let chars = 0;
  while (tailFrom > shown) {
    const next = words[tailFrom - 1]!.length + 1;
    if (tailFrom < words.length && chars + next > TAIL_CHARS) break;
    chars += next;
    tailFrom--;
  }
  return { words, head, tail: words.slice(tailFrom).join(' '), tailFrom };
}

/** Writes `raw`'s words into `label` (its first child stays the head's text node). */
export function fillLabel(label: HTMLElement, raw: string): void {
  const { head, tail, tailFrom } = labelWords(raw);
  // textContent: cue text is never HTML.
  label.textContent = head;
  if (!tail) return;
  const pinned = document.createElement('span');
  pinned.dataset.wordsFrom = String(tailFrom);
  Object.assign(pinned.style, {
    position: 'absolute', top: '0', right: '0', maxWidth: '50%', height: '100%', overflow: 'hidden', display: 'flex', justifyContent: 'flex-end',
    padding: '0 3px 0 4px', background: 'var(--panel, #fff)', borderLeft: '1px dotted currentColor', boxSizing: 'border-box', pointerEvents: 'none',
  });
  // Overflowing a flex-end box, the text is cut at its start: the last words stay in view.
  pinned.append(document.createTextNode(`… ${tail}`));
  label.append(pinned);
}

interface Box {
  left: number;
  right: number;
}

/** Each word's index and its box as shown (cut to what its container shows), head then tail. */
function shownWords(label: HTMLElement): { index: number; box: Box }[] {
  const out: { index: number; box: Box }[] = [];
  const head = label.firstChild;
  const pinned = label.querySelector<HTMLElement>('[data-words-from]');
  const labelBox = label.getBoundingClientRect();
  const tailBox = pinned?.getBoundingClientRect();
  const range = document.createRange();
  const collect = (text: Node | null | undefined, first: number, visible: Box) => {
    if (!(text instanceof Text)) return;
    let index = first;
    for (const m of text.data.matchAll(/\S+/g)) {
      if (m[0] === '…' && text !== head) continue;
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m[0].length);
      const r = range.getBoundingClientRect();
      const box = { left: Math.max(r.left, visible.left), right: Math.min(r.right, visible.right) };
      if (box.right > box.left) out.push({ index, box });
      index++;
    }
  };
  collect(head, 0, { left: labelBox.left, right: tailBox ? tailBox.left : labelBox.right });
  if (pinned && tailBox) collect(pinned.firstChild, Number(pinned.dataset.wordsFrom), { left: Math.max(tailBox.left, labelBox.left), right: labelBox.right });
  return out;
}

/** Which word of the cue (0-based, as word times count them) is shown under `x`, or null. */
export function wordIndexAt(label: HTMLElement, x: number): number | null {
  return shownWords(label).find((w) => x >= w.box.left && x <= w.box.right)?.index ?? null;
}

/** The span (client x) the label shows words `from..to-1` over, or null when none of them shows. */
export function wordsBox(label: HTMLElement, from: number, to: number): Box | null {
  let out: Box | null = null;
  for (const { index, box } of shownWords(label)) {
    if (index < from || index >= to) continue;
    out = out ? { left: Math.min(out.left, box.left), right: Math.max(out.right, box.right) } : box;
  }
  return out;
}
