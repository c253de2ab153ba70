/**
 * The spec's signature check: after one BOM, exactly `WEBVTT`, then the end of the file,
 * a space, a tab or a line break. Anything else makes browsers reject the whole file
 * (no cues at all), so it is an error, named as precisely as we can: the quick fixes
 * (quick-fixes.ts) rewrite the line from the same findings.
 */
import { looksLikeSignature } from '../detect';
import type { DiagnosticSink } from './diagnostics';

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
