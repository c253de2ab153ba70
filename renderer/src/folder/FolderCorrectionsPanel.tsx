/**
 * The folder's corrections.tsv as a document: edited here with its syntax errors listed
 * as `corrections.tsv:line:col` while typing (the engine's own parser), saved at the
 * folder's root, and previewed over every episode: each rule with its match count across
 * the folder, its near-misses (case and spacing variants the rule leaves alone) for a
 * decision — add the variant as a rule, or keep it — and every change with a tick box.
 */
import { useEffect, useMemo, useState } from 'react';
import { parseRules } from '../../../shared/corrections';
import { formatDiagnostic } from '../../../shared/model/diagnostic';
import type { AppCore } from '../app-core';
import { useStore } from '../store';
import { FolderResults } from './FolderResults';

const FILE = 'corrections.tsv';

interface Variant { found: string; why: 'case' | 'spacing'; count: number }

export function FolderCorrectionsPanel({ core }: { core: AppCore }) {
  const folder = core.folder;
  const { corrections, search } = useStore(folder.state);
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => { folder.loadCorrections().catch(core.fail); }, [folder, core]);
  const text = corrections?.text ?? '';
  const parsed = useMemo(() => parseRules(text), [text]);
  const mine = search?.source === 'corrections' ? search : null;
  const { counts, variants } = useMemo(() => {
    const counts = new Map<number, number>();
    const variants = new Map<number, Map<string, Variant>>();
    for (const file of mine?.result?.files ?? []) {
      for (const m of file.matches) counts.set(m.rule, (counts.get(m.rule) ?? 0) + 1);
      for (const n of file.nearMisses) {
        const byFound = variants.get(n.rule) ?? new Map<string, Variant>();
        const v = byFound.get(n.found) ?? { found: n.found, why: n.why, count: 0 };
        v.count++;
        byFound.set(n.found, v);
        variants.set(n.rule, byFound);
      }
    }
    return { counts, variants };
  }, [mine?.result]);
  if (!corrections) return <p className="folder-summary">Reading {FILE}…</p>;
  const lines = text.split(/\r\n|\r|\n/);
  const addRule = (ruleLine: number, found: string) => {
    const [, replace = '', options] = (lines[ruleLine - 1] ?? '').split('\t');
    const rule = `${found}\t${replace}${options ? `\t${options}` : ''}`;
    folder.editCorrections(`${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${rule}\n`);
  };
  const errors = parsed.diagnostics.length > 0;
  return (
    <section className="folder-search" aria-label="Corrections">
      <textarea className="folder-corrections-text" aria-label={FILE} spellCheck={false} rows={6} value={text}
        placeholder={'FIND<Tab>REPLACE[<Tab>OPTIONS], one rule a line'} onChange={(e) => folder.editCorrections(e.target.value)}
        onKeyDown={(e) => {
          // Tab separates FIND from REPLACE here, as in the file.
          if (e.key !== 'Tab' || e.shiftKey) return;
          e.preventDefault();
          const el = e.currentTarget;
          const { selectionStart: from, selectionEnd: to } = el;
          folder.editCorrections(`${text.slice(0, from)}\t${text.slice(to)}`);
          requestAnimationFrame(() => el.setSelectionRange(from + 1, from + 1));
        }} />
      {errors && (
        <ul className="folder-corrections-errors" aria-label={`${FILE} errors`} data-testid="corrections-errors">
          {parsed.diagnostics.map((d) => <li key={`${d.line}:${d.column}`}>{formatDiagnostic(FILE, d)}</li>)}
        </ul>
      )}
      <div className="folder-search-row">
        <button type="button" disabled={corrections.text === corrections.saved} onClick={() => void folder.saveCorrections().catch(core.fail)}>Save {FILE}</button>
        <button type="button" disabled={errors || !parsed.rules.length} onClick={() => void folder.previewCorrections()}>Preview all</button>
        <button type="button" title={`Edit ${FILE} in the editor, with undo and Save`} onClick={() => void folder.openCorrectionsDocument().catch(core.fail)}>Open in the editor</button>
      </div>
      {mine?.result && (
        <ul className="folder-rules" aria-label="Rules" data-testid="corrections-rules">
          {parsed.rules.map((rule) => (
            <li key={rule.line} data-testid="corrections-rule">
              <span className="folder-rule">{rule.find} → {rule.replace}</span> <span className="folder-count">{counts.get(rule.line) ?? 0} in the folder</span>
              {[...(variants.get(rule.line)?.values() ?? [])].filter((v) => !kept.has(`${rule.line}\t${v.found}`)).map((v) => (
                <div key={v.found} className="folder-near-miss" data-testid="near-miss">
                  <span>near-miss “{v.found}” ({v.why}, {v.count}×)</span>
                  <button type="button" onClick={() => addRule(rule.line, v.found)}>Add rule</button>
                  <button type="button" onClick={() => setKept(new Set([...kept, `${rule.line}\t${v.found}`]))}>Keep</button>
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      {mine && <FolderResults folder={folder} search={mine} />}
    </section>
  );
}
