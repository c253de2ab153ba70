/**
 * Hosts the CodeMirror view. The editor state is the single source of truth for the
 * transcript: React only creates the view, swaps documents and listens.
 */
import { useEffect, useRef } from 'react';
import { EditorState, type ChangeSet, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { diagnosticCount, setDiagnosticsEffect } from '@codemirror/lint';
import { lineSeparatorOf } from '../../../shared/model/line-separator';
import { keysCompartment, preferenceExtensions, preferencesCompartment, transcriptExtensions, type EditorPreferences } from './extensions';
import { actionKeymap } from './keymaps';

export interface TranscriptEditorProps {
  /** Changing this replaces the whole editor state (a new document was opened). */
  documentKey: string;
  initialText: string;
  /** Key bindings, timing steps and QA rules; changing them reconfigures the open editor. */
  preferences: EditorPreferences;
  extensions?: Extension;
  onView(view: EditorView | null): void;
  onUpdate(view: EditorView): void;
  /** Every change to the document, in order (the crash-recovery journal sends these). */
  onChanges?(changes: ChangeSet): void;
  /** The number of lint problems, each time the linter publishes them (not per keystroke). */
  onProblems?(count: number): void;
}

export function TranscriptEditor({ documentKey, initialText, preferences, extensions, onView, onUpdate, onChanges, onProblems }: TranscriptEditorProps) {
  const onChangesRef = useRef(onChanges);
  onChangesRef.current = onChanges;
  const onProblemsRef = useRef(onProblems);
  onProblemsRef.current = onProblems;
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const preferencesRef = useRef(preferences);
  preferencesRef.current = preferences;
  const onUpdateRef = useRef(onUpdate);
  onUpdateRef.current = onUpdate;

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          // Keep the file's own line breaks so an unedited save is byte-identical.
          EditorState.lineSeparator.of(lineSeparatorOf(initialText)),
          transcriptExtensions(preferencesRef.current),
          extensions ?? [],
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangesRef.current?.(update.changes);
            // Counting walks every diagnostic: only when the linter has new ones.
            if (update.transactions.some((tr) => tr.effects.some((e) => e.is(setDiagnosticsEffect)))) onProblemsRef.current?.(diagnosticCount(update.state));
            // Effects too: lint results and the spoken cue arrive as effects.
            if (update.docChanged || update.selectionSet || update.transactions.some((tr) => tr.effects.length)) onUpdateRef.current(update.view);
          }),
        ],
      }),
    });
    viewRef.current = view;
    onView(view);
    onUpdateRef.current(view);
    view.focus();
    // The first frame with the document laid out: the editor is interactive (read by `npm run bench`).
    requestAnimationFrame(() => performance.mark('cueline:editor-ready'));
    return () => {
      viewRef.current = null;
      onView(null);
      view.destroy();
    };
    // A new documentKey means a new document; initialText is read only then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentKey]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        keysCompartment.reconfigure(actionKeymap(preferences.bindings)),
        preferencesCompartment.reconfigure(preferenceExtensions(preferences)),
      ],
    });
  }, [preferences]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
