/** Asks what to do with unsaved changes before they would be replaced: Save, Don't Save, or Cancel. */
import { useRef } from 'react';
import type { UnsavedChoice } from './document/document-controller';
import { useModal } from './use-modal';

export function UnsavedDialog({ name, onChoice }: { name: string; onChoice(choice: UnsavedChoice): void }) {
  const modal = useModal();
  const chosen = useRef<UnsavedChoice>('cancel');
  const choose = (c: UnsavedChoice) => {
    chosen.current = c;
    modal.close();
  };
  return (
    <dialog {...modal.props} className="unsaved" data-testid="unsaved-dialog" onClose={() => onChoice(chosen.current)}>
      <h2 id={modal.titleId} className="visually-hidden">Unsaved changes</h2>
      <p>Save the changes to <strong>{name}</strong> first?</p>
      <p className="clean-note">Without saving, your changes are lost.</p>
      <footer className="clean-actions">
        <button onClick={() => choose('discard')}>Don't Save</button>
        <span className="clean-spacer" />
        <button onClick={() => choose('cancel')}>Cancel</button>
        <button className="primary" onClick={() => choose('save')} autoFocus>Save</button>
      </footer>
    </dialog>
  );
}
