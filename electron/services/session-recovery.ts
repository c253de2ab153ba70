/**
 * Crash recovery as the window sees it: the journal copy of each unsaved document, kept
 * from the changes the window sends; the list of what an earlier run left (only entries
 * for files the user opened, each compared with its file); and restoring or discarding
 * an entry.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { ChangeSet, Text } from '@codemirror/state';
import type { OpenedSession, ResponseOf } from '../../shared/ipc/contract';
import { lineSeparatorOf } from '../../shared/model/line-separator';
import type { IpcHandlers } from './ipc-router';
import type { DocumentOpener } from './document-open';
import type { DocumentStore, OpenDocument } from './document-store';
import type { RecentFiles } from './recent-files';
import { journalKey, listRecoverable, type RecoveryJournal } from './recovery-journal';
import { summarizeRecovery } from './recovery-summary';

export interface RecoveryOptions {
  store: DocumentStore;
  opener: DocumentOpener;
  journal?: RecoveryJournal;
  /** The record of files the user opened; without it, only entries without a file are offered. */
  recent?: RecentFiles;
  /** Where an entry whose file is gone counts as opened from (its corrections.tsv). */
  demoDir: string;
  log(message: string): void;
}

type JournalRequest = { id: string; text: string } | { id: string; changes: unknown[] };

export class SessionRecovery {
  /** Tells apart unsaved conversions of this run from those of earlier runs in the journal. */
  private readonly runId = randomBytes(4).toString('hex');
  /** The journal's copy of each document's text, kept up to date from the changes the window sends. */
  private readonly texts = new Map<string, { text: Text; lineBreak: string }>();

  constructor(private readonly options: RecoveryOptions) {
    options.store.onClose((id) => this.texts.delete(id));
  }

  handlers(): Pick<IpcHandlers, 'journal:record' | 'recovery:list' | 'recovery:restore' | 'recovery:discard'> {
    return {
      'journal:record': (request) => this.record(request),
      'recovery:list': () => this.list(),
      'recovery:restore': ({ key }) => this.restore(key),
      'recovery:discard': async ({ key }) => {
        await this.options.journal?.forget(key);
        this.options.log(`recovery entry ${key} discarded by the user`);
        return {};
      },
    };
  }

  keyOf(doc: OpenDocument): string {
    return journalKey({ path: doc.path, name: doc.suggestedName }, this.runId);
  }

  /** The document's text is on disk: nothing to recover any more. */
  async forget(doc: OpenDocument): Promise<void> {
    await this.options.journal?.forget(this.keyOf(doc));
  }

  async record(request: JournalRequest): Promise<{ ok: boolean }> {
    const doc = this.options.store.require(request.id);
    let entry = this.texts.get(request.id);
    if ('text' in request) {
      const lineBreak = lineSeparatorOf(request.text);
      entry = { text: Text.of(request.text.split(lineBreak)), lineBreak };
    } else {
      if (!entry) return { ok: false };
      try {
        entry = { ...entry, text: ChangeSet.fromJSON(request.changes).apply(entry.text) };
      } catch {
        // Not based on our copy (a lost message): ask for the whole text.
        this.texts.delete(request.id);
        return { ok: false };
      }
    }
    this.texts.set(request.id, entry);
    this.options.journal?.record(this.keyOf(doc), { path: doc.path, name: doc.suggestedName }, entry.text.sliceString(0, entry.text.length, entry.lineBreak));
    return { ok: true };
  }

  private listed() {
    const { journal, recent } = this.options;
    return listRecoverable(journal!.dir, { isKnownPath: async (path) => (await recent?.wasOpened(path)) ?? false });
  }

  async list(): Promise<ResponseOf<'recovery:list'>> {
    const journal = this.options.journal;
    if (!journal) return { documents: [], problems: [] };
    const listed = await this.listed();
    const open = new Set(this.options.store.all().map((d) => this.keyOf(d)));
    const documents = [];
    for (const d of listed.documents) {
      // This run's own entries are live documents, not leftovers.
      if (open.has(d.key)) continue;
      // Already on disk as it is: nothing would be lost, so the entry goes.
      if (d.diskText !== null && d.diskText === d.text) {
        await journal.forget(d.key);
        continue;
      }
      const summary = summarizeRecovery(d.diskText, d.text);
      documents.push({ key: d.key, name: d.name, savedAt: d.savedAt, fileMissing: d.path !== null && d.diskText === null, ...summary });
    }
    for (const p of listed.problems) this.options.log(p);
    // The page sees entry names, never the data folder's path.
    return { documents, problems: listed.problems.map((p) => p.replace(/^.*[\\/]/, '')) };
  }

  /**
   * Opens a journal entry: its file as usual (audio, TXT partner), then the journal's
   * text in place of the file's, marked unsaved. Without a file (a conversion never
   * saved, or the file is gone), Save asks where to write it. The entry stays until saved.
   */
  async restore(key: string): Promise<OpenedSession> {
    const journal = this.options.journal;
    const entry = journal ? (await this.listed()).documents.find((d) => d.key === key) : undefined;
    if (!journal || !entry) return { transcript: null, audio: null, messages: [{ level: 'error', text: 'That recovery entry no longer exists.' }] };
    const when = new Date(entry.savedAt).toLocaleString();
    if (entry.path && entry.diskText !== null) {
      // The path is one the user opened before (listRecoverable offers no other).
      const session = await this.options.opener.openPaths([entry.path]);
      if (session.transcript) {
        session.transcript.text = entry.text;
        session.transcript.recovered = true;
        session.messages.push({ level: 'info', text: `Recovered unsaved changes to ${entry.name} from ${when}. Save to keep them.` });
        await journal.forget(key);
        this.record({ id: session.transcript.id, text: entry.text }).catch(() => {});
        return session;
      }
    }
    const folder = entry.path ? dirname(entry.path) : this.options.demoDir;
    const id = this.options.store.add({ path: null, suggestedName: entry.name, encoding: 'utf-8', pair: null, folder, diskHash: null });
    await journal.forget(key);
    await this.record({ id, text: entry.text });
    return {
      transcript: { id, name: entry.name, text: entry.text, format: 'vtt', encoding: 'utf-8', recovered: true },
      audio: null,
      messages: [{ level: 'info', text: `Recovered ${entry.name} from ${when}${entry.path ? ' (its file is gone)' : ''}; Save asks where to write it.` }],
    };
  }
}
