/**
 * The in-page menu bar's menus. The editor actions come from the same table the native
 * menu is built from (shared/editor-actions.ts, grouped as electron/main.ts groups them);
 * the File, Edit and Help items send the same MenuCommands the native menu sends.
 */
import { EDITOR_ACTION_INFO, type EditorActionGroup, type EditorActionId } from '../../../shared/editor-actions';
import type { MenuCommand } from '../../../shared/ipc/contract';

/** What choosing an item does: a native-menu command, an editor action, or an edit command. */
export type MenuRun = { command: MenuCommand } | { action: EditorActionId } | { edit: 'undo' | 'redo' | 'selectAll' };

export interface MenuItem {
  label: string;
  /** Set on leaf items. */
  run?: MenuRun;
  /** Set on items that open a submenu. */
  items?: MenuEntry[];
  /** The fixed key of a command (CodeMirror notation); an action's keys come from the keymap in force. */
  keys?: string;
}

export type MenuEntry = MenuItem | 'separator';

export interface Menu {
  label: string;
  items: MenuEntry[];
}

const command = (label: string, c: MenuCommand, keys?: string): MenuItem => ({ label, run: { command: c }, ...(keys ? { keys } : {}) });

const actions = (group: EditorActionGroup): MenuItem[] =>
  EDITOR_ACTION_INFO.filter((a) => a.group === group).map((a) => ({ label: a.label, run: { action: a.id } }));

export const MENUS: readonly Menu[] = [
  {
    label: 'File',
    items: [
      command('Open…', 'open-transcript', 'Mod-o'),
      command('Open Audio…', 'open-audio'),
      command('Open Folder…', 'open-folder'),
      command('Open Recent…', 'open-recent'),
      'separator',
      command('Save', 'save', 'Mod-s'),
      command('Save As…', 'save-as', 'Mod-Shift-s'),
      {
        label: 'Export',
        items: [
          command('WebVTT…', 'export-vtt'),
          command('SubRip (SRT)…', 'export-srt'),
          command('TXT (HH:MM:SS lines)…', 'export-txt-talkpython'),
          command('TXT (speaker paragraphs)…', 'export-txt-paragraphs'),
          command('TXT (plain text)…', 'export-txt-plain'),
          'separator',
          command('TXT + VTT…', 'export-pair'),
          'separator',
          // Cleaned exports are chosen in the Clean and Correct preview.
          command('Cleaned VTT or TXT…', 'clean-correct'),
        ],
      },
    ],
  },
  {
    label: 'Edit',
    items: [
      { label: 'Undo', run: { edit: 'undo' }, keys: 'Mod-z' },
      { label: 'Redo', run: { edit: 'redo' }, keys: 'Mod-Shift-z' },
      'separator',
      { label: 'Select All', run: { edit: 'selectAll' }, keys: 'Mod-a' },
      'separator',
      command('Clean and Correct…', 'clean-correct'),
    ],
  },
  { label: 'Timing', items: actions('Timing') },
  { label: 'Cues', items: [...actions('Cues'), 'separator', ...actions('Navigation')] },
  { label: 'Playback', items: actions('Playback') },
  { label: 'Help', items: [command('Keyboard Shortcuts', 'shortcuts')] },
];

/** The items of a menu that can take focus (separators skipped), in order. */
export function focusableItems(entries: readonly MenuEntry[]): MenuItem[] {
  return entries.filter((e): e is MenuItem => e !== 'separator');
}

/**
 * The next index from `from` in `count` items, moving `step` (wrapping), or the first
 * item after `from` whose label starts with `letter` when one is given.
 */
export function nextIndex(labels: readonly string[], from: number, step: 1 | -1, letter?: string): number {
  const count = labels.length;
  if (!count) return -1;
  for (let k = 1; k <= count; k++) {
    const i = (((from + step * k) % count) + count) % count;
    if (letter === undefined || labels[i]!.toLowerCase().startsWith(letter.toLowerCase())) return i;
  }
  return from;
}
