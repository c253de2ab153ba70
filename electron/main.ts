/**
 * Electron main process: a thin shell. It wires Electron's window, protocol, dialogs and
 * menu to the plain Node services in ./services, which hold all the logic and are
 * tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { invokeChannels, type MenuCommand } from '../shared/ipc/contract';
import { isAppPageUrl } from '../shared/security/sender';
import { createAppRequestHandler } from './services/app-protocol';
import { IpcRouter } from './services/ipc-router';
import { SettingsStore } from './services/settings-store';
import { RecoveryJournal } from './services/recovery-journal';
import { RecentFiles } from './services/recent-files';
import { EDITOR_ACTION_INFO, type EditorActionGroup, type EditorActionId } from '../shared/editor-actions';
import { launchPaths } from './services/launch-args';
import { MediaRegistry } from './services/media-registry';
import { PathGuard } from './services/path-guard';
import { Session, type DialogPort } from './services/session';

const APP_ORIGIN = 'app://cueline';
const log = (message: string) => console.warn(`[cueline] ${message}`);

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
/** Opens files named from outside the window once the app is ready (second launch, macOS open-file). */
let openFromOutside: (paths: string[]) => void = (paths) => pendingPaths.push(...paths);
const pendingPaths: string[] = [];

// macOS: files dropped on the Dock icon or opened from Finder, possibly before ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  openFromOutside([path]);
});

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
};

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  const guard = new PathGuard(log);
  const media = new MediaRegistry();
  const demoDir = app.isPackaged ? join(process.resourcesPath, 'demo') : join(app.getAppPath(), 'resources', 'demo');
  const journal = new RecoveryJournal(join(app.getPath('userData'), 'recovery'), { log });
  const recent = new RecentFiles(app.getPath('userData'), log);
  const cueSession = new Session({
    guard,
    media,
    dialogs,
    launchPaths: [...launchPaths(process.argv, { packaged: app.isPackaged, cwd: process.cwd() }), ...pendingPaths],
    recent,
    onOpened: (path) => app.addRecentDocument(path),
    demoDir,
    mediaBase: APP_ORIGIN,
    peaksCacheDir: app.getPath('userData'),
    window: {
      setEdited: (edited) => mainWindow?.setDocumentEdited(edited),
      close: () => mainWindow?.close(),
    },
    settings: new SettingsStore(app.getPath('userData'), log),
    journal,
    log,
  });
  const router = new IpcRouter(cueSession.handlers(), {
    isTrustedSender: (url) => isAppPageUrl(url, APP_ORIGIN),
    log,
  });

  protocol.handle('app', createAppRequestHandler({ rendererDir: join(__dirname, '..', 'renderer'), media }));
  // No remote content, no permissions (camera, notifications, ...) for the page.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
    if (!allowed) log(`blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  for (const channel of invokeChannels) {
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
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, runAction)));

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
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // Closing with unsaved work: the renderer asks (Save / Don't Save / Cancel) and calls
  // window:close when settled; the close is cancelled until then.
  mainWindow.on('close', (event) => {
    if (cueSession.closeConfirmed || !cueSession.hasUnsavedWork()) return;
    event.preventDefault();
    mainWindow?.webContents.send('window:close-requested', {});
  });
  mainWindow.on('closed', () => {
    void journal.close();
    cueSession.dispose();
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
});

// A second launch (file association, command line) hands its files to this instance.
app.on('second-instance', (_event, argv, cwd) => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
  const paths = launchPaths(argv, { packaged: app.isPackaged, cwd });
  if (paths.length) openFromOutside(paths);
});

app.on('window-all-closed', () => app.quit());

function menuTemplate(send: (command: MenuCommand) => void, runAction: (id: EditorActionId) => void): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  // Keys are the renderer's (rebindable) keymap; menu items carry no accelerators so
  // the two never fight over a key.
  const actions = (group: EditorActionGroup): MenuItemConstructorOptions[] =>
    EDITOR_ACTION_INFO.filter((a) => a.group === group).map((a) => ({ label: a.label, click: () => runAction(a.id) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open-transcript') },
        { label: 'Open Audio…', click: () => send('open-audio') },
        { label: 'Open Recent…', click: () => send('open-recent') },
        ...(isMac ? [{ role: 'recentDocuments' as const, submenu: [{ role: 'clearRecentDocuments' as const }] }] : []),
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('save-as') },
        {
          label: 'Export',
          submenu: [
            { label: 'WebVTT…', click: () => send('export-vtt') },
            { label: 'SubRip (SRT)…', click: () => send('export-srt') },
            { label: 'TXT (HH:MM:SS lines)…', click: () => send('export-txt-talkpython') },
            { label: 'TXT (speaker paragraphs)…', click: () => send('export-txt-paragraphs') },
            { label: 'TXT (plain text)…', click: () => send('export-txt-plain') },
            { type: 'separator' },
            { label: 'TXT + VTT…', click: () => send('export-pair') },
          ],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { type: 'separator' },
        { label: 'Clean and Correct…', click: () => send('clean-correct') },
      ],
    },
    { role: 'viewMenu' },
    { label: 'Timing', submenu: actions('Timing') },
    { label: 'Cues', submenu: [...actions('Cues'), { type: 'separator' }, ...actions('Navigation')] },
    { label: 'Playback', submenu: actions('Playback') },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts', click: () => send('shortcuts') }],
    },
  ];
}
