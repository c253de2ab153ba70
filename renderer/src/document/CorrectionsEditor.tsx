/**
 * A corrections list (`corrections.tsv`) open as the document: the same editor pane,
 * dirty mark, Save (atomic, through the document controller), undo history and crash
 * journal as a transcript, without what only a transcript has (cues, waveform, timing).
 * Tab types a tab (it separates FIND, REPLACE and OPTIONS); the engine's syntax errors
 * are lint diagnostics, and listed under the text as `corrections.tsv:LINE:COL`.
 */
import { useEffect, useRef, useState } from 'react';
import { defaultKeymap, history, historyKeymap, insertTab } from '@codemirror/commands';
import { forEachDiagnostic, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightWhitespace, keymap, lineNumbers } from '@codemirror/view';
import { lineSeparatorOf } from '../../../shared/model/line-separator';
import type { AppCore } from '../app-core';
import { correctionsLint } from './corrections-lint';
import type { OpenTranscript } from './document-controller';
import './corrections-editor.css';

function listed(state: EditorState): string[] {
  const out: string[] = [];
  forEachDiagnostic(state, (d) => out.push(d.message));
  return out;
}

export function CorrectionsEditor({ core, document: opened }: { core: AppCore; document: OpenTranscript }) {
  const host = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!host.current) return;
    const { documents } = core;
    const text = opened.text;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          EditorState.lineSeparator.of(lineSeparatorOf(text)),
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          highlightWhitespace(),
          lintGutter(),
          correctionsLint(opened.name),
          keymap.of([{ key: 'Tab', run: insertTab }, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': `${opened.name} (corrections list)`, spellcheck: 'false' }),
          documents.trackChanges(),
          EditorView.updateListener.of((update) => {
            const now = listed(update.state);
            setProblems((before) => (before.join('\n') === now.join('\n') ? before : now));
          }),
        ],
      }),
    });
    documents.attachEditor(view);
    documents.noteEditor(view.state);
    view.focus();
    return () => {
      documents.attachEditor(null);
      documents.noteEditor(null);
      view.destroy();
    };
    // A new key means a new document; its text is read only then.
  }, [core, opened.key]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="corrections-document">
      <div className="editor-host" ref={host} data-testid="corrections-editor" />
      <ul className="corrections-document-problems" aria-label={`${opened.name} errors`} aria-live="polite" data-testid="corrections-document-errors">
        {problems.map((p) => <li key={p}>{p}</li>)}
      </ul>
    </div>
  );
}
