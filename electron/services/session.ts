/**
 * What a window has open, and the IPC handlers that act on it. Plain Node: Electron
 * (dialogs, windows) reaches it only through the `DialogPort` it is given, so the same
 * class runs under Electron, in the preview server and in tests.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { EventChannel, EventOf, OpenedAudio, OpenedSession, OpenedTranscript, SaveResult } from '../../shared/ipc/contract';
import type { IpcHandlers } from './ipc-router';
import { findCompanions, isAudioPath, TRANSCRIPT_EXTENSIONS } from './companions';
import { recentLabel, type RecentFiles } from './recent-files';
import type { MediaRegistry } from './media-registry';
import type { PathGuard } from './path-guard';
import { readTranscriptFile, writeTranscriptFile } from './transcript-file';
import { detectFormat } from '../../shared/formats/detect';
import { renderExport, toEditorSource, type ExportTarget } from '../../shared/formats/episode';
import { exportPairedTxt, pairEpisode, txtOnlyEdits, type Pairing } from '../../shared/formats/pair';
import { parseVtt } from '../../shared/formats/vtt';
import { SessionPeaks } from './audio/session-peaks';
import { SettingsStore } from './settings-store';
import { ChangeSet, Text } from '@codemirror/state';
import { lineSeparatorOf } from '../../shared/model/line-separator';
import { ExternalChangeWatcher, textHash, type ExternalChange } from './file-watcher';
import { journalKey, listRecoverable, type RecoveryJournal } from './recovery-journal';
import { summarizeRecovery } from './recovery-summary';
import { randomBytes } from 'node:crypto';

/** What documents do to their window: the edited mark (macOS) and closing once work is settled. */
export interface WindowPort {
  setEdited(edited: boolean): void;
  close(): void;
}

/** The native dialogs, as the session needs them. Electron and tests provide their own. */
export interface DialogPort {
  chooseOpen(kind: 'transcript' | 'audio'): Promise<string | null>;
  chooseSave(suggestedName: string): Promise<string | null>;
}

export interface SessionOptions {
  guard: PathGuard;
  media: MediaRegistry;
  dialogs: DialogPort;
  /** Files named on the command line (transcript and/or audio). */
  launchPaths: string[];
  /** Folder of the bundled demo episode, opened when no file was named. */
  demoDir: string;
  /** Base of audio URLs, e.g. `app://cueline` or `http://127.0.0.1:PORT`. */
  mediaBase: string;
  /** Folder for the waveform peaks cache (Electron: `app.getPath('userData')`); none when omitted. */
  peaksCacheDir?: string | null;
  /** Settings store (settings.json in the app's data folder). */
  settings?: SettingsStore;
  /** Crash-recovery journal (recovery/ in the app's data folder); none when omitted. */
  journal?: RecoveryJournal;
  /** The window, as far as documents affect it (Electron: BrowserWindow; tests: a record). */
  window?: WindowPort;
  /** The in-app Open Recent list; `onOpened` also tells the OS (app.addRecentDocument). */
  recent?: RecentFiles;
  onOpened?(path: string): void;
  log(message: string): void;
}

interface OpenDocument {
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
interface PairState {
  path: string;
  encoding: string;
  pairing: Pairing;
  saved: string;
}

type Message = OpenedSession['messages'][number];

const CORRECTIONS_FILE = 'corrections.tsv';

export class Session {
  private readonly documents = new Map<string, OpenDocument>();
  private nextId = 1;
  private readonly peaks: SessionPeaks;
  private readonly settings: SettingsStore;
  private readonly watcher: ExternalChangeWatcher;
  private readonly dirty = new Map<string, boolean>();
  /** Set once the renderer has settled unsaved work for a close. */
  closeConfirmed = false;
  /** Delivers main-process events to the window (Electron: webContents.send; tests: the page). */
  onEvent: <E extends EventChannel>(event: E, payload: EventOf<E>) => void = () => {};
  /** Tells apart unsaved conversions of this run from those of earlier runs in the journal. */
  private readonly runId = randomBytes(4).toString('hex');

  constructor(private readonly options: SessionOptions) {
    this.settings = options.settings ?? new SettingsStore(null, options.log);
    this.watcher = new ExternalChangeWatcher((path, kind) => this.externalChange(path, kind), { log: options.log });
    this.peaks = new SessionPeaks({
      cacheDir: options.peaksCacheDir ? join(options.peaksCacheDir, 'peaks-cache') : null,
      log: options.log,
    });
  }

  /** Stops background work (peaks decoding); call when the window closes. */
  dispose(): void {
    this.watcher.close();
    this.peaks.dispose();
  }

  handlers(): IpcHandlers {
    return {
      'session:initial': () => this.initial(),
      'session:open-dialog': ({ kind }) => this.openDialog(kind),
      'document:save': ({ id, text, force }) => this.save(id, text, force ?? false),
      'document:reload': ({ id }) => this.reload(id),
      'recent:list': () => this.recentList(),
      'recent:open': ({ index }) => this.openRecent(index),
      'session:open-dropped': ({ paths }) => this.openDropped(paths),
      'document:state': async ({ id, dirty }) => {
        if (this.documents.has(id)) this.dirty.set(id, dirty);
        this.options.window?.setEdited(this.hasUnsavedWork());
        return {};
      },
      'window:close': async () => {
        this.closeConfirmed = true;
        this.options.window?.close();
        return {};
      },
      'document:save-as': ({ id, text }) => this.saveAs(id, text),
      'document:export': ({ id, text, format, txtStyle }) =>
        this.exportAs(id, text, format === 'txt' ? { format, style: txtStyle ?? 'talkpython' } : { format }),
      'document:export-pair': ({ id, text }) => this.exportPair(id, text),
      'audio:peaks': ({ media, from }) => this.peaks.read(media, from),
      'audio:peaks-store': async (request) => {
        const path = this.options.media.resolve(request.media);
        return { stored: path ? await this.peaks.storeFromPage(path, request, this.options.log) : false };
      },
      'audio:overview': async ({ media }) => this.peaks.overview(media),
      'corrections:load': ({ id }) => this.loadCorrections(id),
      'journal:record': (request) => this.recordJournal(request),
      'recovery:list': () => this.listRecovery(),
      'recovery:restore': ({ key }) => this.restore(key),
      'recovery:discard': async ({ key }) => {
        await this.options.journal?.forget(key);
        this.options.log(`recovery entry ${key} discarded by the user`);
        return {};
      },
      'settings:get': () => this.settings.get(),
      'settings:set': (settings) => this.settings.set(settings),
    };
  }

  /**
   * The corrections list kept beside the transcripts: `corrections.tsv` in the
   * document's folder, else in its parent (a repo with one folder per season). Read
   * only from there, never from a path the renderer names.
   */
  async loadCorrections(id: string): Promise<{ name: string; text: string } | null> {
    const doc = this.documents.get(id);
    if (!doc) throw new Error('unknown document');
    for (const folder of [doc.folder, dirname(doc.folder)]) {
      const path = join(folder, CORRECTIONS_FILE);
      const read = await readTranscriptFile(path);
      if (read.ok) {
        this.options.log(`read ${path} (corrections beside ${doc.suggestedName})`);
        return { name: folder === doc.folder ? CORRECTIONS_FILE : `../${CORRECTIONS_FILE}`, text: read.text };
      }
    }
    return null;
  }

  private externalChange(path: string, kind: ExternalChange): void {
    for (const [id, doc] of this.documents) {
      const partner = doc.pair?.path === path;
      if (doc.path !== path && !partner) continue;
      this.options.log(`${path} ${kind} on disk`);
      this.onEvent('document:external-change', { id, name: basename(path), kind, partner });
    }
  }

  /** Reads the document's file (and partner) again, as a new document; the old one is closed. */
  async reload(id: string): Promise<OpenedSession> {
    const doc = this.documents.get(id);
    if (!doc?.path) return { transcript: null, audio: null, messages: [{ level: 'error', text: 'This document has no file to reload.' }] };
    this.close(id);
    const session = await this.openPaths([doc.path]);
    // The audio stays as it is in the window.
    return { ...session, audio: null, messages: session.transcript ? [{ level: 'info', text: `Reloaded ${session.transcript.name} from disk.` }] : session.messages };
  }

  async recentList(): Promise<{ name: string; folder: string }[]> {
    return (await this.options.recent?.list() ?? []).map((e) => recentLabel(e.path));
  }

  /** Opens entry `index` of the recent list (the renderer names entries by position, never by path). */
  async openRecent(index: number): Promise<OpenedSession> {
    const entry = (await this.options.recent?.list() ?? [])[index];
    if (!entry) return { transcript: null, audio: null, messages: [{ level: 'error', text: 'That recent file is no longer there.' }] };
    return this.openPaths([entry.path]);
  }

  /**
   * Files dropped on the window. The paths come from the preload (Electron's
   * webUtils.getPathForFile), so they are checked like any renderer input: absolute,
   * a regular file, a transcript or audio extension. Anything else is refused and logged.
   */
  async openDropped(paths: readonly string[]): Promise<OpenedSession> {
    const accepted: string[] = [];
    const messages: Message[] = [];
    for (const path of paths) {
      const ext = extname(path).toLowerCase();
      const info = isAbsolute(path) ? await stat(path).catch(() => null) : null;
      if (info?.isFile() && ((TRANSCRIPT_EXTENSIONS as readonly string[]).includes(ext) || isAudioPath(path))) accepted.push(path);
      else {
        this.options.log(`refused dropped path ${path}: not a transcript or audio file`);
        messages.push({ level: 'warning', text: `${basename(path)}: not a transcript or audio file; not opened.` });
      }
    }
    if (!accepted.length) return { transcript: null, audio: null, messages };
    const session = await this.openPaths(accepted);
    return { ...session, messages: [...messages, ...session.messages] };
  }

  /** Whether any open document has changes not on disk (the close prompt asks then). */
  hasUnsavedWork(): boolean {
    return [...this.dirty].some(([id, dirty]) => dirty && this.documents.has(id));
  }

  private close(id: string): void {
    const doc = this.documents.get(id);
    if (!doc) return;
    this.documents.delete(id);
    this.dirty.delete(id);
    this.journalTexts.delete(id);
    for (const path of [doc.path, doc.pair?.path]) {
      if (path && ![...this.documents.values()].some((d) => d.path === path || d.pair?.path === path)) this.watcher.unwatch(path);
    }
  }

  private keyOf(doc: OpenDocument): string {
    return journalKey({ path: doc.path, name: doc.suggestedName }, this.runId);
  }

  /** The journal's copy of each document's text, kept up to date from the changes the window sends. */
  private readonly journalTexts = new Map<string, { text: Text; lineBreak: string }>();

  async recordJournal(request: { id: string; text: string } | { id: string; changes: unknown[] }): Promise<{ ok: boolean }> {
    const doc = this.documents.get(request.id);
    if (!doc) throw new Error('unknown document');
    let entry = this.journalTexts.get(request.id);
    if ('text' in request) {
      const lineBreak = lineSeparatorOf(request.text);
      entry = { text: Text.of(request.text.split(lineBreak)), lineBreak };
    } else {
      if (!entry) return { ok: false };
      try {
        entry = { ...entry, text: ChangeSet.fromJSON(request.changes).apply(entry.text) };
      } catch {
        // Not based on our copy (a lost message): ask for the whole text.
        this.journalTexts.delete(request.id);
        return { ok: false };
      }
    }
    this.journalTexts.set(request.id, entry);
    this.options.journal?.record(this.keyOf(doc), { path: doc.path, name: doc.suggestedName }, entry.text.sliceString(0, entry.text.length, entry.lineBreak));
    return { ok: true };
  }

  async listRecovery() {
    const journal = this.options.journal;
    if (!journal) return { documents: [], problems: [] };
    const listed = await listRecoverable(journal.dir);
    const open = new Set([...this.documents.values()].map((d) => this.keyOf(d)));
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
    return { documents, problems: listed.problems.map((p) => p.replace(/^.*[\\/]/, '')) };
  }

  /**
   * Opens a journal entry: its file as usual (audio, TXT partner), then the journal's
   * text in place of the file's, marked unsaved. Without a file (a conversion never
   * saved, or the file is gone), Save asks where to write it. The entry stays until saved.
   */
  async restore(key: string): Promise<OpenedSession> {
    const journal = this.options.journal;
    const entry = journal ? (await listRecoverable(journal.dir)).documents.find((d) => d.key === key) : undefined;
    if (!entry) return { transcript: null, audio: null, messages: [{ level: 'error', text: 'That recovery entry no longer exists.' }] };
    const when = new Date(entry.savedAt).toLocaleString();
    if (entry.path && entry.diskText !== null) {
      // The path is one the user opened in an earlier run (the journal is ours).
      const session = await this.openPaths([entry.path]);
      if (session.transcript) {
        session.transcript.text = entry.text;
        session.transcript.recovered = true;
        session.messages.push({ level: 'info', text: `Recovered unsaved changes to ${entry.name} from ${when}. Save to keep them.` });
        await journal!.forget(key);
        this.recordJournal({ id: session.transcript.id, text: entry.text }).catch(() => {});
        return session;
      }
    }
    const id = `doc-${this.nextId++}`;
    const folder = entry.path ? dirname(entry.path) : this.options.demoDir;
    this.documents.set(id, { path: null, suggestedName: entry.name, encoding: 'utf-8', pair: null, folder, diskHash: null });
    await journal!.forget(key);
    await this.recordJournal({ id, text: entry.text });
    return {
      transcript: { id, name: entry.name, text: entry.text, format: 'vtt', encoding: 'utf-8', recovered: true },
      audio: null,
      messages: [{ level: 'info', text: `Recovered ${entry.name} from ${when}${entry.path ? ' (its file is gone)' : ''}; Save asks where to write it.` }],
    };
  }

  async initial(): Promise<OpenedSession> {
    const paths = this.options.launchPaths.length
      ? this.options.launchPaths
      : [join(this.options.demoDir, 'demo.vtt'), join(this.options.demoDir, 'demo.mp3')];
    return this.openPaths(paths);
  }

  async openDialog(kind: 'transcript' | 'audio'): Promise<OpenedSession> {
    const path = await this.options.dialogs.chooseOpen(kind);
    if (!path) return { transcript: null, audio: null, messages: [] };
    return this.openPaths([path]);
  }

  /**
   * Opens files the user named (argv, dialog, drop): the first transcript and the first
   * audio; when only a transcript is named, its audio and partner are looked up beside it.
   * A TXT with a VTT partner opens as that episode (the VTT holds the times).
   */
  async openPaths(paths: string[]): Promise<OpenedSession> {
    const messages: Message[] = [];
    const audioPath = paths.find(isAudioPath) ?? null;
    let transcriptPath = paths.find((p) => !isAudioPath(p)) ?? null;
    let transcript: OpenedTranscript | null = null;
    let audio: OpenedAudio | null = null;
    let companionAudio: string | null = null;
    if (transcriptPath) {
      const companions = await findCompanions(transcriptPath);
      companionAudio = companions.audio;
      let partner = companions.partner;
      if (partner && extname(transcriptPath).toLowerCase() === '.txt') [transcriptPath, partner] = [partner, transcriptPath];
      transcript = await this.openTranscript(transcriptPath, partner, messages);
    }
    const chosenAudio = audioPath ?? companionAudio;
    if (chosenAudio) {
      audio = await this.openAudio(chosenAudio, messages);
      if (audio && !audioPath) messages.push({ level: 'info', text: `Found audio ${audio.name} beside the transcript.` });
    }
    return { transcript, audio, messages };
  }

  private async openTranscript(path: string, partnerPath: string | null, messages: Message[]): Promise<OpenedTranscript | null> {
    const real = await this.options.guard.allow(path);
    const read = await readTranscriptFile(real);
    if (!read.ok) {
      messages.push({ level: 'error', text: read.message });
      return null;
    }
    if (read.notice) messages.push({ level: 'warning', text: `${basename(real)}: ${read.notice}` });
    const id = `doc-${this.nextId++}`;
    const source = toEditorSource(read.text, basename(real));
    if (source.from !== 'vtt') {
      // Converted input is never written back over its source: Save asks where the .vtt goes.
      if (source.message) messages.push({ level: 'info', text: source.message });
      const suggestedName = `${basename(real, extname(real))}.vtt`;
      this.documents.set(id, { path: null, suggestedName, encoding: 'utf-8', pair: null, folder: dirname(real), diskHash: null });
      return { id, name: suggestedName, text: source.vtt, format: 'vtt', encoding: 'utf-8', notice: read.notice };
    }
    const pair = partnerPath ? await this.openPair(read.text, partnerPath, basename(real), messages) : null;
    this.documents.set(id, { path: real, suggestedName: basename(real), encoding: read.encoding, pair, folder: dirname(real), diskHash: textHash(read.text) });
    await this.options.recent?.add(real);
    this.options.onOpened?.(real);
    this.watcher.watch(real, read.text);
    if (pair) this.watcher.watch(pair.path, pair.saved);
    return { id, name: basename(real), text: read.text, format: 'vtt', encoding: read.encoding, notice: read.notice };
  }

  /** Reads the TXT partner of a VTT and infers which cues make each of its entries. */
  private async openPair(vttText: string, partnerPath: string, vttName: string, messages: Message[]): Promise<PairState | null> {
    const real = await this.options.guard.allow(partnerPath);
    const read = await readTranscriptFile(real);
    if (!read.ok) {
      messages.push({ level: 'warning', text: `${read.message} The VTT opens without its TXT partner.` });
      return null;
    }
    if (detectFormat(read.text, real) !== 'txt') return null;
    const pairing = pairEpisode(parseVtt(vttText).cues, read.text);
    const edits = txtOnlyEdits(pairing).length;
    messages.push({
      level: 'info',
      text: `Paired ${vttName} with ${basename(real)}: ${pairing.entries.length} TXT entries from ${pairing.cues.length} cues` +
        (edits ? `; ${edits} TXT lines carry edits the VTT lacks and are kept.` : '.') + ' Saving writes both.',
    });
    if (pairing.diagnostics.length) {
      messages.push({ level: 'warning', text: `${basename(real)}: ${pairing.diagnostics.length} entries could not be matched to cues (first at line ${pairing.diagnostics[0]!.line}).` });
    }
    return { path: real, encoding: read.encoding, pairing, saved: read.text };
  }

  private async openAudio(path: string, messages: Message[]): Promise<OpenedAudio | null> {
    const real = await this.options.guard.allow(path);
    try {
      const info = await stat(real);
      if (!info.isFile()) throw new Error('not a file');
      const token = this.options.media.register(real);
      this.peaks.openAudio(token, real);
      return { name: basename(real), url: `${this.options.mediaBase}/media/${token}`, size: info.size };
    } catch (error) {
      messages.push({ level: 'error', text: `${basename(path)}: cannot open audio (${describe(error)}). The transcript stays editable without a waveform.` });
      return null;
    }
  }

  async save(id: string, text: string, force = false): Promise<SaveResult> {
    const doc = this.documents.get(id);
    if (!doc) return { ok: false, canceled: false, message: `No open document ${id}.` };
    if (doc.path === null) return this.saveAs(id, text);
    const path = await this.options.guard.check(doc.path, 'save');
    if (!force && doc.diskHash !== null) {
      const now = await readTranscriptFile(path);
      if (now.ok && textHash(now.text) !== doc.diskHash) {
        return { ok: false, canceled: false, conflict: true, message: `${basename(path)} changed on disk since it was opened or saved here. Overwrite it with your version?` };
      }
    }
    const result = await this.write(path, text, doc.encoding);
    if (result.ok) {
      doc.diskHash = textHash(text);
      await this.options.journal?.forget(this.keyOf(doc));
    }
    if (!result.ok || !doc.pair) return result;
    return this.savePartner(doc.pair, text, result.name);
  }

  /** Writes the TXT partner when the VTT's changes reach it; untouched entries stay byte for byte. */
  private async savePartner(pair: PairState, vttText: string, vttName: string): Promise<SaveResult> {
    const txt = exportPairedTxt(pair.pairing, parseVtt(vttText).cues);
    if (txt === pair.saved) return { ok: true, name: vttName };
    const path = await this.options.guard.check(pair.path, 'save partner');
    const result = await this.write(path, txt, pair.encoding);
    if (!result.ok) return { ...result, message: `${vttName} was saved, but ${result.message}` };
    pair.saved = txt;
    return { ok: true, name: `${vttName} + ${result.name}` };
  }

  async saveAs(id: string, text: string): Promise<SaveResult> {
    const doc = this.documents.get(id);
    if (!doc) return { ok: false, canceled: false, message: `No open document ${id}.` };
    const chosen = await this.options.dialogs.chooseSave(doc.suggestedName);
    if (!chosen) return { ok: false, canceled: true, message: 'Save canceled.' };
    const path = await this.options.guard.allow(chosen);
    const result = await this.write(path, text, doc.encoding);
    // The new file is a standalone VTT: its old TXT partner belongs to the old name.
    if (result.ok) {
      await this.options.journal?.forget(this.keyOf(doc));
      if (doc.path) this.watcher.unwatch(doc.path);
      if (doc.pair) this.watcher.unwatch(doc.pair.path);
      this.documents.set(id, { ...doc, path, suggestedName: basename(path), pair: null, diskHash: textHash(text) });
      this.watcher.watch(path, text);
    }
    return result;
  }

  /** Writes the editor text in another format to a file the user chooses (UTF-8). */
  async exportAs(id: string, text: string, target: ExportTarget): Promise<SaveResult> {
    const doc = this.documents.get(id);
    if (!doc) return { ok: false, canceled: false, message: `No open document ${id}.` };
    const stem = basename(doc.suggestedName, extname(doc.suggestedName));
    const suffix = target.format === 'txt' && target.style !== 'talkpython' ? `-${target.style}` : '';
    const chosen = await this.options.dialogs.chooseSave(`${stem}${suffix}.${target.format}`);
    if (!chosen) return { ok: false, canceled: true, message: 'Export canceled.' };
    const path = await this.options.guard.allow(chosen);
    return this.write(path, renderExport(text, target), 'utf-8');
  }

  /**
   * Export TXT + VTT: the VTT as it is and its TXT beside it with the same stem. A paired
   * episode's TXT keeps its own layout (entries, TXT-only edits); otherwise talkpython lines.
   */
  async exportPair(id: string, text: string): Promise<SaveResult> {
    const doc = this.documents.get(id);
    if (!doc) return { ok: false, canceled: false, message: `No open document ${id}.` };
    const chosen = await this.options.dialogs.chooseSave(`${basename(doc.suggestedName, extname(doc.suggestedName))}.vtt`);
    if (!chosen) return { ok: false, canceled: true, message: 'Export canceled.' };
    const stem = join(dirname(chosen), basename(chosen, extname(chosen)));
    const vttPath = await this.options.guard.allow(`${stem}.vtt`);
    const txtPath = await this.options.guard.allow(`${stem}.txt`);
    const cues = parseVtt(text).cues;
    const txt = doc.pair ? exportPairedTxt(doc.pair.pairing, cues) : renderExport(text, { format: 'txt', style: 'talkpython' });
    const vtt = await this.write(vttPath, text, 'utf-8');
    if (!vtt.ok) return vtt;
    const second = await this.write(txtPath, txt, doc.pair ? doc.pair.encoding : 'utf-8');
    return second.ok ? { ok: true, name: `${vtt.name} + ${second.name}` } : { ...second, message: `${vtt.name} was written, but ${second.message}` };
  }

  private async write(path: string, text: string, encoding: string): Promise<SaveResult> {
    try {
      this.watcher.noteOwnWrite(path, text);
      await writeTranscriptFile(path, text, encoding as Parameters<typeof writeTranscriptFile>[2]);
      return { ok: true, name: basename(path) };
    } catch (error) {
      return { ok: false, canceled: false, message: `${basename(path)}: could not save (${describe(error)}). Your text is still in the editor.` };
    }
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
