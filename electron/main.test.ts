/**
 * The Electron shell (electron/main.ts), run against a recording fake of the `electron`
 * module: the real module is never loaded (vi.mock below replaces it before main.ts
 * imports it), so this runs where Electron's binary cannot be downloaded. It checks what
 * the shell asks of Electron (window, protocol, IPC, menu, single instance, the close
 * flow) with real files in temp folders behind it.
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EDITOR_ACTION_INFO } from '../shared/editor-actions';
import { appChannels } from '../shared/ipc/channels';
import { menuCommand } from '../shared/ipc/contract';
import { MENUS, type MenuEntry } from '../shared/ipc/menus';
import { contentSecurityPolicy } from '../shared/security/csp';
import { fakeEvent, FakeElectron, useFake, type FakeOptions } from './services/testing/fake-electron';

// The real electron module is never loaded: every import of it gets the current fake.
vi.mock('electron', async () => (await import('./services/testing/fake-electron')).forwardingModule());

const ROOT = join(__dirname, '..');
const DEMO = join(ROOT, 'resources', 'demo');
const argv = process.argv;
let starts = 0;
const booted: FakeElectron[] = [];
afterEach(() => {
  process.argv = argv;
  // Each shell's window goes, so its services stop (peaks workers, file watches, journal).
  for (const fake of booted.splice(0)) for (const w of fake.windows) if (!w.destroyed) w.emit('closed');
});

/** Loads a fresh copy of main.ts against a new fake, as Electron would start it with `files` on the command line. */
async function boot(files: string[], options: Partial<FakeOptions> = {}, { ready = true } = {}) {
  const userData = await mkdtemp(join(tmpdir(), 'cueline-shell-data-'));
  const fake = useFake(new FakeElectron({ userData, appPath: ROOT, ...options }));
  booted.push(fake);
  process.argv = ['electron', '.', '--', ...files];
  // A new query is a new module instance: main.ts runs from the top, as at each app start.
  await import(/* @vite-ignore */ `./main.ts?start=${++starts}`);
  if (ready) await fake.ready();
  return fake;
}

async function episode() {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-shell-'));
  for (const name of ['demo.vtt', 'demo.mp3']) await copyFile(join(DEMO, name), join(dir, name));
  await copyFile(join(DEMO, 'demo.vtt'), join(dir, 'second.vtt'));
  return dir;
}

type Opened = { ok: true; value: { transcript: { id: string; name: string } | null; audio: { name: string } | null } };

describe('Electron shell (main.ts against a fake electron module)', () => {
  it('opens one sandboxed, context-isolated window on the app page, with the preload and spellcheck', async () => {
    const fake = await boot([]);
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      preload: join(ROOT, 'electron', 'preload.cjs'),
    });
    expect(window!.url).toBe('app://cueline/index.html');
    expect(window!.shown).toBe(true);
  });

  it('registers a handler for every invoke channel of the contract (alignment included), checking sender and frame URL', async () => {
    const dir = await episode();
    const fake = await boot([join(dir, 'demo.vtt')]);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...appChannels].sort());
    expect(appChannels).toEqual(expect.arrayContaining(['session:initial', 'document:save', 'align:start', 'align:status', 'align:cancel']));
    const opened = (await fake.invoke('session:initial', {})) as Opened;
    expect(opened.ok).toBe(true);
    expect(opened.value.transcript?.name).toBe('demo.vtt');
    expect(opened.value.audio?.name).toBe('demo.mp3');
    // A look-alike URL of the same origin, and another webContents, are refused.
    expect(await fake.invoke('session:initial', {}, { url: 'app://cueline/index.htmlx' })).toMatchObject({ ok: false, error: expect.stringContaining('untrusted sender') });
    expect(await fake.invoke('session:initial', {}, { sender: {} })).toEqual({ ok: false, error: 'untrusted sender' });
    expect(await fake.invoke('session:open-dialog', { kind: 'transcript', path: '/etc/passwd' })).toMatchObject({ ok: false, error: expect.stringContaining('invalid payload') });
  });

  it('makes app:// a privileged standard scheme before ready, serving the page with the CSP header and 400 for bad encoding', async () => {
    const fake = await boot([], {}, { ready: false });
    expect(fake.calls[0]).toEqual(['protocol.registerSchemesAsPrivileged', [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]]);
    expect(fake.protocolHandlers.size).toBe(0);
    await fake.ready();
    const handler = fake.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://cueline/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header'));
    expect((await handler(new Request('app://cueline/%E0%A4%A'))).status).toBe(400);
  });

  it('denies navigation, redirects, new windows, webviews, remote requests and permissions', async () => {
    const fake = await boot([]);
    const contents = fake.windows[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://example.com/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    const cancel = (url: string) => { let answer: boolean | null = null; fake.beforeRequest!({ url }, (r) => { answer = r.cancel; }); return answer; };
    expect(cancel('https://example.com/tracker.js')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('app://cueline/assets/index.js')).toBe(false);
    let granted: boolean | null = null;
    fake.permissionHandler!(contents, 'media', (g) => { granted = g; });
    expect(granted).toBe(false);
  });

  it('keeps one instance: a second launch quits, and its files (argv, open-file) open in the first window', async () => {
    const second = await boot([], { singleInstance: false });
    expect(second.calls.map((c) => c[0])).toEqual(['protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock', 'app.quit']);
    expect(second.windows).toHaveLength(0);

    const dir = await episode();
    // macOS open-file before ready: the file is what the window starts on.
    const fake = await boot([], {}, { ready: false });
    const early = fakeEvent();
    fake.app.emit('open-file', early, join(dir, 'demo.vtt'));
    expect(early.defaultPrevented).toBe(true);
    await fake.ready();
    expect(((await fake.invoke('session:initial', {})) as Opened).value.transcript?.name).toBe('demo.vtt');

    const contents = fake.windows[0]!.webContents;
    const openedNames = () => contents.sent.filter(([c]) => c === 'session:opened').map(([, p]) => (p as Opened['value']).transcript?.name);
    fake.windows[0]!.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['/usr/bin/electron', '.', '--', 'second.vtt'], dir);
    await vi.waitFor(() => expect(openedNames()).toEqual(['second.vtt']));
    expect(fake.windows[0]!.minimized).toBe(false);
    expect(fake.windows[0]!.focused).toBe(1);
    fake.app.emit('open-file', fakeEvent(), join(dir, 'demo.vtt'));
    await vi.waitFor(() => expect(openedNames()).toEqual(['second.vtt', 'demo.vtt']));
  });

  it('builds the menu from the action table: every editor action and every menu command is reachable', async () => {
    const fake = await boot([]);
    type Item = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: Item[] };
    const items: Item[] = [];
    const walk = (list: Item[]) => { for (const item of list) { items.push(item); if (item.submenu) walk(item.submenu); } };
    walk(fake.menuTemplate as Item[]);
    expect(fake.calls.some(([c]) => c === 'Menu.setApplicationMenu')).toBe(true);
    const contents = fake.windows[0]!.webContents;
    for (const item of items) item.click?.();
    const sent = (channel: string) => contents.sent.filter(([c]) => c === channel).map(([, p]) => p);
    expect(new Set(sent('menu:action'))).toEqual(new Set(EDITOR_ACTION_INFO.map((a) => a.id)));
    // Every command but play-pause (an editor action too) is in the menu.
    expect(new Set(sent('menu:command'))).toEqual(new Set(menuCommand.options.filter((c) => c !== 'play-pause')));
    // Editor actions carry no accelerator: their keys belong to the renderer's rebindable keymap.
    const actionLabels = new Set<string>(EDITOR_ACTION_INFO.map((a) => a.label));
    expect(items.filter((i) => i.label && actionLabels.has(i.label) && i.accelerator)).toEqual([]);
    // The same table as the in-page menu bar: every command and action it offers is here.
    const shared: unknown[] = [];
    const walkShared = (entries: readonly MenuEntry[]) => {
      for (const e of entries) if (e !== 'separator') { if (e.run && !('edit' in e.run)) shared.push('command' in e.run ? e.run.command : e.run.action); walkShared(e.items ?? []); }
    };
    for (const m of MENUS) walkShared(m.items);
    expect(new Set([...sent('menu:command'), ...sent('menu:action')])).toEqual(new Set(shared));
    expect(items.find((i) => i.label === 'Save As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(items.filter((i) => i.role).map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
    const top = (fake.menuTemplate as Item[]).map((i) => i.label ?? i.role);
    expect(top).toEqual(expect.arrayContaining(['File', 'editMenu', 'Timing', 'Cues', 'Playback', 'help']));
  });

  it('greys Timing ▸ Align to Audio… until the page says audio is open, and again when it closes', async () => {
    const fake = await boot([]);
    type Item = { label?: string; enabled?: boolean; submenu?: Item[] };
    const alignItem = () => ((fake.menuTemplate as Item[]).find((m) => m.label === 'Timing')!.submenu!).find((i) => i.label === 'Align to Audio…')!;
    expect(alignItem().enabled).toBe(false);
    expect(await fake.invoke('window:audio-state', { open: true })).toEqual({ ok: true, value: {} });
    expect(alignItem().enabled).toBe(true);
    await fake.invoke('window:audio-state', { open: false });
    expect(alignItem().enabled).toBe(false);
    // Not a boolean: refused by the contract, the menu unchanged.
    expect(await fake.invoke('window:audio-state', { open: 'yes' })).toMatchObject({ ok: false });
    expect(alignItem().enabled).toBe(false);
  });

  it('asks before closing with unsaved work, and closes once the page settles it', async () => {
    const dir = await episode();
    const fake = await boot([join(dir, 'demo.vtt')]);
    const window = fake.windows[0]!;
    const id = ((await fake.invoke('session:initial', {})) as Opened).value.transcript!.id;
    expect(await fake.invoke('document:state', { id, dirty: true })).toEqual({ ok: true, value: {} });
    expect(window.edited).toEqual([true]);
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.webContents.sent.filter(([c]) => c === 'window:close-requested')).toEqual([['window:close-requested', {}]]);
    // The page saved or the user chose Don't Save: window:close closes for real.
    expect(await fake.invoke('window:close', {})).toEqual({ ok: true, value: {} });
    expect(window.destroyed).toBe(true);
    expect(await readFile(join(dir, 'demo.vtt'), 'utf8')).toBe(await readFile(join(DEMO, 'demo.vtt'), 'utf8'));
  });

  it('closes at once when nothing is unsaved, and the open dialogs open what the user picks (a file, a folder)', async () => {
    const dir = await episode();
    const fake = await boot([join(dir, 'demo.vtt')], { openAnswers: [join(dir, 'second.vtt')] });
    const opened = (await fake.invoke('session:open-dialog', { kind: 'transcript' })) as Opened;
    expect(opened.value.transcript?.name).toBe('second.vtt');
    expect(fake.calls.find(([c]) => c === 'dialog.showOpenDialog')?.[1]).toMatchObject({ properties: ['openFile'] });
    // File ▸ Open Folder asks the native dialog for a folder, and lists its episodes.
    const folderFake = await boot([], { openAnswers: [dir] });
    const listing = (await folderFake.invoke('folder:open-dialog', {})) as { ok: boolean; value: { episodes: { name: string }[] } | null };
    expect(folderFake.calls.find(([c]) => c === 'dialog.showOpenDialog')?.[1]).toEqual({ properties: ['openDirectory'] });
    expect(listing.ok).toBe(true);
    expect(listing.value?.episodes.map((e) => e.name)).toEqual(expect.arrayContaining(['demo', 'second']));
    fake.windows[0]!.close();
    expect(fake.windows[0]!.destroyed).toBe(true);
    expect(fake.windows[0]!.webContents.sent.some(([c]) => c === 'window:close-requested')).toBe(false);
  });
});
