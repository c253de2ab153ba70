/**
 * The documents a window has open, by id: which file each belongs to (real paths, never
 * shown to the page), its TXT partner, its unsaved state, and the watch on its files for
 * changes made behind the app's back. Opening, saving and recovery all go through it.
 */
import { basename } from 'node:path';
import type { EventChannel, EventOf } from '../../shared/ipc/contract';
import type { Pairing } from '../../shared/formats/pair';
import { ExternalChangeWatcher, type ExternalChange } from './file-watcher';

export interface OpenDocument {
  /** Null for converted input (SRT/TXT opened as WebVTT) until Save As names a file. */
  path: string | null;
  suggestedName: string;
  encoding: string;
  pair: PairState | null;
  /** Folder the transcript was opened from (where its corrections.tsv lives). */
  folder: string;
  /** Hash of the file's text as last read or written: a save over anything else asks first. */
  diskHash: string | null;
}

/** The TXT partner of a paired episode, as opened and as last saved. */
export interface PairState {
  path: string;
  encoding: string;
  pairing: Pairing;
  saved: string;
}

export type EventSink = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();
  private readonly dirty = new Map<string, boolean>();
  private nextId = 1;
  private readonly watcher: ExternalChangeWatcher;
  /** Called when a document closes, so what is kept per document elsewhere (journal copies) goes too. */
  private readonly closeListeners: Array<(id: string) => void> = [];

  constructor(private readonly events: () => EventSink, private readonly log: (m: string) => void) {
    this.watcher = new ExternalChangeWatcher((path, kind) => this.externalChange(path, kind), { log });
  }

  get(id: string): OpenDocument | undefined {
    return this.documents.get(id);
  }

  /** The document, or an error naming the id (the page only ever sends ids it was given). */
  require(id: string): OpenDocument {
    const doc = this.documents.get(id);
    if (!doc) throw new Error(`No open document ${id}.`);
    return doc;
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  /** Adds a document and watches its files; `text`/`pairText` are what the app holds of them. */
  add(doc: OpenDocument, text?: string): string {
    const id = `doc-${this.nextId++}`;
    this.documents.set(id, doc);
    if (doc.path && text !== undefined) this.watcher.watch(doc.path, text);
    if (doc.pair) this.watcher.watch(doc.pair.path, doc.pair.saved);
    return id;
  }

  /** The document now refers to another file (Save As): the old files are no longer watched. */
  rename(id: string, doc: OpenDocument, text: string): void {
    const old = this.require(id);
    this.documents.set(id, doc);
    this.unwatchUnused(old);
    if (doc.path) this.watcher.watch(doc.path, text);
  }

  close(id: string): void {
    const doc = this.documents.get(id);
    if (!doc) return;
    this.documents.delete(id);
    this.dirty.delete(id);
    for (const listener of this.closeListeners) listener(id);
    this.unwatchUnused(doc);
  }

  onClose(listener: (id: string) => void): void {
    this.closeListeners.push(listener);
  }

  setDirty(id: string, dirty: boolean): void {
    if (this.documents.has(id)) this.dirty.set(id, dirty);
  }

  /** Whether any open document has changes not on disk (the close prompt asks then). */
  hasUnsavedWork(): boolean {
    return [...this.dirty].some(([id, dirty]) => dirty && this.documents.has(id));
  }

  /** The app is about to write `text` to `path`: its own write is not an external change. */
  noteOwnWrite(path: string, text: string): void {
    this.watcher.noteOwnWrite(path, text);
  }

  dispose(): void {
    this.watcher.close();
  }

  private unwatchUnused(doc: OpenDocument): void {
    for (const path of [doc.path, doc.pair?.path]) {
      if (path && !this.all().some((d) => d.path === path || d.pair?.path === path)) this.watcher.unwatch(path);
    }
  }

  private externalChange(path: string, kind: ExternalChange): void {
    for (const [id, doc] of this.documents) {
      const partner = doc.pair?.path === path;
      if (doc.path !== path && !partner) continue;
      this.log(`${path} ${kind} on disk`);
      this.events()('document:external-change', { id, name: basename(path), kind, partner });
    }
  }
}
