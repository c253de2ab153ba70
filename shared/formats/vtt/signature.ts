/**
 * The spec's signature check: after one BOM, exactly `WEBVTT`, then the end of the file,
 * a space, a tab or a line break. Anything else makes browsers reject the whole file
 * (no cues at all), so it is an error, named as precisely as we can: the quick fixes
 * (quick-fixes.ts) rewrite the line from the same findings.
 */
import type { TextChange } from '../../model/text-change';
import { looksLikeSignature } from '../detect';
import { DiagnosticSink } from './diagnostics';
import type { TextRange } from './types';

export interface SignatureCheck {
  valid: boolean;
  /** Whether the first line is (a damaged) signature, so it and its header lines are not body. */
  hasHeader: boolean;
}

/** `s`: offset after the BOM, if any; `sigEnd`: end of the first line. */
export function checkSignature(text: string, s: number, sigEnd: number, sink: DiagnosticSink): SignatureCheck {
  const n = text.length;
  const after = text.charCodeAt(s + 6);
  const valid = text.startsWith('WEBVTT', s) && (s + 6 === n || after === 32 || after === 9 || after === 10 || after === 13);
  if (valid) return { valid, hasHeader: true };
  if (s >= n) {
    sink.add(s, 0, 'error', "empty file: a WebVTT file starts with 'WEBVTT'");
    return { valid, hasHeader: false };
  }
  const line = text.slice(s, Math.min(sigEnd, s + 40));
  const hasHeader = looksLikeSignature(line);
  const reject = 'browsers reject the whole file';
  if (text.charCodeAt(s) === 0xfeff) {
    sink.add(s, 1, 'error', `a second byte-order mark (U+FEFF) comes before WEBVTT; ${reject}`);
  } else if (text.startsWith('WEBVTT', s)) {
    const code = after.toString(16).toUpperCase().padStart(4, '0');
    const what = after === 0 ? 'a NUL character (read as U+FFFD)' : after === 0xa0 ? 'a no-break space (U+00A0)' : after === 12 ? 'a form feed (U+000C)' : `'${text[s + 6]}' (U+${code})`;
    sink.add(s + 6, 1, 'error', `'WEBVTT' must be followed by a space, tab or line end, not ${what}; ${reject}`);
  } else if (hasHeader) {
    sink.add(s, sigEnd - s, 'error', `the signature must be exactly 'WEBVTT' (upper case), found ${JSON.stringify(line)}; ${reject}`);
  } else {
    sink.add(s, 0, 'error', `missing 'WEBVTT' signature on the first line; ${reject}`);
  }
  return { valid, hasHeader };
}

export interface SignatureRepair {
  title: string;
  changes: TextChange[];
  /** The first line's span: the signature diagnostic lies in it. */
  from: number;
  to: number;
}

/** Whitespace-like characters that were meant as the space after WEBVTT. */
const SPACE_LIKE = /[\u0000-\u0020\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]/;

/** How to repair an invalid signature (null when it is valid). `eol`: the file's line ending. */
export function repairSignature(text: string, eol: string): SignatureRepair | null {
  const s = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let sigEnd = s;
  while (sigEnd < text.length && text[sigEnd] !== '\n' && text[sigEnd] !== '\r') sigEnd++;
  const sink = new DiagnosticSink(text);
  if (checkSignature(text, s, sigEnd, sink).valid) return null;
  const at = (title: string, changes: TextChange[]) => ({ title, changes, from: s, to: sigEnd });
  if (s >= text.length) return at("Insert the 'WEBVTT' header", [{ from: s, to: s, insert: `WEBVTT${eol}` }]);
  let p = s;
  while (text.charCodeAt(p) === 0xfeff) p++;
  if (p > s) return at('Remove the extra byte-order mark', [{ from: s, to: p, insert: '' }]);
  if (text.startsWith('WEBVTT', s)) {
    const c = text[s + 6]!;
    return SPACE_LIKE.test(c)
      ? at("Put a plain space after 'WEBVTT'", [{ from: s + 6, to: s + 7, insert: ' ' }])
      : at("Put a space between 'WEBVTT' and the text after it", [{ from: s + 6, to: s + 6, insert: ' ' }]);
  }
  const word = damagedWord(text, s, sigEnd);
  if (word) return at(`Replace '${text.slice(word.from, word.to)}' with 'WEBVTT'`, [{ from: s, to: word.to, insert: 'WEBVTT' }]);
  return at("Insert the 'WEBVTT' header", [{ from: s, to: s, insert: `WEBVTT${eol}${eol}` }]);
}

/** The span of a damaged signature word (`webvtt`, `WEBVVT`, `WEB VTT`) on the first line. */
function damagedWord(text: string, s: number, sigEnd: number): TextRange | null {
  const line = text.slice(s, sigEnd);
  const lead = /^[ \t]*/.exec(line)![0].length;
  const m = /^([A-Za-z]+)(?: ([A-Za-z]+))?/.exec(line.slice(lead));
  if (!m) return null;
  const from = s + lead;
  const one = m[1]!;
  if (one.toUpperCase().startsWith('WEBVTT')) return { from, to: from + 6 };
  if (looksLikeSignature(one)) return { from, to: from + one.length };
  if (m[2] !== undefined && looksLikeSignature(`${one}${m[2]}`)) return { from, to: from + m[0].length };
  return null;
}
