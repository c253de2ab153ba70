/**
 * The native menu: File (open, save, export in every format), Edit, View, and the
 * Timing, Cues and Playback menus built from the editor action table
 * (shared/editor-actions.ts), so every action the keymap knows is also one click away.
 * Items carry no accelerators for editor actions: the keys are the renderer's
 * (rebindable) keymap, and the two must never fight over a key.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { EDITOR_ACTION_INFO, type EditorActionGroup, type EditorActionId } from '../../shared/editor-actions';

export interface MenuPorts {
  /** A command the renderer runs (open, save, export, dialogs). */
  send(command: MenuCommand): void;
  /** An editor action, by id. */
  runAction(id: EditorActionId): void;
  platform: NodeJS.Platform;
}

export function menuTemplate({ send, runAction, platform }: MenuPorts): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const actions = (group: EditorActionGroup): MenuItemConstructorOptions[] =>
    EDITOR_ACTION_INFO.filter((a) => a.group === group).map((a) => ({ label: a.label, click: () => runAction(a.id) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open-transcript') },
        { label: 'Open Audio…', click: () => send('open-audio') },
        { label: 'Open Folder…', click: () => send('open-folder') },
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
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', click: () => send('shortcuts') }] },
  ];
}
