/**
 * Low-confidence aligned cues as lint warnings, so F8 walks them. The mark lives with the
 * cue's word times (word-times.ts): it goes when the user retimes the cue or changes its
 * words, and comes back with undo.
 */
import { linter, type Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import type { ViewUpdate } from '@codemirror/view';
import { wordTimesField } from '../editor/word-times';

export function alignmentDiagnostics(state: EditorState): Diagnostic[] {
  const entries = state.field(wordTimesField, false) ?? [];
  const out: Diagnostic[] = [];
  for (const e of entries) {
    if (!e.lowConfidence) continue;
    const pct = e.confidence === undefined ? '' : ` (${Math.round(e.confidence * 100)} %)`;
    out.push({
      from: e.textFrom,
      to: Math.max(e.textFrom, e.textTo),
      severity: 'warning',
      source: 'Alignment',
      message: `aligned with low confidence${pct}: the words may not be in the audio here; check the times against the waveform`,
    });
  }
  return out;
}

/** Re-lint when word times change (an Apply, an undo), not only on document changes. */
export function alignmentLintNeedsRefresh(update: ViewUpdate): boolean {
  return update.startState.field(wordTimesField, false) !== update.state.field(wordTimesField, false);
}

/** A ready linter for these warnings (CodeMirror merges several linters' diagnostics). */
export const alignmentLint = linter((view) => alignmentDiagnostics(view.state), { delay: 300, needsRefresh: alignmentLintNeedsRefresh });
