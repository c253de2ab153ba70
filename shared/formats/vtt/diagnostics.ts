import { LineIndex, type Diagnostic, type Severity } from '../../model/diagnostic';

/** Most problems reported per document: binary junk must not yield millions of lines. */
export const MAX_DIAGNOSTICS = 1000;

/**
 * Collects diagnostics for one text. The line index is built on the first problem only,
 * so a clean file pays nothing for it.
 */
export class DiagnosticSink {
  private index: LineIndex | null = null;
  private full = false;

  constructor(
    private readonly text: string,
    readonly out: Diagnostic[] = [],
    private readonly limit = MAX_DIAGNOSTICS,
  ) {}

  add(offset: number, length: number, severity: Severity, message: string): void {
    if (this.full) return;
    this.index ??= new LineIndex(this.text);
    if (this.out.length >= this.limit) {
      this.full = true;
      this.out.push(this.index.diagnostic(offset, 0, 'info', `more than ${this.limit} problems; the rest are not reported`));
      return;
    }
    this.out.push(this.index.diagnostic(offset, length, severity, message));
  }

  get hasErrors(): boolean {
    return this.out.some((d) => d.severity === 'error');
  }
}
