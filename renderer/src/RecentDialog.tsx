/** File ▸ Open Recent…: the last transcripts opened, newest first (name and folder). */
import { useEffect, useRef } from 'react';

export interface RecentDialogProps {
  items: readonly { name: string; folder: string }[];
  onOpen(index: number): void;
  onClose(): void;
}

export function RecentDialog({ items, onOpen, onClose }: RecentDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="clean-panel recent" data-testid="recent-dialog" onClose={onClose}>
      <header className="shortcuts-head">
        <h2>Open recent</h2>
        <button onClick={() => dialog.current?.close()}>Close</button>
      </header>
      {items.length === 0 ? (
        <p className="clean-note">No recent files yet.</p>
      ) : (
        <ol className="clean-list">
          {items.map((item, i) => (
            <li key={`${item.folder}/${item.name}`}>
              <button className="recent-item" onClick={() => { onOpen(i); dialog.current?.close(); }}>
                <strong>{item.name}</strong> <span className="clean-line">{item.folder}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </dialog>
  );
}
