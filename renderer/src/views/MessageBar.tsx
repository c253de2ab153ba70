/** The open document's messages, newest first; info fades by itself, the rest has a Dismiss button. */
import type { MessageLog } from '../document/messages';
import { useStore } from '../store';

export function MessageBar({ messages }: { messages: MessageLog }) {
  const shown = useStore(messages.shown);
  return (
    <ul className="messages" aria-live="polite" data-testid="messages">
      {shown.map((m) => (
        <li key={m.id} className={`message message-${m.level}`} data-level={m.level}>
          {m.text}
          {m.level !== 'info' && (
            <button className="message-dismiss" onClick={() => messages.dismiss(m.id)} aria-label={`Dismiss: ${m.text}`}>×</button>
          )}
        </li>
      ))}
    </ul>
  );
}
