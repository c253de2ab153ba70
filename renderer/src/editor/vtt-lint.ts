/**
 * Live diagnostics: the spec parser's problems (from the cue field, so nothing parses
 * twice) and the timing QA rules, as lint warnings; F8 / Shift+F8 jump between them.
 * Problems with a quick fix (shared/formats/vtt/quick-fixes.ts: signature, dropped
 * timing lines, end before start, overlaps, missing blank lines) carry it as lint
 * actions; each applies as one transaction, so one undo takes it back.
 */
import { linter, type Action, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { quickFixes, type QuickFix } from '../../../shared/formats/vtt/quick-fixes';
import { checkCue } from '../../../shared/timing/qa';
import { vttField } from './cue-field';
import { qaRules } from './qa-rules';

/**
 * Fixes by where their problem starts; the signature and timing-line fixes cover a span
 * (a problem anywhere in the line or block), the others start exactly at theirs. A map
 * keeps a 4,000-cue file with thousands of overlaps from costing diagnostics × fixes.
 */
class FixIndex {
  private readonly at = new Map<number, QuickFix[]>();
  private readonly spans: QuickFix[] = [];

  constructor(fixes: readonly QuickFix[]) {
    for (const f of fixes) {
      if (f.kind === 'signature' || f.kind === 'timing-line') this.spans.push(f);
      else {
        const list = this.at.get(f.from);
        if (list) list.push(f);
        else this.at.set(f.from, [f]);
      }
    }
  }

  /** The fixes answering a problem at `at` (overlap fixes belong to the QA gap rule only). */
  find(at: number, overlap: boolean): QuickFix[] {
    const found = (this.at.get(at) ?? []).concat(this.spans.filter((f) => f.from <= at && at <= f.to));
    return found.filter((f) => (f.kind === 'overlap') === overlap);
  }
}

function fixesAt(fixes: readonly QuickFix[], at: number, overlap: boolean): QuickFix[] {
  return new FixIndex(fixes).find(at, overlap);
}

/**
 * A lint action for `fix`. The fix is looked up again when it is applied: the document
 * may have changed since the lint ran, and the diagnostic's current position finds it.
 */
function action(fix: QuickFix, rank: number, overlap: boolean): Action {
  return {
    name: fix.title,
    apply(view: EditorView, from: number) {
      const now = fixesAt(quickFixes(view.state.field(vttField)), from, overlap).filter((f) => f.kind === fix.kind);
      const chosen = now.find((f) => f.title === fix.title) ?? now[rank];
      if (chosen && chosen.changes.length) view.dispatch({ changes: chosen.changes });
    },
  };
}

function actionsFor(fixes: FixIndex, at: number, overlap: boolean): Action[] | undefined {
  const found = fixes.find(at, overlap);
  return found.length ? found.map((f, i) => action(f, i, overlap)) : undefined;
}

/**
 * The last result per parsed document and rules. A relint without a change (a refresh
 * of the lint state) then gives the same diagnostic objects, which CodeMirror needs
 * to find the diagnostic an action button belongs to.
 */
const memo = new WeakMap<object, { rules: object; result: LintDiagnostic[] }>();

export function vttDiagnostics(state: EditorState): LintDiagnostic[] {
  const doc = state.field(vttField);
  const rules = state.facet(qaRules);
  const last = memo.get(doc);
  if (last && last.rules === rules) return last.result;
  const result = computeDiagnostics(state);
  memo.set(doc, { rules, result });
  return result;
}

function computeDiagnostics(state: EditorState): LintDiagnostic[] {
  const doc = state.field(vttField);
  const max = state.doc.length;
  const fixes = new FixIndex(quickFixes(doc));
  const out: LintDiagnostic[] = doc.diagnostics.map((d) => {
    const lint: LintDiagnostic = {
      from: Math.min(d.offset, max),
      to: Math.min(d.offset + d.length, max),
      severity: d.severity,
      message: `${d.line}:${d.column}: ${d.message}`,
      source: 'WebVTT',
    };
    const actions = actionsFor(fixes, d.offset, false);
    return actions ? { ...lint, actions } : lint;
  });
  const rules = state.facet(qaRules);
  const cues = doc.cues;
  for (let i = 0; i < cues.length; i++) {
    for (const p of checkCue(cues[i]!, cues[i + 1], rules)) {
      const lint: LintDiagnostic = { from: p.from, to: p.to, severity: 'warning', message: p.message, source: 'Timing QA' };
      const actions = p.rule === 'minGap' ? actionsFor(fixes, p.from, true) : undefined;
      out.push(actions ? { ...lint, actions } : lint);
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

export const vttLint = linter((view) => vttDiagnostics(view.state), {
  delay: 300,
  needsRefresh: (u) => u.startState.facet(qaRules) !== u.state.facet(qaRules),
});
