/**
 * Tells a transcript's format from its content, never its name: users save WebVTT as
 * `.txt` and SRT as `.vtt`. WebVTT starts with the `WEBVTT` signature (after an optional
 * BOM); SRT has an index line followed by a `HH:MM:SS,mmm -->` timing line near the top;
 * anything else is plain text. `fileName` is accepted so callers can pass what they
 * have, but it is deliberately not consulted: the content decides.
 *
 * A damaged WebVTT file (`webvtt`, `WEBVTTX`, `WEBVT`, two BOMs, a form feed after the
 * word, or no header at all before `00:01.000 -->` timing lines) is still WebVTT: it is
 * read by the WebVTT parser, which reports the signature as invalid (as a browser would
 * reject it) and offers the fix, instead of the TXT importer folding its timing lines
 * into notes. Timing lines with comma milliseconds and no signature are SRT.
 */
export type TranscriptFormat = 'vtt' | 'srt' | 'txt';

const SRT_HEAD = /^\s*\d+[ \t]*\r?\n[ \t]*\d+:\d\d:\d\d,\d{1,3}[ \t]*-->/;
/** A cue timing line near the top: `[H:]MM:SS.mmm -->` (or `,mmm`, SRT's separator). */
const TIMING_LINE = /^[ \t]*(?:\d+:)?\d{1,2}:\d{1,2}([.,])\d{1,3}[ \t]*--?>/m;
/** How far into the text the timing-line and signature checks look. */
const HEAD = 4096;

export function detectFormat(text: string, _fileName?: string): TranscriptFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.startsWith('WEBVTT')) {
    const next = body.charCodeAt(6);
    if (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13) return 'vtt';
  }
  const head = body.slice(0, HEAD);
  if (looksLikeSignature(head)) return 'vtt';
  if (SRT_HEAD.test(head)) return 'srt';
  const timing = TIMING_LINE.exec(head);
  if (timing) return timing[1] === ',' ? 'srt' : 'vtt';
  return 'txt';
}

/**
 * Whether the first line is a damaged `WEBVTT` signature: the word in any case, with
 * extra BOMs or spaces before it, anything after it, or one letter wrong, missing or
 * doubled (`WEBVVT`, `WEBTT`, `WEBVTTT`).
 */
export function looksLikeSignature(head: string): boolean {
  let p = 0;
  while (p < head.length && (head.charCodeAt(p) === 0xfeff || head.charCodeAt(p) === 32 || head.charCodeAt(p) === 9)) p++;
  const word = /^[A-Za-z][A-Za-z ]{0,8}/.exec(head.slice(p, p + 12))?.[0].replace(/ /g, '').toUpperCase() ?? '';
  if (word.startsWith('WEBVTT')) return true;
  return word.length >= 5 && word.length <= 7 && editDistance(word, 'WEBVTT') <= 1;
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
