/**
 * The line separator an editor should use for a text so that it gives the text back
 * byte for byte. CodeMirror, by default, splits on \r\n, \r and \n and joins with \n,
 * which would silently turn a CRLF file into LF; with an explicit separator it splits
 * only on that one and keeps any other break characters as text.
 */
export type LineSeparator = '\n' | '\r\n' | '\r';

export function lineSeparatorOf(text: string): LineSeparator {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  if (lf < 0) return '\r';
  if (cr < lf) return cr + 1 === lf ? '\r\n' : '\r';
  return '\n';
}
