/**
 * Hosts the CodeMirror view. The editor state is the single source of truth for the
 * transcript: React only creates the view, swaps documents and reconfigures it when the
 * preferences change. Everything else reads the editor through extensions: the
 * CueTimeline (waveform), the status store, follow-playback (player), and the document
 * controller's listener (dirty, recovery journal).
 */
import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { lineSeparatorOf } from '../../../shared/model/line-separator';
import type { AppCore } from '../app-core';
import type { OpenTranscript } from '../document/document-controller';
import { publishTimeline } from './cue-timeline';
import { publishStatus } from './editor-status';
import { keysCompartment, preferenceExtensions, preferencesCompartment, transcriptExtensions, type EditorPreferences } from './extensions';
import { followPlayback } from './follow-playback';
import { actionKeymap } from './keymaps';
import { playbackPort } from './playback-port';
import { openingViewMode, viewModeExtension } from '../transcript-view';

export interface TranscriptEditorProps {
  core: AppCore;
  /** A new transcript (a new `key`) replaces the whole editor state. */
  transcript: OpenTranscript;
  /** Key bindings, timing steps and QA rules; changing them reconfigures the open editor. */
  preferences: EditorPreferences;
}

export function TranscriptEditor({ core, transcript, preferences }: TranscriptEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  /**
   * The preferences the editor has now: a new document's view is made with them (not the
   * first render's, which a key rebound since then would undo for every later file).
   */
  const appliedPreferences = useRef(preferences);

  useEffect(() => {
    if (!host.current) return;
    const { documents } = core;
    const text = transcript.text;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          // Keep the file's own line breaks so an unedited save is byte-identical.
          EditorState.lineSeparator.of(lineSeparatorOf(text)),
          transcriptExtensions(appliedPreferences.current),
          viewModeExtension(openingViewMode(transcript)),
          playbackPort.of(core.player),
          followPlayback(core.follow),
          publishTimeline(core.timeline),
          publishStatus(core.status),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            documents.journal.noteChanges(update.changes);
            documents.noteDoc(update.state.doc);
          }),
        ],
      }),
    });
    viewRef.current = view;
    documents.noteEditor(view.state);
    view.focus();
    // The first frame with the document laid out: the editor is interactive (read by `npm run bench`).
    requestAnimationFrame(() => performance.mark('cueline:editor-ready'));
    return () => {
      viewRef.current = null;
      documents.noteEditor(null);
      view.destroy();
    };
    // A new key means a new document; its text is read only then.
  }, [core, transcript.key]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    // Not again the ones the view was just made with: that reconfigure changes nothing but
    // makes CodeMirror compare every decoration of the file (4,000 chips in the transcript view).
    if (preferences === appliedPreferences.current) return;
    appliedPreferences.current = preferences;
    viewRef.current?.dispatch({
      effects: [
        keysCompartment.reconfigure(actionKeymap(preferences.bindings)),
        preferencesCompartment.reconfigure(preferenceExtensions(preferences)),
      ],
    });
  }, [preferences]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}
