/** Asks what to do with unsaved changes before they would be replaced: Save, Don't Save, or Cancel. */
import { useEffect, useRef } from 'react';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export function UnsavedDialog({ name, onChoice }: { name: string; onChoice(choice: UnsavedChoice): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const chosen = useRef<UnsavedChoice>('cancel');
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  const choose = (c: UnsavedChoice) => {
    chosen.current = c;
    dialog.current?.close();
  };
  return (
    <dialog ref={dialog} className="unsaved" data-testid="unsaved-dialog" onClose={() => onChoice(chosen.current)}>
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
