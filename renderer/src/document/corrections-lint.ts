/**
 * A corrections list open in the editor: its syntax errors as lint diagnostics, from the
 * engine's own parser (shared/corrections parseRules, what `cli fix` and the folder
 * preview run), each named `corrections.tsv:LINE:COL` as the CLI prints it.
 */
import { linter, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { parseRules } from '../../../shared/corrections';
import { formatDiagnostic } from '../../../shared/model/diagnostic';

/** The list's problems at their place in the editor (CodeMirror counts a CRLF as one character, so by line and column). */
export function correctionsDiagnostics(state: EditorState, name: string): LintDiagnostic[] {
  return parseRules(state.sliceDoc()).diagnostics.map((d) => {
    const line = state.doc.line(Math.min(d.line, state.doc.lines));
    const from = Math.min(line.from + d.column - 1, line.to);
    // A point at the line's end marks the character before it, so the mark can be seen.
    const to = from < line.to ? from + 1 : from;
    return { from: to === from && from > line.from ? from - 1 : from, to, severity: 'error', message: formatDiagnostic(name, d), source: name };
  });
}

export function correctionsLint(name: string) {
  return linter((view) => correctionsDiagnostics(view.state, name), { delay: 250 });
}
