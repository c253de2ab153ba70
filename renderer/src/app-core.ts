/**
 * The app's parts, made once per window and shared by every view (see App.tsx for how
 * each is used): the player, the editor↔waveform timeline, the follow-playback toggle,
 * the editor status, messages, the document controller, settings and the open dialog.
 * `runAction` runs an editor action by id (keys, native menu, in-page menu and buttons
 * all go through it); `runCommand` runs a menu command.
 */
import type { MenuCommand } from '../../shared/ipc/contract';
import type { EditorActionId } from '../../shared/editor-actions';
import { DEFAULT_AUTO_REWIND, DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { api } from './api';
import { ACTIONS_BY_ID } from './editor/actions';
import { textWithWordTimestamps } from './editor/word-times';
import { CueTimeline } from './editor/cue-timeline';
import { NO_STATUS, type EditorStatus } from './editor/editor-status';
import { FollowPlayback } from './editor/follow-playback';
import { DocumentController } from './document/document-controller';
import { MessageLog } from './document/messages';
import { FolderController } from './folder/folder-controller';
import type { RecoveryList } from './RecoveryDialog';
import { Player } from './playback/player';
import { syncPlaybackPreferences } from './playback/playback-preferences';
import { syncViewModePreference, toggleViewMode } from './transcript-view';
import { Store } from './store';
import { speakerLaneShown, withSpeakerLane } from './waveform/speaker-lane';

export type OpenDialog =
  | { kind: 'shortcuts' }
  | { kind: 'recent'; items: { name: string; folder: string }[] }
  | { kind: 'clean'; corrections: { name: string; text: string } | null }
  | { kind: 'align' };

export class AppCore {
  readonly player = new Player();
  readonly timeline = new CueTimeline();
  readonly follow = new FollowPlayback();
  readonly status = new Store<EditorStatus>(NO_STATUS);
  readonly messages = new MessageLog();
  readonly documents = new DocumentController(this.timeline, this.player, this.messages);
  /** File ▸ Open Folder: the episodes folder, its search and replace (folder/folder-controller.ts). */
  readonly folder = new FolderController(this.documents, this.timeline, this.messages);
  readonly settings = new Store<AppSettings>(DEFAULT_SETTINGS);
  readonly dialog = new Store<OpenDialog | null>(null);
  readonly recovery = new Store<RecoveryList | null>(null);

  readonly fail = (error: unknown): void => this.messages.error(error);

  /** Runs an editor action on the open editor (returns whether it did anything). */
  readonly runAction = (id: EditorActionId): boolean => {
    const view = this.timeline.editor;
    const action = ACTIONS_BY_ID.get(id);
    if (!view || !action) return false;
    const done = action.run(view);
    view.focus();
    return done;
  };

  readonly runCommand = (command: MenuCommand): void => {
    const d = this.documents;
    const t = d.current.transcript;
    const run = (p: Promise<unknown>) => void p.catch(this.fail);
    switch (command) {
      case 'export-vtt': return run(d.exportAs('vtt'));
      case 'export-vtt-words': {
        const view = this.timeline.editor;
        return view ? run(d.exportAs('vtt', undefined, textWithWordTimestamps(view.state))) : undefined;
      }
      case 'align-audio':
        // The native menu cannot see the audio: say what is missing instead of opening nothing.
        if (!d.current.audio) return void this.messages.add([{ level: 'info', text: 'Align to Audio needs the episode\'s audio: open it first (File ▸ Open Audio…).' }]);
        return t ? this.dialog.set({ kind: 'align' }) : undefined;
      case 'export-srt': return run(d.exportAs('srt'));
      case 'export-txt-talkpython': return run(d.exportAs('txt', 'talkpython'));
      case 'export-txt-paragraphs': return run(d.exportAs('txt', 'paragraphs'));
      case 'export-txt-speakers': return run(d.exportAs('txt', 'speakers'));
      case 'export-txt-plain': return run(d.exportAs('txt', 'plain'));
      case 'export-pair': return run(d.exportPair());
      // Never replace unsaved work silently: ask first (Save / Don't Save / Cancel).
      case 'open-transcript': return run(d.openWith(() => api().invoke('session:open-dialog', { kind: 'transcript' })));
      case 'open-folder': return run(this.folder.openDialog());
      case 'open-audio': return run(api().invoke('session:open-dialog', { kind: 'audio' }).then((s) => d.applySession(s)));
      case 'save': return run(d.save(false));
      case 'save-as': return run(d.save(true));
      case 'play-pause': this.runAction('play-pause'); return;
      case 'shortcuts': return this.dialog.set({ kind: 'shortcuts' });
      case 'toggle-transcript-view': {
        const view = this.timeline.editor;
        if (view) { toggleViewMode(view); view.focus(); }
        return;
      }
      case 'toggle-speaker-lane': {
        const s = this.settings.get();
        return this.changeSettings(withSpeakerLane(s, !speakerLaneShown(s)));
      }
      case 'open-recent': return run(api().invoke('recent:list', {}).then((items) => this.dialog.set({ kind: 'recent', items })));
      case 'clean-correct':
        if (t) run(api().invoke('corrections:load', { id: t.id }).then((corrections) => this.dialog.set({ kind: 'clean', corrections })));
    }
  };

  changeSettings = (next: AppSettings): void => {
    this.applySettings(next);
    api().invoke('settings:set', next).then((s) => this.applySettings(s), this.fail);
  };

  private applySettings(next: AppSettings): void {
    this.settings.set(next);
    this.player.autoRewind = next.playback.autoRewind ?? DEFAULT_AUTO_REWIND;
    if (next.playback.rate) this.player.setRate(next.playback.rate);
  }

  /** Loads settings and the first documents, and listens to the main process. Returns the cleanup. */
  start(): () => void {
    // The playback choices follow the settings once they are loaded (never saving the defaults over them).
    let stopPreferences = () => {};
    let stopped = false;
    api().invoke('settings:get', {}).then((s) => {
      this.applySettings(s);
      if (stopped) return;
      const stopPlayback = syncPlaybackPreferences({ follow: this.follow, settings: this.settings, save: this.changeSettings });
      const stopView = syncViewModePreference({ settings: this.settings, save: this.changeSettings, editor: () => this.timeline.editor });
      stopPreferences = () => { stopPlayback(); stopView(); };
    }, this.fail);
    // Marks read by `npm run bench` (open -> editor interactive).
    performance.mark('cueline:open-start');
    api().invoke('session:initial', {}).then((s) => this.documents.applySession(s), this.fail)
      .then(() => this.folder.loadCurrent().catch(this.fail))
      .then(() => api().invoke('recovery:list', {}))
      .then((list) => { if (list && (list.documents.length || list.problems.length)) this.recovery.set(list); }, this.fail);
    const d = this.documents;
    const offs = [
      () => { stopped = true; stopPreferences(); },
      api().on('menu:command', this.runCommand),
      api().on('menu:action', (id) => { this.runAction(id); }),
      api().on('document:external-change', (change) => d.noteExternalChange(change)),
      // Files from outside the window (second launch, macOS open-file).
      api().on('session:opened', (session) => { d.openWith(async () => session).catch(this.fail); }),
      api().on('window:close-requested', () => { d.close().catch(this.fail); }),
    ];
    return () => offs.forEach((off) => off());
  }

  async recover(key: string): Promise<void> {
    if (!(await this.documents.confirmDiscard())) return;
    this.documents.applySession(await api().invoke('recovery:restore', { key }));
    this.dropRecovery(key);
  }

  async discardRecovery(key: string): Promise<void> {
    await api().invoke('recovery:discard', { key });
    this.dropRecovery(key);
  }

  private dropRecovery(key: string): void {
    this.recovery.update((r) => (r && r.documents.length > 1 ? { ...r, documents: r.documents.filter((x) => x.key !== key) } : null));
  }
}
