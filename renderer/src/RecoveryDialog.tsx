/**
 * After a crash: the documents a previous run left with unsaved changes, each with how
 * it differs from its file now. Recover opens it (unsaved); Discard deletes the entry
 * (only here, by the user's choice); Later keeps every entry for the next start.
 */
import { useModal } from './use-modal';
import type { ResponseOf } from '../../shared/ipc/contract';

export type RecoveryList = ResponseOf<'recovery:list'>;

export interface RecoveryDialogProps {
  list: RecoveryList;
  onRecover(key: string): void;
  onDiscard(key: string): void;
  onLater(): void;
}

export function RecoveryDialog({ list, onRecover, onDiscard, onLater }: RecoveryDialogProps) {
  const modal = useModal();
  return (
    <dialog {...modal.props} className="clean-panel recovery" data-testid="recovery-dialog" onCancel={(e) => { e.preventDefault(); onLater(); }}>
      <header className="shortcuts-head">
        <h2 id={modal.titleId}>Recover unsaved work</h2>
      </header>
      <p className="clean-note">Cueline closed without saving these. Nothing is discarded unless you choose Discard.</p>
      <ol className="clean-list">
        {list.documents.map((d) => (
          <li key={d.key} data-testid="recovery-item">
            <p>
              <strong>{d.name}</strong> · {new Date(d.savedAt).toLocaleString()} ·{' '}
              {d.fileMissing ? 'the file is gone' : `${d.changedLines} line${d.changedLines === 1 ? '' : 's'} differ from the file`}
            </p>
            {d.samples.map((s) => (
              <div key={s.line} className="clean-context">
                L{s.line}: {s.disk !== null && <del>{s.disk}</del>} {s.recovered !== null && <ins>{s.recovered}</ins>}
              </div>
            ))}
            <button className="primary" onClick={() => onRecover(d.key)}>Recover</button>{' '}
            <button onClick={() => onDiscard(d.key)}>Discard</button>
          </li>
        ))}
        {list.problems.map((p) => <li key={p} className="clean-miss">{p}</li>)}
      </ol>
      <footer className="clean-actions">
        <span className="clean-spacer" />
        <button onClick={onLater}>Later</button>
      </footer>
    </dialog>
  );
}
