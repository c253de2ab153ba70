/**
 * File ▸ Open Folder on the renderer's side: the listed folder, each episode's figures,
 * the search / replace panel's state, and opening an episode (at a match) with the same
 * Save / Don't Save / Cancel question as File ▸ Open. Long work runs in the main process
 * as jobs; this polls their progress (a long poll) and can cancel them. React reads
 * `state` (a Store); nothing here holds file text.
 */
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { EpisodeStats, FolderApplyResult, FolderListing, FolderMatch, FolderSearchResult } from '../../../shared/ipc/folder-contract';
import { api } from '../api';
import type { DocumentController } from '../document/document-controller';
import type { MessageLog } from '../document/messages';
import type { CueTimeline } from '../editor/cue-timeline';
import { jumpTo } from '../editor/jump';
import { Store } from '../store';
import { editorAfter, followJob } from './folder-jobs';
import { EditLearner, offerFor, type EditOffer } from './edit-learner';
import type { LearnedEdit } from '../../../shared/folders/learn-edit';
import { parseRules } from '../../../shared/corrections';
import { fileMatches } from '../../../shared/folders/file-matches';

export interface SearchOptions {
  text: string;
  replace: string;
  regex: boolean;
  wholeWord: boolean;
  caseSensitive: boolean;
}

export interface FolderSearch {
  /** What the results are of: a search, or a replace preview (ticks and Apply). */
  mode: 'search' | 'preview';
  /** The search panel's query, or the corrections list. */
  source: 'query' | 'corrections';
  job: string;
  progress: { done: number; total: number } | null;
  result: FolderSearchResult | null;
  /** Unticked matches of a preview, as `fileId:index`. */
  excluded: ReadonlySet<string>;
}

/** The folder's corrections.tsv as edited in the Corrections panel. */
export interface FolderCorrections {
  text: string;
  /** As on disk (null: there is no corrections.tsv yet). */
  saved: string | null;
}

export interface FolderState {
  corrections: FolderCorrections | null;
  /** A correction learned from the user's edit, offered for the folder. */
  offer: EditOffer | null;
  /** The sidebar's tab. */
  tab: 'episodes' | 'search' | 'corrections';
  listing: FolderListing | null;
  stats: ReadonlyMap<string, EpisodeStats>;
  /** The episode opened from the sidebar (for its marks), if it is still the open document. */
  openEpisode: string | null;
  search: FolderSearch | null;
  options: SearchOptions;
  busy: boolean;
}

export const matchKey = (file: string, index: number) => `${file}:${index}`;

export class FolderController {
  readonly state = new Store<FolderState>({
    listing: null, stats: new Map(), openEpisode: null, search: null, busy: false, corrections: null, offer: null, tab: 'episodes',
    options: { text: '', replace: '', regex: false, wholeWord: false, caseSensitive: false },
  });
  private openedKey: string | null = null;
  private readonly learner: EditLearner;

  constructor(private readonly documents: DocumentController, private readonly timeline: CueTimeline, private readonly messages: MessageLog) {
    this.learner = new EditLearner(timeline, (edit, view) => void this.learned(edit, view).catch((e: unknown) => this.messages.error(e)));
  }

  /** Listens for edits to learn from, and for saves of a corrections list; returns the cleanup. */
  start(): () => void {
    const stopLearning = this.learner.start();
    const stopSaves = this.documents.onSaved((saved) => {
      if (saved.kind === 'corrections' && this.current.listing) void this.reloadCorrections().catch((e: unknown) => this.messages.error(e));
    });
    return () => { stopLearning(); stopSaves(); };
  }

  /**
   * Opens the folder's corrections.tsv in the editor as a document (asking about unsaved
   * work first); when there is none yet, the panel's list is saved as it first.
   */
  async openCorrectionsDocument(): Promise<void> {
    await this.loadCorrections();
    if (this.current.corrections?.saved === null) await this.saveCorrections();
    await this.documents.openWith(() => api().invoke('folder:open-corrections', {}));
  }

  /**
   * A corrections list was saved from the editor: the panel takes the folder's
   * corrections.tsv as it is now (unless it holds edits of its own) and, when it shows a
   * preview of the list, previews the saved rules again.
   */
  private async reloadCorrections(): Promise<void> {
    const before = this.current.corrections;
    const file = await api().invoke('folder:corrections-read', {});
    const saved = file?.text ?? null;
    if (!before || saved === before.saved) return;
    if (before.text !== before.saved) { this.patch({ corrections: { ...before, saved } }); return; }
    this.patch({ corrections: { text: saved ?? '', saved } });
    if (this.current.search?.source === 'corrections' && saved !== null) await this.previewCorrections();
  }

  setTab(tab: FolderState['tab']): void {
    this.patch({ tab });
  }

  /** An edit of a word: offer it as a rule, with what it would fix here and in the folder. */
  private async learned(edit: LearnedEdit, view: EditorView): Promise<void> {
    const listing = this.current.listing;
    if (!listing) return;
    const offer = offerFor(edit, view.state.sliceDoc());
    this.patch({ offer });
    const { job } = await api().invoke('folder:corrections', { text: `${offer.line}\n` });
    const status = await followJob(job, () => {});
    if (this.current.offer !== offer || status.status !== 'done') return;
    // The open episode's own files count in "this episode", not in the folder.
    const episode = listing.episodes.find((e) => this.isOpen(e.id));
    const own = new Set(episode?.files.map((f) => f.id));
    const inFolder = status.search?.files.filter((f) => !own.has(f.file)).reduce((n, f) => n + f.matches.length, 0) ?? 0;
    this.patch({ offer: { ...offer, inFolder } });
  }

  dismissOffer(): void {
    this.patch({ offer: null });
  }

  /**
   * Takes the offer: the rule goes into corrections.tsv (saved), the open episode's other
   * matches are fixed in one undoable edit, and the folder gets the rule's preview.
   */
  async acceptOffer(): Promise<void> {
    const offer = this.current.offer;
    const view = this.timeline.editor;
    if (!offer) return;
    this.patch({ offer: null });
    await this.loadCorrections();
    const c = this.current.corrections!;
    this.editCorrections(`${c.text}${c.text === '' || c.text.endsWith('\n') ? '' : '\n'}${offer.line}\n`);
    await this.saveCorrections();
    if (view) {
      const changes = fileMatches(view.state.sliceDoc(), parseRules(offer.line).rules, true, 'vtt').matches.flatMap((m) => (m.change ? [m.change] : []));
      this.learner.quiet = true;
      try {
        if (changes.length) view.dispatch({ changes, userEvent: 'input.replace' });
      } finally {
        this.learner.quiet = false;
      }
    }
    this.patch({ tab: 'corrections' });
    await this.runJob('preview', 'corrections', () => api().invoke('folder:corrections', { text: `${offer.line}\n` }));
  }

  private get current(): FolderState {
    return this.state.get();
  }

  private patch(change: Partial<FolderState>): void {
    this.state.set({ ...this.current, ...change });
  }

  /** File ▸ Open Folder: the native dialog, then the listing and its figures. */
  async openDialog(): Promise<void> {
    const listing = await api().invoke('folder:open-dialog', {});
    if (listing) this.show(listing, true);
  }

  /** The folder named on the command line (or the one open before a reload), if any. */
  async loadCurrent(): Promise<void> {
    const listing = await api().invoke('folder:current', {});
    if (listing) this.show(listing, this.current.listing === null);
  }

  close(): void {
    const job = this.current.search?.job;
    if (job && this.current.search?.progress) void api().invoke('folder:cancel', { job }).catch(() => {});
    this.patch({ listing: null, stats: new Map(), search: null, openEpisode: null, corrections: null });
  }

  private show(listing: FolderListing, fresh: boolean): void {
    this.patch(fresh ? { listing, stats: new Map(), search: null, corrections: null } : { listing });
    if (listing.refused.length) this.messages.add(listing.refused.map((text) => ({ level: 'warning' as const, text })));
    void this.loadStats().catch((e: unknown) => this.messages.error(e));
  }

  private async loadStats(): Promise<void> {
    const { job } = await api().invoke('folder:stats', {});
    const status = await followJob(job, () => {});
    if (status.status === 'done' && status.stats) this.patch({ stats: new Map(status.stats.map((s) => [s.episode, s])) });
  }

  setOptions(change: Partial<SearchOptions>): void {
    this.patch({ options: { ...this.current.options, ...change } });
  }

  /** Search (or preview the replacement) across the folder; a running one is cancelled first. */
  async run(mode: 'search' | 'preview'): Promise<void> {
    const o = this.current.options;
    if (!o.text) return;
    const query = { text: o.text, regex: o.regex, wholeWord: o.wholeWord, caseSensitive: o.caseSensitive, ...(mode === 'preview' ? { replace: o.replace } : {}) };
    await this.runJob(mode, 'query', () => api().invoke('folder:search', { query }));
  }

  /** The folder's corrections.tsv, for the Corrections panel (read once per folder). */
  async loadCorrections(): Promise<void> {
    if (this.current.corrections) return;
    const file = await api().invoke('folder:corrections-read', {});
    this.patch({ corrections: { text: file?.text ?? '', saved: file?.text ?? null } });
  }

  editCorrections(text: string): void {
    this.patch({ corrections: { text, saved: this.current.corrections?.saved ?? null } });
  }

  async saveCorrections(): Promise<void> {
    const c = this.current.corrections;
    if (!c) return;
    const { name } = await api().invoke('folder:corrections-save', { text: c.text });
    this.patch({ corrections: { ...c, saved: c.text } });
    this.messages.add([{ level: 'info', text: `Saved ${name}.` }]);
  }

  /** Every rule of the list as edited, previewed over the folder (matches, near-misses). */
  async previewCorrections(): Promise<void> {
    const text = this.current.corrections?.text;
    if (text === undefined) return;
    await this.runJob('preview', 'corrections', () => api().invoke('folder:corrections', { text }));
  }

  /** Starts a folder job (cancelling a running one) and follows it into `search`. */
  private async runJob(mode: FolderSearch['mode'], source: FolderSearch['source'], start: () => Promise<{ job: string }>): Promise<void> {
    this.cancel();
    let job: string;
    try {
      ({ job } = await start());
    } catch (error) {
      this.messages.add([{ level: 'error', text: error instanceof Error ? error.message.replace(/^Error: /, '') : String(error) }]);
      return;
    }
    this.patch({ search: { mode, source, job, progress: { done: 0, total: 0 }, result: null, excluded: new Set() } });
    const status = await followJob(job, (progress) => {
      if (this.current.search?.job === job) this.patch({ search: { ...this.current.search, progress } });
    });
    const search = this.current.search;
    if (search?.job !== job) return;
    if (status.status === 'done') this.patch({ search: { ...search, progress: null, result: status.search ?? null } });
    else {
      this.patch({ search: status.status === 'canceled' ? null : { ...search, progress: null } });
      if (status.status === 'error') this.messages.add([{ level: 'error', text: status.message }]);
    }
  }

  cancel(): void {
    const search = this.current.search;
    if (search?.progress) void api().invoke('folder:cancel', { job: search.job }).catch(() => {});
  }

  toggle(file: string, index: number): void {
    const search = this.current.search;
    if (!search) return;
    const excluded = new Set(search.excluded);
    const key = matchKey(file, index);
    if (excluded.has(key)) excluded.delete(key);
    else excluded.add(key);
    this.patch({ search: { ...search, excluded } });
  }

  /** Writes the previewed replacements (ticked ones), then lists the folder again. */
  async apply(): Promise<FolderApplyResult | null> {
    const search = this.current.search;
    if (search?.mode !== 'preview' || !search.result) return null;
    const exclude = [...search.excluded].map((k) => { const [file, index] = k.split(':'); return { file: file!, index: Number(index) }; });
    const doc = this.documents.current;
    this.patch({ busy: true });
    try {
      const result = await api().invoke('folder:apply', { job: search.job, exclude, ...(doc.dirty && doc.transcript ? { unsaved: doc.transcript.id } : {}) });
      const count = `${result.replacements} replacement${result.replacements === 1 ? '' : 's'} in ${result.written.length} file${result.written.length === 1 ? '' : 's'}`;
      this.patch({ search: null });
      // The open episode, unedited, shows what is now on disk.
      const open = this.current.openEpisode;
      const episode = this.current.listing?.episodes.find((e) => e.id === open);
      if (episode && !doc.dirty && this.documents.current.transcript?.key === this.openedKey && episode.files.some((f) => result.written.includes(f.name))) await this.documents.reload();
      // After the reload: messages belong to the document shown, and a reload starts its list anew.
      this.messages.add([{ level: 'info', text: `Replaced: ${count}${result.written.length ? ` (${result.written.join(', ')})` : ''}.` }, ...result.skipped.map((text) => ({ level: 'warning' as const, text }))]);
      await this.loadCurrent();
      return result;
    } finally {
      this.patch({ busy: false });
    }
  }

  /** Opens an episode (asking about unsaved work first), at `match` when given. */
  async openEpisode(episode: string, match?: { kind: string; match: FolderMatch }): Promise<void> {
    let opened = false;
    const before = this.timeline.editor;
    await this.documents.openWith(async () => {
      opened = true;
      return api().invoke('folder:open-episode', { episode });
    });
    const transcript = this.documents.current.transcript;
    if (!opened || !transcript) return;
    this.openedKey = transcript.key;
    this.patch({ openEpisode: episode });
    const view = await editorAfter(this.timeline, this.documents, before, transcript.key);
    if (!view || !match) return;
    const m = match.match;
    if (match.kind === 'vtt') {
      // Offsets are the file's; CodeMirror counts a CRLF as one character.
      const at = m.offset - (transcript.text.slice(0, m.offset).match(/\r\n/g)?.length ?? 0);
      jumpTo(view, EditorSelection.range(at, at + (m.contextTo - m.contextFrom)), 'select.search');
    } else if (m.time !== null) this.timeline.selectTime(m.time);
    view.focus();
  }

  /** Whether the open document is still the episode opened from the sidebar. */
  isOpen(episode: string): boolean {
    return this.current.openEpisode === episode && this.documents.current.transcript?.key === this.openedKey;
  }

}
