/** A problem found in user input. Parsers report these instead of throwing. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** 1-based line of the problem's start. */
  line: number;
  /** 1-based column (in UTF-16 code units, as editors count) of the problem's start. */
  column: number;
  /** 0-based offset into the decoded text; lets the editor underline the span. */
  offset: number;
  /** Length of the offending span in the decoded text (0 when it is a point). */
  length: number;
  severity: Severity;
  message: string;
}

/** Formats a diagnostic the way compilers do, so editors and CI can jump to it. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** Maps offsets to 1-based line/column; built once per text, O(log n) per lookup. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  diagnostic(offset: number, length: number, severity: Severity, message: string): Diagnostic {
    return { ...this.position(offset), offset, length, severity, message };
  }
}
