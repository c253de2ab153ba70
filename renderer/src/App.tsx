/**
 * The window: composes the views over one AppCore (app-core.ts) and relays nothing.
 * State lives where it belongs and each view subscribes to it:
 *
 * - `core.player` (playback/player.ts): the audio. play/pause `playPause()`, `seek(s)`,
 *   `time()`, `duration`, `rate` / `setRate(r)`, `zoomBy(±1)` / `pxPerSec`, `ready()`,
 *   `playing`; typed events via `on(name, fn)` (returns the unsubscribe): 'time' (every
 *   frame while playing; write it to the DOM, never to React state), 'play', 'pause',
 *   'rate', 'ready', 'load', 'zoom'.
 * - `core.follow` (editor/follow-playback.ts): the "Follow playback" toggle: `enabled`,
 *   `set(b)`, `toggle()`, event 'change'. The editor pauses following for `pauseMs` after
 *   each keystroke or cursor move whatever the toggle says.
 * - `core.runAction(id)`: runs an editor action of shared/editor-actions.ts by id (what
 *   keys and menus run); Play should go through `runAction('play-pause')`, which starts
 *   at the cursor's cue when the cursor moved since the last pause.
 * - `core.runCommand(command)`: a menu command (open, save, export…, shortcuts).
 * - `core.documents` (document/document-controller.ts): open/save/export/dirty/close;
 *   `state` is a Store (`useStore(core.documents.state)`).
 * - `core.timeline` (editor/cue-timeline.ts): cues, cursor and spoken cue published by
 *   the editor; `timeline.editor` is the open EditorView (or null).
 * - `core.status`, `core.messages`, `core.settings`, `core.dialog`: Stores.
 */
import { useEffect, useMemo, useState } from 'react';
import { AppCore } from './app-core';
import { MenuBar } from './chrome/MenuBar';
import { qaRulesFor } from './chrome/qa-profile';
import { TransportBar } from './chrome/TransportBar';
import { TranscriptEditor } from './editor/TranscriptEditor';
import { CorrectionsEditor } from './document/CorrectionsEditor';
import type { EditorPreferences } from './editor/extensions';
import { resolveBindings } from './editor/keymaps';
import { SpeakersBar } from './speakers/SpeakersBar';
import { StatusBar } from './StatusBar';
import { useStore } from './store';
import { Dialogs } from './views/Dialogs';
import { FolderPanel } from './folder/FolderPanel';
import { ExternalBanner } from './views/ExternalBanner';
import { MessageBar } from './views/MessageBar';
import { Toolbar } from './views/Toolbar';
import { Waveform } from './waveform/Waveform';
import { installWindowInput } from './window-input';

export function App() {
  const [core] = useState(() => new AppCore());
  useEffect(() => {
    const stop = core.start();
    const stopInput = installWindowInput(core);
    return () => { stop(); stopInput(); };
  }, [core]);
  const { transcript, audio, dirty } = useStore(core.documents.state);
  const settings = useStore(core.settings);
  const preferences = useMemo<EditorPreferences>(() => ({
    bindings: resolveBindings(settings.keymapPreset, settings.keyOverrides),
    timing: settings.timing,
    qa: qaRulesFor(settings, transcript),
  }), [settings, transcript]);

  useEffect(() => {
    document.title = transcript ? `${dirty ? '• ' : ''}${transcript.name} — Cueline` : 'Cueline';
  }, [transcript, dirty]);

  return (
    <div className="app">
      <MenuBar core={core} />
      <Toolbar core={core} />
      <TransportBar core={core} />
      <section className="waveform-pane" aria-label="Waveform">
        {audio ? (
          <Waveform url={audio.url} player={core.player} timeline={core.timeline} settings={core.settings} saveSettings={core.changeSettings} onError={(text) => core.messages.add([{ level: 'error', text: `${audio.name}: ${text}` }])} />
        ) : (
          <div className="waveform-empty" data-testid="waveform-empty">No audio. Open an audio file to see its waveform.</div>
        )}
      </section>
      {transcript && <SpeakersBar key={transcript.key} core={core} />}
      <div className="workspace">
        <FolderPanel core={core} />
        <main className="editor-pane">
          {transcript ? (
            transcript.kind === 'corrections' ? <CorrectionsEditor key={transcript.key} core={core} document={transcript} /> : <TranscriptEditor key={transcript.key} core={core} transcript={transcript} preferences={preferences} />
          ) : (
            <div className="editor-empty">Open a transcript (WebVTT, SRT or TXT) to start.</div>
          )}
        </main>
      </div>
      <ExternalBanner core={core} />
      <MessageBar messages={core.messages} />
      <StatusBar core={core} />
      <Dialogs core={core} />
    </div>
  );
}
