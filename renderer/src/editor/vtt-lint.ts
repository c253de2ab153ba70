/**
 * Live diagnostics: the spec parser's problems (from the cue field, so nothing parses
 * twice) and the timing QA rules, as lint warnings; F8 / Shift+F8 jump between them.
 */
import { linter, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { checkCue } from '../../../shared/timing/qa';
import { vttField } from './cue-field';
import { qaRules } from './qa-rules';

export function vttDiagnostics(state: EditorState): LintDiagnostic[] {
  const doc = state.field(vttField);
  const max = state.doc.length;
  const out: LintDiagnostic[] = doc.diagnostics.map((d) => ({
    from: Math.min(d.offset, max),
    to: Math.min(d.offset + d.length, max),
    severity: d.severity,
    message: `${d.line}:${d.column}: ${d.message}`,
    source: 'WebVTT',
  }));
  const rules = state.facet(qaRules);
  const cues = doc.cues;
  for (let i = 0; i < cues.length; i++) {
    for (const p of checkCue(cues[i]!, cues[i + 1], rules)) {
      out.push({ from: p.from, to: p.to, severity: 'warning', message: p.message, source: 'Timing QA' });
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

export const vttLint = linter((view) => vttDiagnostics(view.state), {
  delay: 300,
  needsRefresh: (u) => u.startState.facet(qaRules) !== u.state.facet(qaRules),
});
