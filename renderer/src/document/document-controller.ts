/**
 * The open document's life: open (dialog, drop, recent, recovery, another launch),
 * dirty tracking, save / save as / export, reload after an outside change, and the
 * Save / Don't Save / Cancel question before anything replaces unsaved work. React
 * reads `state` (a Store) and never holds a copy; the editor's text is read from the
 * CodeMirror view only when something is written.
 */
import { Text, type EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { isCorrectionsList } from '../../../shared/folders/corrections-document';
import { savedFiles, type OpenedAudio, type OpenedSession } from '../../../shared/ipc/contract';
import { api } from '../api';
import type { CueTimeline } from '../editor/cue-timeline';
import type { Player } from '../playback/player';
import { Store } from '../store';
import type { MessageLog } from './messages';
import { RecoveryJournal } from './recovery-journal';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface OpenTranscript {
  id: string;
  name: string;
  text: string;
  /** A transcript, or a corrections list (corrections.tsv) edited as a document. */
  kind: 'transcript' | 'corrections';
  /** New on every open, so reopening the same file gives a fresh editor. */
  key: string;
  recovered: boolean;
}

export interface DocumentState {
  transcript: OpenTranscript | null;
  audio: OpenedAudio | null;
  dirty: boolean;
  /** A file changed on disk (or a save found it changed): what to offer. */
  external: { name: string; kind: 'changed' | 'deleted' | 'conflict' } | null;
  /** Waiting for the user's answer to "save the changes first?". */
  unsaved: ((choice: UnsavedChoice) => void) | null;
}

type ExportFormat = 'vtt' | 'srt' | 'txt';
type TxtStyle = 'talkpython' | 'paragraphs' | 'plain' | 'speakers';

export class DocumentController {
  readonly state = new Store<DocumentState>({ transcript: null, audio: null, dirty: false, external: null, unsaved: null });
  readonly journal = new RecoveryJournal(() => {
    const t = this.current.transcript;
    const s = this.editorState();
    return t && s ? { id: t.id, doc: s.doc, lineBreak: s.lineBreak } : null;
  });
  /** The text as last saved (or opened); dirty means the editor's differs. */
  private savedDoc: Text | null = null;
  private opens = 0;
  /** The editor of a document that is not a transcript (the timeline knows only transcript editors). */
  private plainEditor: EditorView | null = null;
  private readonly savedListeners = new Set<(saved: OpenTranscript) => void>();

  /** Whether the main process was last told audio is open (its native menu greys Align to Audio… without). */
  private audioToldOpen = false;

  constructor(private readonly timeline: CueTimeline, private readonly player: Player, private readonly messages: MessageLog) {
    this.state.subscribe(() => {
      const open = this.current.audio !== null;
      if (open === this.audioToldOpen) return;
      this.audioToldOpen = open;
      api().invoke('window:audio-state', { open }).catch(() => {});
    });
  }

  get current(): DocumentState {
    return this.state.get();
  }

  private patch(change: Partial<DocumentState>): void {
    this.state.set({ ...this.current, ...change });
  }

  /** The editor of the open document: a transcript's, or a corrections list's. */
  get editor(): EditorView | null {
    return this.timeline.editor ?? this.plainEditor;
  }

  private editorState(): EditorState | null {
    return this.editor?.state ?? null;
  }

  /** What an editor of the open document reports after each change: dirty state and the crash journal. */
  trackChanges(): Extension {
    return EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      this.journal.noteChanges(update.changes);
      this.noteDoc(update.state.doc);
    });
  }

  /** A corrections list's editor is up (null: it closed). */
  attachEditor(view: EditorView | null): void {
    this.plainEditor = view;
  }

  /** Calls `listener` after each successful save (or Save As); returns the unsubscribe. */
  onSaved(listener: (saved: OpenTranscript) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /**
   * Shows what the main process opened: a transcript replaces the audio too (its
   * companion, or none), unless `keepAudio` (the same file read again).
   */
  applySession(session: OpenedSession, keepAudio = false): void {
    const t = session.transcript;
    const opened = (): OpenTranscript | null => t && { id: t.id, name: t.name, text: t.text, kind: isCorrectionsList(t.text, t.name) ? 'corrections' : 'transcript', key: `${t.id}:${this.opens++}`, recovered: t.recovered ?? false };
    const transcript = opened();
    if (t && transcript && keepAudio) {
      this.messages.showDocument(t.id);
      this.savedDoc = null;
      this.patch({ transcript, dirty: false, external: null });
    } else if (t && transcript) {
      this.messages.showDocument(t.id);
      this.savedDoc = null;
      this.patch({ transcript, audio: session.audio, dirty: false, external: null });
      this.player.load(session.audio?.url ?? null);
      // A corrections list never has audio: nothing to say about it.
      if (!session.audio && transcript.kind === 'transcript') this.messages.add([{ level: 'info', text: `No audio beside ${t.name}: the waveform is empty (Open audio… adds one).` }], t.id);
    } else if (session.audio) {
      this.patch({ audio: session.audio });
      this.player.load(session.audio.url);
    }
    this.messages.add(session.messages);
  }

  /** The editor for a newly opened document is up (null: it closed). */
  noteEditor(state: EditorState | null): void {
    this.journal.reset();
    const t = this.current.transcript;
    // A recovered document starts unsaved: it differs from its file.
    this.savedDoc = state ? (t?.recovered ? Text.empty : state.doc) : null;
    this.noteDoc(state?.doc ?? null);
  }

  /** After each document change: dirty, the title, the main process's close prompt, the journal. */
  noteDoc(doc: Text | null): void {
    const dirty = doc !== null && this.savedDoc !== null && !doc.eq(this.savedDoc);
    this.journal.noteDirty(dirty);
    if (dirty === this.current.dirty) return;
    this.patch({ dirty });
    const t = this.current.transcript;
    if (t) api().invoke('document:state', { id: t.id, dirty }).catch(() => {});
  }

  /** Resolves true when the open document may be replaced (saved, discarded, or clean). */
  async confirmDiscard(): Promise<boolean> {
    if (!this.current.dirty) return true;
    const choice = await new Promise<UnsavedChoice>((resolve) => this.patch({ unsaved: resolve }));
    this.patch({ unsaved: null });
    if (choice === 'cancel') return false;
    if (choice === 'save') return this.save(false);
    return true;
  }

  /** Opens what `open` returns once unsaved work is settled. */
  async openWith(open: () => Promise<OpenedSession>): Promise<void> {
    if (await this.confirmDiscard()) this.applySession(await open());
  }

  async save(as: boolean, force = false): Promise<boolean> {
    const state = this.editorState();
    const t = this.current.transcript;
    if (!state || !t) return false;
    const text = state.sliceDoc();
    const result = as
      ? await api().invoke('document:save-as', { id: t.id, text })
      : await api().invoke('document:save', { id: t.id, text, force });
    if (result.ok) {
      this.savedDoc = state.doc;
      const now = this.editorState();
      // Save As names the document anew (a plain Save of a converted file does too).
      if (result.renamed) this.patch({ transcript: { ...t, name: result.name } });
      this.noteDoc(now?.doc ?? null);
      this.messages.add([{ level: 'info', text: `Saved ${savedFiles(result)}.` }]);
      const saved = this.current.transcript;
      if (saved) for (const listener of this.savedListeners) listener(saved);
      return true;
    }
    if (result.conflict) this.patch({ external: { name: t.name, kind: 'conflict' } });
    else if (!result.canceled) this.messages.add([{ level: 'error', text: result.message }]);
    return false;
  }

  async exportAs(format: ExportFormat, txtStyle?: TxtStyle, text?: string): Promise<void> {
    const state = this.editorState();
    const t = this.current.transcript;
    if (!state || !t) return;
    const result = await api().invoke('document:export', { id: t.id, text: text ?? state.sliceDoc(), format, txtStyle });
    if (result.ok) this.messages.add([{ level: 'info', text: `Exported ${savedFiles(result)}.` }]);
    else if (!result.canceled) this.messages.add([{ level: 'error', text: result.message }]);
  }

  async exportPair(): Promise<void> {
    const state = this.editorState();
    const t = this.current.transcript;
    if (!state || !t) return;
    const result = await api().invoke('document:export-pair', { id: t.id, text: state.sliceDoc() });
    if (result.ok) this.messages.add([{ level: 'info', text: `Exported ${savedFiles(result)}.` }]);
    else if (!result.canceled) this.messages.add([{ level: 'error', text: result.message }]);
  }

  async reload(): Promise<void> {
    const t = this.current.transcript;
    if (!t) return;
    this.patch({ external: null });
    this.applySession(await api().invoke('document:reload', { id: t.id }), true);
  }

  /** The main process saw the open file change on disk. */
  noteExternalChange(change: { id: string; name: string; kind: 'changed' | 'deleted' }): void {
    if (change.id === this.current.transcript?.id) this.patch({ external: { name: change.name, kind: change.kind } });
  }

  dismissExternal(): void {
    this.patch({ external: null });
  }

  /** The window is closing: settle unsaved work, then let it close. */
  async close(): Promise<void> {
    if (await this.confirmDiscard()) await api().invoke('window:close', {});
  }
}
