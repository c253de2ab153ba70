/**
 * Writing documents: Save (the file and its TXT partner, keeping encoding and line
 * endings, asking first when the file changed on disk), Save As, Export in another
 * format, and Export TXT + VTT. Replies say what was written as data (`name`,
 * `partnerName`, `renamed`), so the window never has to read it out of a message.
 */
import { lstat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { SaveResult } from '../../shared/ipc/contract';
import { renderExport, type ExportTarget } from '../../shared/formats/episode';
import { episodeTxt } from '../../shared/formats/pair';
import type { IpcHandlers } from './ipc-router';
import type { DialogPort } from './document-open';
import type { DocumentStore, OpenDocument, PairState } from './document-store';
import { textHash } from './file-watcher';
import type { PathGuard } from './path-guard';
import type { RecentFiles } from './recent-files';
import { readTranscriptFile, writeTranscriptFile, type TextEncodingName } from './transcript-file';
import { errnoText, resolveRegularFile } from './user-file';

export interface WriterOptions {
  store: DocumentStore;
  guard: PathGuard;
  dialogs: DialogPort;
  /** The document's text is on disk now: its crash-recovery entry can go. */
  saved(doc: OpenDocument): Promise<void>;
  /** The record of files the user opened (Open Recent): a file saved under a new name joins it. */
  recent?: RecentFiles;
}

type Written = { ok: true; name: string } | Extract<SaveResult, { ok: false }>;

export class DocumentWriter {
  constructor(private readonly options: WriterOptions) {}

  handlers(): Pick<IpcHandlers, 'document:save' | 'document:save-as' | 'document:export' | 'document:export-pair'> {
    return {
      'document:save': ({ id, text, force }) => this.save(id, text, force ?? false),
      'document:save-as': ({ id, text }) => this.saveAs(id, text),
      'document:export': ({ id, text, format, txtStyle }) =>
        this.exportAs(id, text, format === 'txt' ? { format, style: txtStyle ?? 'talkpython' } : { format }),
      'document:export-pair': ({ id, text }) => this.exportPair(id, text),
    };
  }

  async save(id: string, text: string, force = false): Promise<SaveResult> {
    const doc = this.options.store.get(id);
    if (!doc) return unknown(id);
    if (doc.path === null) return this.saveAs(id, text);
    const path = await this.options.guard.check(doc.path, 'save');
    if (!force && doc.diskHash !== null) {
      const now = await readTranscriptFile(path);
      if (now.ok && textHash(now.text) !== doc.diskHash) {
        return { ok: false, canceled: false, conflict: true, message: `${basename(path)} changed on disk since it was opened or saved here. Overwrite it with your version?` };
      }
    }
    const result = await this.write(path, text, doc.encoding);
    if (!result.ok) return result;
    doc.diskHash = textHash(text);
    await this.options.saved(doc);
    if (!doc.pair) return { ...result, renamed: false };
    return this.savePartner(doc.pair, text, result.name);
  }

  /** Writes the TXT partner when the VTT's changes reach it; untouched entries stay byte for byte. */
  private async savePartner(pair: PairState, vttText: string, vttName: string): Promise<SaveResult> {
    const txt = episodeTxt(vttText, pair.pairing);
    if (txt === pair.saved) return { ok: true, name: vttName, renamed: false };
    const path = await this.options.guard.check(pair.path, 'save partner');
    const result = await this.write(path, txt, pair.encoding);
    if (!result.ok) return { ...result, message: `${vttName} was saved, but ${result.message}` };
    pair.saved = txt;
    return { ok: true, name: vttName, partnerName: result.name, renamed: false };
  }

  async saveAs(id: string, text: string): Promise<SaveResult> {
    const doc = this.options.store.get(id);
    if (!doc) return unknown(id);
    const chosen = await this.options.dialogs.chooseSave(doc.suggestedName);
    if (!chosen) return { ok: false, canceled: true, message: 'Save canceled.' };
    const path = await this.options.guard.allow(chosen);
    const result = await this.write(path, text, doc.encoding);
    if (!result.ok) return result;
    await this.options.saved(doc);
    // The new file is a standalone VTT: its old TXT partner belongs to the old name.
    this.options.store.rename(id, { ...doc, path, suggestedName: basename(path), pair: null, diskHash: textHash(text) }, text);
    // The document now belongs to that file: its unsaved changes after a crash are offered for it.
    await this.options.recent?.add(path);
    return { ...result, renamed: true };
  }

  /** Writes the editor text in another format to a file the user chooses (UTF-8). */
  async exportAs(id: string, text: string, target: ExportTarget): Promise<SaveResult> {
    const doc = this.options.store.get(id);
    if (!doc) return unknown(id);
    const stem = basename(doc.suggestedName, extname(doc.suggestedName));
    const suffix = target.format === 'txt' && target.style !== 'talkpython' ? `-${target.style}` : '';
    const chosen = await this.options.dialogs.chooseSave(`${stem}${suffix}.${target.format}`);
    if (!chosen) return { ok: false, canceled: true, message: 'Export canceled.' };
    const path = await this.options.guard.allow(chosen);
    // A paired episode's TXT keeps the pair's entry grouping (cleaned exports included).
    const body = target.format === 'txt' ? episodeTxt(text, doc.pair?.pairing ?? null, target.style) : renderExport(text, target);
    const result = await this.write(path, body, 'utf-8');
    return result.ok ? { ...result, renamed: false } : result;
  }

  /**
   * Export TXT + VTT: the VTT as it is and its TXT beside it with the same stem. A paired
   * episode's TXT keeps its own layout (entries, TXT-only edits); otherwise talkpython lines.
   */
  async exportPair(id: string, text: string): Promise<SaveResult> {
    const doc = this.options.store.get(id);
    if (!doc) return unknown(id);
    const chosen = await this.options.dialogs.chooseSave(`${basename(doc.suggestedName, extname(doc.suggestedName))}.vtt`);
    if (!chosen) return { ok: false, canceled: true, message: 'Export canceled.' };
    const stem = join(dirname(chosen), basename(chosen, extname(chosen)));
    // The TXT's name was not chosen, only derived: if something is there already, it must
    // be a regular file really in that folder (not a planted link to a file elsewhere).
    if (await lstat(`${stem}.txt`).then(() => true, () => false)) {
      const existing = await resolveRegularFile(`${stem}.txt`, { folder: dirname(chosen) });
      if (!existing.ok) return { ok: false, canceled: false, message: `${existing.message} Nothing was exported.` };
    }
    const vttPath = await this.options.guard.allow(`${stem}.vtt`);
    const txtPath = await this.options.guard.allow(`${stem}.txt`);
    const txt = episodeTxt(text, doc.pair?.pairing ?? null);
    const vtt = await this.write(vttPath, text, 'utf-8');
    if (!vtt.ok) return vtt;
    const second = await this.write(txtPath, txt, doc.pair ? doc.pair.encoding : 'utf-8');
    return second.ok
      ? { ok: true, name: vtt.name, partnerName: second.name, renamed: false }
      : { ...second, message: `${vtt.name} was written, but ${second.message}` };
  }

  private async write(path: string, text: string, encoding: string): Promise<Written> {
    try {
      this.options.store.noteOwnWrite(path, text);
      await writeTranscriptFile(path, text, encoding as TextEncodingName);
      return { ok: true, name: basename(path) };
    } catch (error) {
      return { ok: false, canceled: false, message: `${basename(path)}: could not save (${errnoText(error)}). Your text is still in the editor.` };
    }
  }
}

function unknown(id: string): SaveResult {
  return { ok: false, canceled: false, message: `No open document ${id}.` };
}
