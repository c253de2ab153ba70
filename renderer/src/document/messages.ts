/**
 * The message bar's list: each message belongs to the document it is about (the list
 * shows only the open document's), the newest first; info fades after a few seconds,
 * warnings and errors stay until dismissed.
 */
import type { OpenedSession } from '../../../shared/ipc/contract';
import { Store } from '../store';

export type MessageLevel = OpenedSession['messages'][number]['level'];

export interface Message {
  id: number;
  level: MessageLevel;
  text: string;
  /** The document it is about ('' for none). */
  doc: string;
}

export const INFO_FADE_MS = 8000;
const KEEP = 20;

export class MessageLog {
  /** The open document's messages, newest first. */
  readonly shown = new Store<readonly Message[]>([]);
  private all: Message[] = [];
  private doc = '';
  private next = 1;

  /** The document shown changed: its own messages show, no one else's. */
  showDocument(doc: string): void {
    this.doc = doc;
    // Another document's info is stale; its errors stay with it.
    this.all = this.all.filter((m) => m.level !== 'info' || m.doc === doc);
    this.refresh();
  }

  add(incoming: readonly { level: MessageLevel; text: string }[], doc = this.doc): void {
    for (const m of incoming) {
      const message: Message = { id: this.next++, level: m.level, text: m.text, doc };
      this.all.push(message);
      if (m.level === 'info') setTimeout(() => this.dismiss(message.id), INFO_FADE_MS);
    }
    this.all = this.all.slice(-KEEP);
    this.refresh();
  }

  error(error: unknown): void {
    this.add([{ level: 'error', text: error instanceof Error ? error.message : String(error) }]);
  }

  dismiss(id: number): void {
    const before = this.all.length;
    this.all = this.all.filter((m) => m.id !== id);
    if (this.all.length !== before) this.refresh();
  }

  private refresh(): void {
    this.shown.set(this.all.filter((m) => m.doc === this.doc).reverse());
  }
}
