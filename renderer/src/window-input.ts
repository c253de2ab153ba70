/**
 * Keys and drops the window handles itself: Ctrl/Cmd+S, Shift+S, O; Esc and Ctrl/Cmd+Space
 * when the focus is outside the editor (the editor's keymap handles its own keys first
 * and marks them handled). Esc closes the topmost thing first: an open dialog (which
 * closes itself: the key is left alone), then the find panel; only when neither is open
 * does it play or pause. Dropped files open, never navigating the page.
 */
import { closeSearchPanel, searchPanelOpen } from '@codemirror/search';
import { api } from './api';
import type { AppCore } from './app-core';

export function installWindowInput(core: AppCore): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape' || (mod && e.code === 'Space')) {
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const view = core.timeline.editor;
      if (e.key === 'Escape' && view && searchPanelOpen(view.state)) {
        closeSearchPanel(view);
        view.focus();
      } else core.runAction('play-pause');
      return;
    }
    if (document.querySelector('dialog[open]')) return;
    let command: 'save' | 'save-as' | 'open-transcript' | null = null;
    if (mod && e.key.toLowerCase() === 's') command = e.shiftKey ? 'save-as' : 'save';
    else if (mod && e.key.toLowerCase() === 'o') command = 'open-transcript';
    if (command) {
      e.preventDefault();
      core.runCommand(command);
    }
  };
  const over = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (!files.length) return;
    // Never let the page navigate to the file.
    e.preventDefault();
    core.documents.openWith(() => api().openDropped(files)).catch(core.fail);
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
