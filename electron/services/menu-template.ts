/**
 * The native menu, built from the one menu table (shared/ipc/menus.ts) that the in-page
 * menu bar is built from too: commands send MenuCommands, editor actions run by id, edit
 * items are Electron's own roles. What only a native menu has is added here: macOS's app
 * menu and recent documents, Cut/Copy/Paste (the page gets those from the browser),
 * View's reload, zoom and full screen, and Quit. Editor actions carry no accelerators:
 * their keys are the renderer's (rebindable) keymap, and the two must never fight over a
 * key; a checkbox item's key is the editor's too, so it is shown and not registered.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { MENUS, type MenuCheck, type MenuEntry, type MenuItem } from '../../shared/ipc/menus';
import type { EditorActionId } from '../../shared/editor-actions';

export interface MenuPorts {
  /** A command the renderer runs (open, save, export, dialogs). */
  send(command: MenuCommand): void;
  /** An editor action, by id. */
  runAction(id: EditorActionId): void;
  platform: NodeJS.Platform;
  /** Whether a checkbox item's state is on (the menu is built again when it changes); on when not told. */
  isChecked?(check: MenuCheck): boolean;
  /** Whether audio is open: items that need it are greyed without it (the menu is built again when it changes); open when not told. */
  hasAudio?(): boolean;
}

/** A CodeMirror key (`Mod-Shift-s`) as an Electron accelerator (`CmdOrCtrl+Shift+S`). */
export function accelerator(keys: string): string {
  return keys.split(/-(?!$)/).map((part) => (part === 'Mod' ? 'CmdOrCtrl' : part.length === 1 ? part.toUpperCase() : part)).join('+');
}

export function menuTemplate({ send, runAction, platform, isChecked, hasAudio }: MenuPorts): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const item = (entry: MenuEntry): MenuItemConstructorOptions[] => {
    if (entry === 'separator') return [{ type: 'separator' }];
    const { label, run, items, keys, checked, needsAudio } = entry as MenuItem;
    if (items) return [{ label, submenu: items.flatMap(item) }];
    if (!run) return [];
    if (checked && 'command' in run) {
      return [{ label, type: 'checkbox', checked: isChecked?.(checked) ?? true, ...(keys ? { accelerator: accelerator(keys), registerAccelerator: false } : {}), click: () => send(run.command) }];
    }
    if ('edit' in run) {
      // Electron's roles work in every focused field; the page has its own Cut/Copy/Paste.
      return run.edit === 'selectAll' ? [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] : [{ role: run.edit }];
    }
    if ('action' in run) return [{ label, click: () => runAction(run.action) }];
    const enabled = !needsAudio || (hasAudio?.() ?? true);
    const opened: MenuItemConstructorOptions[] = [{ label, enabled, ...(keys ? { accelerator: accelerator(keys) } : {}), click: () => send(run.command) }];
    // macOS keeps its own Open Recent list (app.addRecentDocument) beside the in-app one.
    if (isMac && run.command === 'open-recent') opened.push({ role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] });
    return opened;
  };
  const menu = (label: string): MenuItemConstructorOptions[] => MENUS.find((m) => m.label === label)!.items.flatMap(item);
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [...menu('File'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu', submenu: menu('Edit') },
    {
      label: 'View',
      submenu: [
        ...menu('View'),
        { type: 'separator' },
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...MENUS.filter((m) => !['File', 'Edit', 'View', 'Help'].includes(m.label)).map((m) => ({ label: m.label, submenu: m.items.flatMap(item) })),
    { role: 'help', submenu: menu('Help') },
  ];
}
