/**
 * Electron main process: a thin shell. It wires Electron's window, protocol, dialogs and
 * menu to the plain Node services in ./services, which hold all the logic. The shell
 * itself is tested too, against a recording fake of the `electron` module
 * (electron/main.test.ts), since the real binary cannot run everywhere.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { appChannels } from '../shared/ipc/channels';
import type { MenuCommand } from '../shared/ipc/contract';
import { isAppPageUrl } from '../shared/security/sender';
import type { EditorActionId } from '../shared/editor-actions';
import { createAppRequestHandler } from './services/app-protocol';
import { IpcRouter } from './services/ipc-router';
import { launchPaths } from './services/launch-args';
import { MediaRegistry } from './services/media-registry';
import { menuTemplate } from './services/menu-template';
import { PathGuard } from './services/path-guard';
import { RecentFiles } from './services/recent-files';
import { RecoveryJournal } from './services/recovery-journal';
import { Session, type DialogPort } from './services/session';
import { SettingsStore } from './services/settings-store';
import type { AppSettings } from '../shared/settings';

const APP_ORIGIN = 'app://cueline';
const log = (message: string) => console.warn(`[cueline] ${message}`);

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

// One instance: a second launch hands its files to the first (see 'second-instance').
if (!app.requestSingleInstanceLock()) app.quit();
else startShell();

function startShell(): void {
  let mainWindow: BrowserWindow | null = null;
  /** Opens files named from outside the window once the app is ready (second launch, macOS open-file). */
  let openFromOutside: (paths: string[]) => void = (paths) => pendingPaths.push(...paths);
  const pendingPaths: string[] = [];

  // macOS: files dropped on the Dock icon or opened from Finder, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOutside([path]);
  });

  // A second launch (file association, command line) hands its files to this instance.
  app.on('second-instance', (_event, argv, cwd) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const paths = launchPaths(argv, { packaged: app.isPackaged, cwd });
    if (paths.length) openFromOutside(paths);
  });

  app.on('web-contents-created', (_event, contents) => denyEscapes(contents));
  app.on('window-all-closed', () => app.quit());

  const dialogs: DialogPort = {
    async chooseOpen(kind) {
      const filters =
        kind === 'audio'
          ? [{ name: 'Audio', extensions: ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'opus', 'flac'] }]
          : [{ name: 'Transcripts', extensions: ['vtt', 'srt', 'txt'] }, { name: 'All files', extensions: ['*'] }];
      const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSave(suggestedName) {
      const result = await dialog.showSaveDialog(mainWindow!, { defaultPath: suggestedName });
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseFolder() {
      const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };

  void app.whenReady().then(() => {
    const userData = app.getPath('userData');
    const media = new MediaRegistry();
    const journal = new RecoveryJournal(join(userData, 'recovery'), { log });
    const settings = new SettingsStore(userData, log);
    const cueSession = new Session({
      guard: new PathGuard(log),
      media,
      dialogs,
      launchPaths: [...launchPaths(process.argv, { packaged: app.isPackaged, cwd: process.cwd() }), ...pendingPaths],
      recent: new RecentFiles(userData, log),
      onOpened: (path) => app.addRecentDocument(path),
      demoDir: app.isPackaged ? join(process.resourcesPath, 'demo') : join(app.getAppPath(), 'resources', 'demo'),
      mediaBase: APP_ORIGIN,
      peaksCacheDir: userData,
      window: {
        setEdited: (edited) => mainWindow?.setDocumentEdited(edited),
        close: () => mainWindow?.close(),
      },
      settings,
      journal,
      log,
    });
    const router = new IpcRouter(cueSession.handlers(), { isTrustedSender: (url) => isAppPageUrl(url, APP_ORIGIN), log });

    protocol.handle('app', createAppRequestHandler({ rendererDir: join(__dirname, '..', 'renderer'), media }));
    // No remote content, no permissions (camera, notifications, ...) for the page.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
      if (!allowed) log(`blocked request to ${details.url}`);
      callback({ cancel: !allowed });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

    for (const channel of appChannels) {
      ipcMain.handle(channel, (event, payload) => {
        if (!mainWindow || event.sender !== mainWindow.webContents) {
          log(`refused ${channel} from a foreign webContents`);
          return { ok: false, error: 'untrusted sender' };
        }
        return router.handle(channel, payload, event.senderFrame?.url ?? '');
      });
    }

    cueSession.onEvent = (event, payload) => mainWindow?.webContents.send(event, payload);
    openFromOutside = (paths) => {
      void cueSession.openPaths(paths).then((opened) => mainWindow?.webContents.send('session:opened', opened), (error: unknown) => log(String(error)));
    };
    const send = (command: MenuCommand) => mainWindow?.webContents.send('menu:command', command);
    const runAction = (id: EditorActionId) => mainWindow?.webContents.send('menu:action', id);
    // View ▸ Transcript View is checked as the saved choice says (the page saves each toggle).
    let transcriptView = true;
    // View ▸ Speaker Lane likewise (hidden unless chosen).
    let speakerLane = false;
    // Timing ▸ Align to Audio… is greyed until the page says audio is open.
    let audioOpen = false;
    const buildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ send, runAction, platform: process.platform, isChecked: (check) => (check === 'speaker-lane' ? speakerLane : transcriptView), hasAudio: () => audioOpen })));
    cueSession.onAudioState = (open) => {
      if (open === audioOpen) return;
      audioOpen = open;
      buildMenu();
    };
    const followSettings = (s: AppSettings) => {
      const lane = s.waveform.speakerLane ?? false;
      if ((s.editor.view !== 'raw') === transcriptView && lane === speakerLane) return;
      transcriptView = s.editor.view !== 'raw';
      speakerLane = lane;
      buildMenu();
    };
    buildMenu();
    settings.onChange(followSettings);
    void settings.get().then(followSettings, (error: unknown) => log(String(error)));

    mainWindow = new BrowserWindow({
      width: 1280,
      height: 820,
      title: 'Cueline',
      show: false,
      webPreferences: {
        // Reviewed: the preload exposes only the typed IPC contract table through
        // contextBridge (electron/preload.ts), in a sandboxed, context-isolated page.
        preload: join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: true,
        // Middle-click would open links in a new window outside our handlers.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const window = mainWindow;
    window.once('ready-to-show', () => window.show());
    // Closing with unsaved work: the renderer asks (Save / Don't Save / Cancel) and calls
    // window:close when settled; the close is cancelled until then.
    window.on('close', (event) => {
      if (cueSession.closeConfirmed || !cueSession.hasUnsavedWork()) return;
      event.preventDefault();
      window.webContents.send('window:close-requested', {});
    });
    window.on('closed', () => {
      void journal.close();
      cueSession.dispose();
      mainWindow = null;
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  });
}

/** The page may not leave the app: no navigation, redirects, new windows or webviews. */
function denyEscapes(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
