/**
 * What a window has open, and the IPC handlers that act on it: a document store, and one
 * handler table per feature (opening, writing, recovery, audio, alignment, settings, the window),
 * combined into the contract's full table. Plain Node: Electron (dialogs, windows)
 * reaches it only through the ports it is given, so the same code runs under Electron,
 * in the preview server and in tests.
 */
import { dirname, join } from 'node:path';
import type { EventChannel, EventOf, OpenedSession } from '../../shared/ipc/contract';
import type { IpcHandlers } from './ipc-router';
import { DocumentOpener, type DialogPort, type PathOrigin } from './document-open';
import { DocumentWriter } from './document-save';
import { DocumentStore } from './document-store';
import type { MediaRegistry } from './media-registry';
import type { PathGuard } from './path-guard';
import type { RecentFiles } from './recent-files';
import type { RecoveryJournal } from './recovery-journal';
import { SessionRecovery } from './session-recovery';
import { SessionPeaks } from './audio/session-peaks';
import { createAlignHandlers } from './align/align-handlers';
import { AlignService } from './align/align-service';
import { SettingsStore } from './settings-store';
import { readTranscriptFile } from './transcript-file';
import { resolveRegularFile } from './user-file';
import { createFolderHandlers } from './folders/folder-handlers';
import { FolderService, splitLaunchPaths } from './folders/folder-service';

export type { DialogPort } from './document-open';

/** What documents do to their window: the edited mark (macOS) and closing once work is settled. */
export interface WindowPort {
  setEdited(edited: boolean): void;
  close(): void;
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
  /** The in-app Open Recent list (also the record of opened files); `onOpened` also tells the OS. */
  recent?: RecentFiles;
  onOpened?(path: string): void;
  log(message: string): void;
}

const CORRECTIONS_FILE = 'corrections.tsv';

export class Session {
  readonly store: DocumentStore;
  readonly opener: DocumentOpener;
  readonly writer: DocumentWriter;
  readonly recovery: SessionRecovery;
  private readonly peaks: SessionPeaks;
  private readonly align = new AlignService();
  private readonly settings: SettingsStore;
  /** File ▸ Open Folder: the episodes folder, its search and replace jobs. */
  readonly folders: FolderService;
  /** Set once the renderer has settled unsaved work for a close. */
  closeConfirmed = false;
  /** Delivers main-process events to the window (Electron: webContents.send; tests: the page). */
  onEvent: <E extends EventChannel>(event: E, payload: EventOf<E>) => void = () => {};
  /** The page opened or closed its audio (the native menu greys what needs it). */
  onAudioState: (open: boolean) => void = () => {};

  constructor(private readonly options: SessionOptions) {
    this.settings = options.settings ?? new SettingsStore(null, options.log);
    this.store = new DocumentStore(() => this.onEvent, options.log);
    this.peaks = new SessionPeaks({ cacheDir: options.peaksCacheDir ? join(options.peaksCacheDir, 'peaks-cache') : null, log: options.log });
    // A folder on the command line opens as the episodes folder, not as a document.
    const launch = splitLaunchPaths(options.launchPaths);
    this.opener = new DocumentOpener({ ...options, launchPaths: launch.files, store: this.store, peaks: this.peaks });
    this.folders = new FolderService({
      store: this.store,
      chooseFolder: () => options.dialogs.chooseFolder?.() ?? Promise.resolve(null),
      openPaths: (paths) => this.opener.openPaths(paths),
      launchFolder: launch.folder,
      qaSettings: async () => { const s = await this.settings.get(); return { profile: s.qaProfile, qa: s.qa }; },
      log: options.log,
    });
    this.recovery = new SessionRecovery({ ...options, store: this.store, opener: this.opener });
    this.writer = new DocumentWriter({ ...options, store: this.store, saved: (doc) => this.recovery.forget(doc) });
  }

  /** Stops background work (peaks decoding, file watches); call when the window closes. */
  dispose(): void {
    this.store.dispose();
    this.peaks.dispose();
    this.align.closeAll();
    this.folders.dispose();
  }

  handlers(): IpcHandlers {
    return {
      ...this.opener.handlers(),
      ...this.writer.handlers(),
      ...this.recovery.handlers(),
      ...this.audioHandlers(),
      ...this.windowHandlers(),
      // Timing ▸ Align to Audio: jobs in worker threads, audio named by its media token.
      ...createAlignHandlers({ resolveMedia: (token) => this.options.media.resolve(token), service: this.align }),
      ...createFolderHandlers(this.folders),
      'corrections:load': ({ id }) => this.loadCorrections(id),
      'settings:get': () => this.settings.get(),
      'settings:set': (settings) => this.settings.set(settings),
    };
  }

  private audioHandlers(): Pick<IpcHandlers, 'audio:peaks' | 'audio:peaks-store' | 'audio:overview'> {
    return {
      'audio:peaks': ({ media, from }) => this.peaks.read(media, from),
      'audio:peaks-store': async (request) => {
        const path = this.options.media.resolve(request.media);
        return { stored: path ? await this.peaks.storeFromPage(path, request, this.options.log) : false };
      },
      'audio:overview': async ({ media }) => this.peaks.overview(media),
    };
  }

  private windowHandlers(): Pick<IpcHandlers, 'document:state' | 'window:audio-state' | 'window:close'> {
    return {
      'window:audio-state': async ({ open }) => {
        this.onAudioState(open);
        return {};
      },
      'document:state': async ({ id, dirty }) => {
        this.store.setDirty(id, dirty);
        this.options.window?.setEdited(this.store.hasUnsavedWork());
        return {};
      },
      'window:close': async () => {
        this.closeConfirmed = true;
        this.options.window?.close();
        return {};
      },
    };
  }

  /** Opens files named from outside the page (argv, second launch, open-file, tests). */
  openPaths(paths: readonly string[], origin?: PathOrigin): Promise<OpenedSession> {
    return this.opener.openPaths(paths, origin);
  }

  /** Whether any open document has changes not on disk (the close prompt asks then). */
  hasUnsavedWork(): boolean {
    return this.store.hasUnsavedWork();
  }

  /**
   * The corrections list kept beside the transcripts: `corrections.tsv` in the
   * document's folder, else in its parent (a repo with one folder per season). Read
   * only from there, never from a path the renderer names.
   */
  async loadCorrections(id: string): Promise<{ name: string; text: string } | null> {
    const doc = this.store.require(id);
    for (const folder of [doc.folder, dirname(doc.folder)]) {
      // Like every file: really in that folder (no symlink out of it) and a regular file.
      const resolved = await resolveRegularFile(join(folder, CORRECTIONS_FILE), { folder });
      if (!resolved.ok) continue;
      const path = resolved.real;
      const read = await readTranscriptFile(path);
      if (read.ok) {
        this.options.log(`read ${path} (corrections beside ${doc.suggestedName})`);
        return { name: folder === doc.folder ? CORRECTIONS_FILE : `../${CORRECTIONS_FILE}`, text: read.text };
      }
    }
    return null;
  }
}
