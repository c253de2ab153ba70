/**
 * The transcript / raw view choice kept in the settings file (`editor.view`), as the
 * playback choices are (playback/playback-preferences.ts): the settings set the choice
 * (and the open editor follows when they arrive after it opened), and each toggle is
 * saved. A choice an older build left in localStorage (`cueline.editorView`) is moved
 * into the settings once.
 */
import type { EditorView } from '@codemirror/view';
import type { AppSettings } from '../../../shared/settings';
import type { Store } from '../store';
import { setViewMode, viewModeChoice, viewModeOf, type EditorViewMode } from './view-mode';

const LEGACY_KEY = 'cueline.editorView';

/** What an older build stored, removed as it is read. */
function takeLegacy(): EditorViewMode | null {
  try {
    const value = globalThis.localStorage?.getItem(LEGACY_KEY);
    if (value === null || value === undefined) return null;
    globalThis.localStorage.removeItem(LEGACY_KEY);
    return value === 'raw' || value === 'transcript' ? value : null;
  } catch {
    return null;
  }
}

export interface ViewPreferencePorts {
  settings: Store<AppSettings>;
  /** Saves new settings (the app's changeSettings). */
  save(next: AppSettings): void;
  /** The open editor, if any. */
  editor(): EditorView | null;
}

/** Keeps the view choice and the settings in step; call once the settings are loaded. Returns the unsubscribe. */
export function syncViewModePreference({ settings, save, editor }: ViewPreferencePorts): () => void {
  // A toggle made before the settings arrived is the newest choice; an older build's only fills a gap.
  const legacy = takeLegacy();
  const early = viewModeChoice.mode;
  const pending = early ?? (settings.get().editor.view ? null : legacy);
  if (pending && pending !== settings.get().editor.view) save({ ...settings.get(), editor: { ...settings.get().editor, view: pending } });
  const apply = () => {
    const mode = settings.get().editor.view ?? null;
    if (mode === viewModeChoice.mode) return;
    viewModeChoice.mode = mode;
    const view = editor();
    if (mode && view && viewModeOf(view.state) !== mode) setViewMode(view, mode, false);
  };
  apply();
  viewModeChoice.save = (mode) => {
    const s = settings.get();
    if (s.editor.view !== mode) save({ ...s, editor: { ...s.editor, view: mode } });
  };
  const off = settings.subscribe(apply);
  return () => {
    off();
    viewModeChoice.save = null;
  };
}
