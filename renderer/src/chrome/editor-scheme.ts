/**
 * Tells CodeMirror the colour scheme in force, so every `&dark` rule of the editor's
 * themes (its own base theme, the transcript decorations, the transcript view's chips)
 * applies in dark mode: EditorView.darkTheme follows prefers-color-scheme, changing
 * with it while the editor is open.
 */
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import { onColorSchemeChange } from './theme';

const scheme = new Compartment();
const dark = () => EditorView.darkTheme.of(matchMedia('(prefers-color-scheme: dark)').matches);

export function followColorScheme(): Extension {
  return [
    scheme.of(dark()),
    ViewPlugin.define((view) => ({ destroy: onColorSchemeChange(() => view.dispatch({ effects: scheme.reconfigure(dark()) })) })),
  ];
}
