/**
 * Hosts the CodeMirror view. The editor state is the single source of truth for the
 * transcript: React only creates the view, swaps documents and listens.
 */
import { useEffect, useRef } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { lineSeparatorOf } from '../../../shared/model/line-separator';
import { transcriptExtensions } from './extensions';

export interface TranscriptEditorProps {
  /** Changing this replaces the whole editor state (a new document was opened). */
  documentKey: string;
  initialText: string;
  extensions?: Extension;
  onView(view: EditorView | null): void;
  onUpdate(view: EditorView): void;
}

export function TranscriptEditor({ documentKey, initialText, extensions, onView, onUpdate }: TranscriptEditorProps) {
  const host = useRef<HTMLDivElement>(null);
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
          transcriptExtensions(),
          extensions ?? [],
          EditorView.updateListener.of((update) => {
            if (update.docChanged || update.selectionSet) onUpdateRef.current(update.view);
          }),
        ],
      }),
    });
    onView(view);
    onUpdateRef.current(view);
    view.focus();
    return () => {
      onView(null);
      view.destroy();
    };
    // A new documentKey means a new document; initialText is read only then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentKey]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
