/**
 * The transcript view as one extension, and the toggle between it and the raw WebVTT
 * view: a Compartment reconfigured by a command, so the document, selection and undo
 * history stay as they are. The choice is remembered (localStorage; the app settings
 * schema has no field for it yet).
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

const STORAGE_KEY = 'cueline.editorView';

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
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'raw' || value === 'transcript' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The view a document opens in: the remembered choice, else the transcript view for a
 * transcript (cues are sentences or paragraphs, as the QA profile tells them) and the
 * raw view for subtitles, whose short timed lines are what their editors work on.
 */
export function openingViewMode(transcript: { readonly text: string }): EditorViewMode {
  return rememberedViewMode() ?? (fileQaProfile(transcript) === 'transcript' ? 'transcript' : 'raw');
}

export function setViewMode(view: EditorView, mode: EditorViewMode): void {
  view.dispatch({ effects: viewModeCompartment.reconfigure(mode === 'transcript' ? transcriptView : []) });
  view.dom.dispatchEvent(new CustomEvent(VIEW_MODE_EVENT, { detail: mode }));
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, mode);
  } catch {
    // Storage may be unavailable (private mode): the toggle still works for this window.
  }
}

/** Transcript view ⇄ raw WebVTT (the panel's toggle and Ctrl/Cmd+Alt+R). */
export const toggleViewMode: Command = (view) => {
  setViewMode(view, viewModeOf(view.state) === 'transcript' ? 'raw' : 'transcript');
  return true;
};
