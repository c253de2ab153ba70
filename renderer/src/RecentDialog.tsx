/** File ▸ Open Recent…: the last transcripts opened, newest first (name and folder). */
import { useModal } from './use-modal';

export interface RecentDialogProps {
  items: readonly { name: string; folder: string }[];
  onOpen(index: number): void;
  onClose(): void;
}

export function RecentDialog({ items, onOpen, onClose }: RecentDialogProps) {
  const modal = useModal();
  return (
    <dialog {...modal.props} className="clean-panel recent" data-testid="recent-dialog" onClose={onClose}>
      <header className="shortcuts-head">
        <h2 id={modal.titleId}>Open recent</h2>
        <button onClick={modal.close}>Close</button>
      </header>
      {items.length === 0 ? (
        <p className="clean-note">No recent files yet.</p>
      ) : (
        <ol className="clean-list">
          {items.map((item, i) => (
            <li key={`${item.folder}/${item.name}`}>
              <button className="recent-item" onClick={() => { onOpen(i); modal.close(); }}>
                <strong>{item.name}</strong> <span className="clean-line">{item.folder}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </dialog>
  );
}
