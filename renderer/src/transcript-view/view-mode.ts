/**
 * The transcript view as one extension, and the toggle between it and the raw WebVTT
 * view: a Compartment reconfigured by a command, so the document, selection and undo
 * history stay as they are. The choice is remembered in the settings file
 * (`editor.view`, kept in step by view-preference.ts): `viewModeChoice` holds it for
 * the window, so a document opens in it without waiting for anything.
 */
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, type Command } from '@codemirror/view';
import { fileQaProfile } from '../chrome/qa-profile';
import { enterNewCue } from './enter';
import { guardTransaction, noticeField } from './guard';
import { inlineMarkup } from './inline-markup';
import { plainTextOf } from './plain-text';
import { structureField } from './structure';
import { transcriptViewTheme } from './theme';

export type EditorViewMode = 'transcript' | 'raw';

/**
 * The user's choice in this window: read from the settings when they load, and told of
 * each toggle (which the settings then save). One per window, as the settings are.
 */
export const viewModeChoice = {
  /** The last choice, or null when the user never toggled. */
  mode: null as EditorViewMode | null,
  /** Saves a new choice; set once the settings are loaded (never before, so defaults never overwrite them). */
  save: null as ((mode: EditorViewMode) => void) | null,
};

export const viewModeCompartment = new Compartment();

/** The transcript view: structure as chips, markup as labels, typing guarded, plain-text clipboard. */
export const transcriptView: Extension = [
  structureField,
  inlineMarkup,
  noticeField,
  EditorState.transactionFilter.of(guardTransaction),
  Prec.high(keymap.of([{ key: 'Enter', run: enterNewCue }])),
  EditorView.clipboardOutputFilter.of((text) => plainTextOf(text)),
  EditorView.editorAttributes.of({ class: 'cm-transcript-view' }),
  transcriptViewTheme,
];

/** Fired on the editor's DOM when the view changes, for the controls that show it. */
export const VIEW_MODE_EVENT = 'cueline-view-mode';

/** The view (in its compartment) and the toggle key, Ctrl/Cmd+Alt+R, which works in both views. */
export function viewModeExtension(mode: EditorViewMode): Extension {
  return [viewModeCompartment.of(mode === 'transcript' ? transcriptView : []), keymap.of([{ key: 'Mod-Alt-r', run: toggleViewMode }])];
}

export function viewModeOf(state: EditorState): EditorViewMode {
  return viewModeCompartment.get(state) === transcriptView ? 'transcript' : 'raw';
}

/** The user's last choice, or null when they never toggled. */
export function rememberedViewMode(): EditorViewMode | null {
  return viewModeChoice.mode;
}

/**
 * The view a document opens in: the remembered choice, else the transcript view for a
 * transcript (cues are sentences or paragraphs, as the QA profile tells them) and the
 * raw view for subtitles, whose short timed lines are what their editors work on.
 */
export function openingViewMode(transcript: { readonly text: string }): EditorViewMode {
  return rememberedViewMode() ?? (fileQaProfile(transcript) === 'transcript' ? 'transcript' : 'raw');
}

/** Shows `view` in `mode`; a user's choice (`remember`, the default) is kept for the next documents and saved. */
export function setViewMode(view: EditorView, mode: EditorViewMode, remember = true): void {
  if (viewModeOf(view.state) !== mode) {
    // With the scroll snapshot (the top line and its offset), the same text stays in view:
    // kept as pixels, the scroll landed ~500 cues further on in a 1,000-cue file, as the
    // two views' lines differ in height.
    view.dispatch({ effects: [viewModeCompartment.reconfigure(mode === 'transcript' ? transcriptView : []), view.scrollSnapshot()] });
  }
  view.dom.dispatchEvent(new CustomEvent(VIEW_MODE_EVENT, { detail: mode }));
  if (!remember || viewModeChoice.mode === mode) return;
  viewModeChoice.mode = mode;
  viewModeChoice.save?.(mode);
}

/** Transcript view ⇄ raw WebVTT (the panel's toggle, View ▸ Transcript View and Ctrl/Cmd+Alt+R). */
export const toggleViewMode: Command = (view) => {
  setViewMode(view, viewModeOf(view.state) === 'transcript' ? 'raw' : 'transcript');
  return true;
};
