/**
 * The menus, as data: File (Open, Save, Export ▸ every format), Edit, View, Timing,
 * Cues, Playback, Help. The native menu (electron/services/menu-template.ts) and the in-page
 * menu bar (renderer/src/chrome/MenuBar.tsx) are both built from this one table, and the
 * editor actions in it come from the action table (shared/editor-actions.ts), so the two
 * menus can never offer different things. Items send the IPC contract's MenuCommands.
 */
import { EDITOR_ACTION_INFO, type EditorActionGroup, type EditorActionId } from '../editor-actions';
import type { MenuCommand } from './contract';

/** What choosing an item does: a native-menu command, an editor action, or an edit command. */
export type MenuRun = { command: MenuCommand } | { action: EditorActionId } | { edit: 'undo' | 'redo' | 'selectAll' };

/** A state an item shows as a check mark (and toggles): the transcript view being on, the speaker lane shown. */
export type MenuCheck = 'transcript-view' | 'speaker-lane';

export interface MenuItem {
  label: string;
  /** Set on leaf items. */
  run?: MenuRun;
  /** Set on items that open a submenu. */
  items?: MenuEntry[];
  /** The fixed key of a command (CodeMirror notation); an action's keys come from the keymap in force. */
  keys?: string;
  /** Offered (enabled) only while the episode's audio is open. */
  needsAudio?: true;
  /** A checkbox item: checked while this state is on; choosing it toggles the state. */
  checked?: MenuCheck;
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
          command('WebVTT with word timestamps…', 'export-vtt-words'),
          command('SubRip (SRT)…', 'export-srt'),
          command('TXT (HH:MM:SS lines)…', 'export-txt-talkpython'),
          command('TXT (speaker paragraphs)…', 'export-txt-paragraphs'),
          command('TXT (plain text)…', 'export-txt-plain'),
          command('TXT (Otter-style Name M:SS turns)…', 'export-txt-speakers'),
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
  // The key is the editor's own (it works in the editor in either view); the item shows it.
  { label: 'View', items: [{ ...command('Transcript View', 'toggle-transcript-view', 'Mod-Alt-r'), checked: 'transcript-view' }, { ...command('Speaker Lane', 'toggle-speaker-lane'), checked: 'speaker-lane' }] },
  { label: 'Timing', items: [{ ...command('Align to Audio…', 'align-audio'), needsAudio: true }, 'separator', ...actions('Timing')] },
  { label: 'Cues', items: [...actions('Cues'), 'separator', ...actions('Navigation')] },
  { label: 'Playback', items: actions('Playback') },
  { label: 'Help', items: [command('Keyboard Shortcuts', 'shortcuts')] },
];
