/** The editor's behaviour: the extensions every transcript editor gets. */
import { Compartment, Prec, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab, redo, undo } from '@codemirror/commands';
import { MENUS, type MenuEntry } from '../../../shared/ipc/menus';
import { codeFolding, foldGutter, foldKeymap } from '@codemirror/language';
import { closeSearchPanel, highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { lintGutter } from '@codemirror/lint';
import { vttField } from './cue-field';
import { wordTimes } from './word-times';
import { wordHighlight } from './word-highlight';
import { alignmentLint } from '../align/lint';
import { cueHighlight } from './cue-highlight';
import { transcriptSearch } from './find-panel';
import { actionKeymap, type Bindings } from './keymaps';
import { justSplit } from './actions';
import { qaRules } from './qa-rules';
import { timingSettings, type TimingSettings } from './timing-settings';
import { vttDecorations, vttTheme } from './vtt-decorations';
import { vttFold } from './vtt-fold';
import { vttLint } from './vtt-lint';
import { followColorScheme } from '../chrome/editor-scheme';
import type { QaRules } from '../../../shared/timing/qa';
import { speakerCommands } from '../speakers/commands';

/** Parts of the configuration the settings can change while a document is open. */
export const keysCompartment = new Compartment();
export const preferencesCompartment = new Compartment();

export interface EditorPreferences {
  bindings: Bindings;
  timing?: Partial<TimingSettings>;
  qa?: Partial<QaRules>;
}

export function preferenceExtensions(p: EditorPreferences): Extension {
  return [timingSettings.of(p.timing ?? {}), qaRules.of(p.qa ?? {})];
}

/** Undo and Redo with the keys the menu table shows for them. */
const editMenuKeys = MENUS.flatMap((m) => m.items).flatMap((e: MenuEntry) =>
  e !== 'separator' && e.keys && e.run && 'edit' in e.run && e.run.edit !== 'selectAll' ? [{ key: e.keys, run: e.run.edit === 'undo' ? undo : redo, preventDefault: true }] : [],
);

export function transcriptExtensions(p: EditorPreferences): Extension {
  return [
    vttField,
    // Word times from alignment or the file's inline timestamp tags: spoken-word highlight,
    // click-to-seek, and the low-confidence lint F8 walks.
    wordTimes,
    wordHighlight,
    alignmentLint,
    justSplit,
    // Esc closes the find panel before it means play/pause.
    Prec.highest(keymap.of([{ key: 'Escape', run: closeSearchPanel }])),
    lineNumbers(),
    foldGutter(),
    codeFolding(),
    vttFold,
    lintGutter(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightSelectionMatches(),
    transcriptSearch(),
    vttDecorations,
    vttTheme,
    // `&dark` theme rules follow prefers-color-scheme.
    followColorScheme(),
    vttLint,
    cueHighlight,
    speakerCommands,
    EditorView.lineWrapping,
    keysCompartment.of(actionKeymap(p.bindings)),
    preferencesCompartment.of(preferenceExtensions(p)),
    // The Edit menu's Undo/Redo keys on every platform (CodeMirror binds Ctrl-Shift-z only on Linux).
    keymap.of(editMenuKeys),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab]),
    // tabindex: the scroller's focusable content, for assistive tech (axe: scrollable-region-focusable).
    EditorView.contentAttributes.of({ spellcheck: 'true', 'aria-label': 'Transcript', tabindex: '0' }),
  ];
}
