/**
 * Reading WebVTT text line by line without copying it: the line reader the parser
 * walks runs with, and the small text tests the spec's steps use (a line starting with
 * a word, only whitespace after an offset, lines joined as the spec's buffer holds them).
 */
import { isAsciiWhitespace } from './settings';

export const LF = 10;
export const CR = 13;

/**
 * Line reader over `text`: finds line ends with indexOf when the text has no CR (the
 * common case, and much faster than a char loop), and tracks the next `-->` with a
 * monotonic cursor so each line's check is O(1) amortised.
 */
export class Lines {
  private arrowAt = -2;
  private nulAt = -2;
  readonly hasCR: boolean;

  /** `wholeText` false: skip the whole-text CR check (a one-block reparse must not scan the document). */
  constructor(readonly text: string, wholeText = true) {
    this.hasCR = wholeText ? text.indexOf('\r') !== -1 : true;
  }

  /** End of the line content starting at `p` (before its terminator), capped at `limit`. */
  end(p: number, limit: number): number {
    const text = this.text;
    if (!this.hasCR) {
      const nl = text.indexOf('\n', p);
      return nl === -1 || nl > limit ? limit : nl;
    }
    for (let i = p; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) return i;
    }
    return limit;
  }

  /** Start of the line after the one ending at `le` (past its terminator). */
  next(le: number): number {
    const c = this.text.charCodeAt(le);
    if (c === CR) return this.text.charCodeAt(le + 1) === LF ? le + 2 : le + 1;
    return c === LF ? le + 1 : le;
  }

  /** Whether `text[ls, le)` contains `-->`. Calls must come with non-decreasing `ls`. */
  hasArrow(ls: number, le: number): boolean {
    if (this.arrowAt !== -1 && this.arrowAt < ls) this.arrowAt = this.text.indexOf('-->', ls);
    return this.arrowAt !== -1 && this.arrowAt + 3 <= le;
  }

  /** First NUL in `text[from, to)`, or -1. Calls must come with non-decreasing `from`. */
  nul(from: number, to: number): number {
    if (this.nulAt !== -1 && this.nulAt < from) this.nulAt = this.text.indexOf('\0', from);
    return this.nulAt !== -1 && this.nulAt < to ? this.nulAt : -1;
  }
}

/** The spec's preprocessing replaces U+0000 by U+FFFD; the source text itself is kept. */
export function withoutNul(s: string, hasNul: boolean): string {
  return hasNul ? s.replace(/\0/g, '\ufffd') : s;
}

export function startsWithWord(text: string, ls: number, le: number, word: string): boolean {
  if (!text.startsWith(word, ls)) return false;
  const after = ls + word.length;
  return after === le || text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9;
}

export function onlyWhitespaceAfter(text: string, from: number, le: number): boolean {
  for (let i = from; i < le; i++) if (!isAsciiWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/** Lines joined with LF, as the spec's buffer holds them (CRLF/CR files included). */
export function joinedLines(text: string, from: number, to: number, multiline: boolean): string {
  const raw = text.slice(from, to);
  return multiline && raw.indexOf('\r') !== -1 ? raw.replace(/\r\n?/g, '\n') : raw;
}
