/**
 * Edit ▸ Clean and Correct: the corrections list (corrections.tsv beside the transcript,
 * or rules typed here) and cleaning options, previewed as a list of changes to accept
 * all or one by one. Applying is one CodeMirror transaction (one undo); the paired TXT
 * follows on save. The same changes can instead go only into an export, leaving the
 * document as it is.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useModal } from './use-modal';
import type { EditorView } from '@codemirror/view';
import { applyRules, findNearMisses, minimalChange, parseRules, textSpans, type NearMiss } from '../../shared/corrections';
import { cleanVtt, type CleaningKind } from '../../shared/cleaning';
import { applyChanges, type TextChange } from '../../shared/model/text-change';

interface Entry extends TextChange {
  label: string;
  /** A change that may alter the meaning ("long, long time"): offered, never pre-ticked. */
  suggested?: true;
}

export interface CleanPanelProps {
  view: EditorView;
  /** corrections.tsv found beside the document, if any. */
  corrections: { name: string; text: string } | null;
  onExport(text: string, format: 'vtt' | 'txt' | 'srt'): void;
  onClose(message?: string): void;
}

const MAX_LISTED = 1000;
/** A new list starts with every change accepted except the suggested ones. */
const suggestedIndices = (entries: readonly Entry[]): ReadonlySet<number> => new Set(entries.flatMap((e, i) => (e.suggested ? [i] : [])));

function context(text: string, e: TextChange): { before: string; old: string; after: string } {
  const lineStart = text.lastIndexOf('\n', e.from - 1) + 1;
  const lineEnd = text.indexOf('\n', e.to);
  return {
    before: text.slice(Math.max(lineStart, e.from - 40), e.from),
    old: text.slice(e.from, e.to),
    after: text.slice(e.to, Math.min(lineEnd === -1 ? text.length : lineEnd, e.to + 40)),
  };
}

export function CleanPanel({ view, corrections, onExport, onClose }: CleanPanelProps) {
  const modal = useModal();
  const [rulesText, setRulesText] = useState(corrections?.text ?? '');
  const [options, setOptions] = useState({ fillers: false, repetitions: false, case: false, whitespace: false, removeEmptyCues: false });
  /** Rejected changes, by index in the list they were chosen from (a new list: its suggested ones). */
  const [choice, setChoice] = useState<{ list: readonly unknown[]; rejected: ReadonlySet<number> }>({ list: [], rejected: new Set() });
  const text = useMemo(() => view.state.doc.toString(), [view]);
  // Text selected when the panel opened can be removed as a marked span (a sponsor read).
  const selection = useMemo(() => view.state.selection.main, [view]);
  const [removeSelection, setRemoveSelection] = useState(false);

  const parsed = useMemo(() => parseRules(rulesText), [rulesText]);
  const { entries, nearMisses, refused, overBudget } = useMemo(() => {
    const spans = textSpans(text, 'vtt');
    const applied = applyRules(text, spans, parsed.rules);
    const list: Entry[] = [];
    for (const h of applied.hits) {
      const c = minimalChange(h.from, h.found, h.replacement);
      if (c) list.push({ ...c, label: `${h.rule.find} → ${h.rule.replace}` });
    }
    const misses: NearMiss[] = findNearMisses(text, spans, parsed.rules, applied.hits);
    const cleaning = cleanVtt(text, { ...options, removeSpans: removeSelection ? [{ from: selection.from, to: selection.to }] : [] });
    const kindLabel: Record<CleaningKind, string> = { filler: 'filler', repetition: 'stutter', chrome: 'page chrome', case: 'case', whitespace: 'spaces', span: 'marked text' };
    // Corrections first; cleaning changes that overlap a correction are left out.
    for (const c of cleaning) {
      if (list.some((e) => c.from < e.to && e.from < c.to)) continue;
      list.push({ from: c.from, to: c.to, insert: c.insert, label: c.suggested ? `${kindLabel[c.kind]} (check: may be meant)` : kindLabel[c.kind], ...(c.suggested ? { suggested: true as const } : {}) });
    }
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    return { entries: list, nearMisses: misses, refused: applied.refused, overBudget: applied.overBudget };
  }, [text, parsed, options, removeSelection, selection]);

  const defaultRejected = useMemo(() => suggestedIndices(entries), [entries]);
  const rejected: ReadonlySet<number> = choice.list === entries ? choice.rejected : defaultRejected;
  const setRejected = (next: ReadonlySet<number>) => setChoice({ list: entries, rejected: next });
  const accepted = entries.filter((_, i) => !rejected.has(i));
  const lineOf = (at: number) => view.state.doc.lineAt(at).number;

  const apply = () => {
    if (accepted.length) view.dispatch({ changes: accepted.map(({ from, to, insert }) => ({ from, to, insert })), userEvent: 'input.clean' });
    modal.close();
    onClose(accepted.length ? `Applied ${accepted.length} change${accepted.length === 1 ? '' : 's'} (one undo step).` : undefined);
  };
  const exportCleaned = (format: 'vtt' | 'txt' | 'srt') => {
    // The editor's own line separator, as a save would write it.
    const cleaned = applyChanges(text, accepted).split('\n').join(view.state.lineBreak);
    onExport(cleaned, format);
  };
  /** The rules are tab-separated: Tab types one (Shift+Tab still moves the focus). */
  const typeTab = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    // insertText keeps the box's own undo; it fires `input`, so onChange sees the tab.
    if (document.execCommand('insertText', false, '\t')) return;
    const box = e.currentTarget;
    box.setRangeText('\t', box.selectionStart, box.selectionEnd, 'end');
    setRulesText(box.value);
  };
  const toggle = (i: number) => { const next = new Set(rejected); if (next.has(i)) next.delete(i); else next.add(i); setRejected(next); };

  return (
    <dialog {...modal.props} className="clean-panel" data-testid="clean-panel" onClose={() => onClose()}>
      <header className="shortcuts-head">
        <h2 id={modal.titleId}>Clean and correct</h2>
        <button onClick={modal.close}>Cancel</button>
      </header>
      <div className="clean-body">
        <section>
          <h3>Corrections {corrections ? `(${corrections.name})` : '(no corrections.tsv beside this file: type rules here)'}</h3>
          <textarea
            aria-label="Correction rules"
            value={rulesText}
            onChange={(e) => setRulesText(e.target.value)}
            onKeyDown={typeTab}
            aria-describedby="rules-tab-hint"
            placeholder={'FIND<Tab>REPLACE<Tab>OPTIONS   e.g.\nrough\truff\tbefore=install|run|uvx'}
            spellCheck={false}
            rows={5}
          />
          <p id="rules-tab-hint" className="clean-note">Tab types a tab here (between FIND and REPLACE); Shift+Tab leaves the box.</p>
          {parsed.diagnostics.map((d) => <p key={d.line} className="message-error">Rule line {d.line}:{d.column}: {d.message}</p>)}
          {refused.length > 0 && <p className="message-error" data-testid="clean-refused">{refused.length} match{refused.length === 1 ? '' : 'es'} not changed: the replacement would write markup.</p>}
          {overBudget.map((r) => <p key={`budget-${r.line}`} className="message-error">Rule line {r.line} (“{r.find}”) took too long on this text and was not applied: simplify its pattern.</p>)}
        </section>
        <section className="clean-options">
          <h3>Cleaning</h3>
          {([['fillers', 'Remove fillers (um, uh…)'], ['repetitions', 'Collapse stutters (the, the)'], ['case', 'Sentence case and I'], ['whitespace', 'Normalise spaces'], ['removeEmptyCues', 'Remove cues left empty']] as const).map(([key, label]) => (
            <label key={key}>
              <input type="checkbox" checked={options[key]} onChange={(e) => setOptions({ ...options, [key]: e.target.checked })} /> {label}
            </label>
          ))}
          {!selection.empty && (
            <label>
              <input type="checkbox" checked={removeSelection} onChange={(e) => setRemoveSelection(e.target.checked)} /> Remove the selected text ({selection.to - selection.from} characters, e.g. a sponsor read)
            </label>
          )}
          <p className="clean-note">Timings never change.</p>
        </section>
      </div>
      <p className="clean-summary" data-testid="clean-summary">
        {entries.length} change{entries.length === 1 ? '' : 's'}, {accepted.length} accepted
        {nearMisses.length ? ` · ${nearMisses.length} near-miss${nearMisses.length === 1 ? '' : 'es'} not changed` : ''}
      </p>
      <ol className="clean-list" data-testid="clean-list">
        {entries.slice(0, MAX_LISTED).map((e, i) => {
          const c = context(text, e);
          return (
            <li key={`${e.from}-${e.to}`} className={rejected.has(i) ? 'clean-rejected' : undefined}>
              <label>
                <input type="checkbox" checked={!rejected.has(i)} onChange={() => toggle(i)} aria-label={`Accept change ${i + 1}`} />
                <span className="clean-line">L{lineOf(e.from)}</span>
                <span className="clean-kind">{e.label}</span>
                <span className="clean-context">…{c.before}<del>{c.old}</del><ins>{e.insert}</ins>{c.after}…</span>
              </label>
            </li>
          );
        })}
        {nearMisses.slice(0, 200).map((m) => (
          <li key={`miss-${m.from}`} className="clean-miss">
            <span className="clean-line">L{lineOf(m.from)}</span> near-miss “{m.found}” ({m.why}) for rule “{m.rule.find}”: not changed
          </li>
        ))}
      </ol>
      <footer className="clean-actions">
        <button onClick={() => setRejected(new Set())}>Accept all</button>
        <button onClick={() => setRejected(new Set(entries.map((_, i) => i)))}>Reject all</button>
        <span className="clean-spacer" />
        <button onClick={() => exportCleaned('vtt')} disabled={!accepted.length}>Export cleaned VTT…</button>
        <button onClick={() => exportCleaned('txt')} disabled={!accepted.length}>Export cleaned TXT…</button>
        <button className="primary" onClick={apply} disabled={!accepted.length}>Apply {accepted.length}</button>
      </footer>
    </dialog>
  );
}
