import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorView } from '@codemirror/view';
import type WaveSurfer from 'wavesurfer.js';
import { savedFiles, type MenuCommand, type OpenedSession } from '../../shared/ipc/contract';
import type { EditorActionId } from '../../shared/editor-actions';
import { DEFAULT_AUTO_REWIND, DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { QA_PROFILES, type QaRules } from '../../shared/timing/qa';
import { Text, type StateEffect } from '@codemirror/state';
import { api } from './api';
import { TranscriptEditor } from './editor/TranscriptEditor';
import { ACTIONS_BY_ID } from './editor/actions';
import { cuesOf, cursorCueIndex } from './editor/cue-field';
import { setSpokenCue, spokenCue } from './editor/cue-highlight';
import type { EditorPreferences } from './editor/extensions';
import { resolveBindings } from './editor/keymaps';
import { playbackPort, type PlaybackPort } from './editor/playback-port';
import { PlaybackController } from './playback';
import { Waveform } from './waveform/Waveform';
import { useTranscriptCues } from './waveform/use-transcript-cues';
import { spokenCueAt } from './spoken-cue';
import { cueIndexAtTime } from '../../shared/timing/cue-at';
import { ShortcutsDialog } from './ShortcutsDialog';
import { CleanPanel } from './CleanPanel';
import { UnsavedDialog, type UnsavedChoice } from './UnsavedDialog';
import { RecoveryDialog, type RecoveryList } from './RecoveryDialog';
import { RecentDialog } from './RecentDialog';
import { useRecoveryJournal } from './use-recovery-journal';
import { StatusBar, type CursorInfo } from './StatusBar';
import { formatClock } from './time';

type Message = OpenedSession['messages'][number];

interface OpenTranscript {
  id: string;
  name: string;
  text: string;
  /** Bumped on every open so reopening the same file gives a fresh editor. */
  key: string;
}

const NO_CURSOR: CursorInfo = { line: 1, column: 1, lines: 0, cueIndex: -1, cueCount: 0, cue: null };

export function App() {
  const [transcript, setTranscript] = useState<OpenTranscript | null>(null);
  const [audio, setAudio] = useState<OpenedSession['audio']>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [cursor, setCursor] = useState<CursorInfo>(NO_CURSOR);
  const [problems, setProblems] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [time, setTime] = useState(0);
  const [rate, setRate] = useState(1);
  const [settings, setSettings] = useState<AppSettings>(DEFAULT_SETTINGS);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [unsaved, setUnsaved] = useState<{ resolve(choice: UnsavedChoice): void } | null>(null);
  /** A file changed on disk (or a save found it changed): what to offer. */
  const [external, setExternal] = useState<{ name: string; kind: 'changed' | 'deleted' | 'conflict' } | null>(null);
  const [recent, setRecent] = useState<{ name: string; folder: string }[] | null>(null);
  const [recovery, setRecovery] = useState<RecoveryList | null>(null);
  const recovered = useRef(false);
  const [cleaning, setCleaning] = useState<{ corrections: { name: string; text: string } | null } | null>(null);
  const view = useRef<EditorView | null>(null);
  const wavesurfer = useRef<WaveSurfer | null>(null);
  const playback = useRef<PlaybackController | null>(null);
  const silenceFinder = useRef<((t: number) => number | null) | null>(null);
  const savedDoc = useRef<EditorView['state']['doc'] | null>(null);
  const opens = useRef(0);
  const documentId = useRef<string | null>(null);
  const timeline = useTranscriptCues(view);
  const journal = useRecoveryJournal(view, documentId);

  const report = useCallback((incoming: Message[]) => {
    if (incoming.length) setMessages((m) => [...m, ...incoming].slice(-6));
  }, []);

  const fail = useCallback((error: unknown) => {
    report([{ level: 'error', text: error instanceof Error ? error.message : String(error) }]);
  }, [report]);

  const applySession = useCallback(
    (session: OpenedSession) => {
      report(session.messages);
      if (session.transcript) {
        const t = session.transcript;
        recovered.current = t.recovered ?? false;
        setTranscript({ id: t.id, name: t.name, text: t.text, key: `${t.id}:${opens.current++}` });
        setDirty(false);
      }
      if (session.audio) setAudio(session.audio);
    },
    [report],
  );

  useEffect(() => {
    api().invoke('settings:get', {}).then(setSettings, fail);
    // Marks read by `npm run bench` (open -> editor interactive).
    performance.mark('cueline:open-start');
    api().invoke('session:initial', {}).then(applySession, fail)
      .then(() => api().invoke('recovery:list', {}))
      .then((list) => { if (list && (list.documents.length || list.problems.length)) setRecovery(list); }, fail);
  }, [applySession, fail]);

  const changeSettings = useCallback((next: AppSettings) => {
    setSettings(next);
    api().invoke('settings:set', next).then(setSettings, fail);
  }, [fail]);

  const rules = useMemo<QaRules>(() => ({ ...QA_PROFILES[settings.qaProfile], ...settings.qa }), [settings.qaProfile, settings.qa]);
  const preferences = useMemo<EditorPreferences>(() => ({
    bindings: resolveBindings(settings.keymapPreset, settings.keyOverrides),
    timing: settings.timing,
    qa: rules,
  }), [settings.keymapPreset, settings.keyOverrides, settings.timing, rules]);

  useEffect(() => {
    if (playback.current) playback.current.options.autoRewind = settings.playback.autoRewind ?? DEFAULT_AUTO_REWIND;
  }, [settings.playback.autoRewind]);

  /** The editor's window on playback: the controller once audio is ready. */
  const port = useMemo<PlaybackPort>(() => ({
    ready: () => playback.current?.ready() ?? false,
    time: () => playback.current?.time() ?? 0,
    playPause: () => playback.current?.playPause(),
    seek: (t) => playback.current?.seek(t),
    seekBy: (d) => playback.current?.seekBy(d),
    playRange: (from, to, loop) => playback.current?.playRange(from, to, loop),
    changeRate: (step) => playback.current?.changeRate(step),
    silenceNear: (t) => silenceFinder.current?.(t) ?? null,
  }), []);
  const editorExtensions = useMemo(() => playbackPort.of(port), [port]);

  const save = useCallback(
    async (as: boolean, force = false): Promise<boolean> => {
      const v = view.current;
      if (!v || !transcript) return false;
      const doc = v.state.doc;
      const result = as
        ? await api().invoke('document:save-as', { id: transcript.id, text: v.state.sliceDoc() })
        : await api().invoke('document:save', { id: transcript.id, text: v.state.sliceDoc(), force });
      if (result.ok) {
        savedDoc.current = doc;
        setDirty(!v.state.doc.eq(doc));
        // Save As names the document anew (a plain Save of a converted file does too).
        if (result.renamed) setTranscript((t) => (t ? { ...t, name: result.name } : t));
        report([{ level: 'info', text: `Saved ${savedFiles(result)}.` }]);
        return true;
      }
      if (result.conflict) setExternal({ name: transcript.name, kind: 'conflict' });
      else if (!result.canceled) report([{ level: 'error', text: result.message }]);
      return false;
    },
    [transcript, report],
  );

  const exportAs = useCallback(
    async (format: 'vtt' | 'srt' | 'txt', txtStyle?: 'talkpython' | 'paragraphs' | 'plain', text?: string) => {
      const v = view.current;
      if (!v || !transcript) return;
      const result = await api().invoke('document:export', { id: transcript.id, text: text ?? v.state.sliceDoc(), format, txtStyle });
      if (result.ok) report([{ level: 'info', text: `Exported ${savedFiles(result)}.` }]);
      else if (!result.canceled) report([{ level: 'error', text: result.message }]);
    },
    [transcript, report],
  );

  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  /** Resolves true when the open document may be replaced (saved, discarded, or clean). */
  const confirmDiscard = useCallback(async (): Promise<boolean> => {
    if (!dirtyRef.current) return true;
    const choice = await new Promise<UnsavedChoice>((resolve) => setUnsaved({ resolve }));
    setUnsaved(null);
    if (choice === 'cancel') return false;
    if (choice === 'save') return save(false);
    return true;
  }, [save]);

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'export-vtt': exportAs('vtt').catch(fail); break;
        case 'export-srt': exportAs('srt').catch(fail); break;
        case 'export-txt-talkpython': exportAs('txt', 'talkpython').catch(fail); break;
        case 'export-txt-paragraphs': exportAs('txt', 'paragraphs').catch(fail); break;
        case 'export-txt-plain': exportAs('txt', 'plain').catch(fail); break;
        case 'export-pair':
          if (transcript && view.current) {
            api().invoke('document:export-pair', { id: transcript.id, text: view.current.state.sliceDoc() }).then((r) => {
              if (r.ok) report([{ level: 'info', text: `Exported ${savedFiles(r)}.` }]);
              else if (!r.canceled) report([{ level: 'error', text: r.message }]);
            }, fail);
          }
          break;
        case 'open-transcript':
          // Never replace unsaved work silently: ask first (Save / Don't Save / Cancel).
          confirmDiscard()
            .then((go) => (go ? api().invoke('session:open-dialog', { kind: 'transcript' }).then(applySession) : undefined))
            .catch(fail);
          break;
        case 'open-audio': api().invoke('session:open-dialog', { kind: 'audio' }).then(applySession, fail); break;
        case 'save': save(false).catch(fail); break;
        case 'save-as': save(true).catch(fail); break;
        case 'play-pause': playback.current?.playPause(); break;
        case 'shortcuts': setShowShortcuts(true); break;
        case 'open-recent': api().invoke('recent:list', {}).then(setRecent, fail); break;
        case 'clean-correct':
          if (transcript) api().invoke('corrections:load', { id: transcript.id }).then((corrections) => setCleaning({ corrections }), fail);
          break;
      }
    },
    [applySession, fail, save, exportAs, transcript, confirmDiscard],
  );

  const runAction = useCallback((id: EditorActionId) => {
    const v = view.current;
    const action = ACTIONS_BY_ID.get(id);
    if (v && action) {
      action.run(v);
      v.focus();
    }
  }, []);

  useEffect(() => api().on('menu:command', runCommand), [runCommand]);
  useEffect(() => api().on('menu:action', runAction), [runAction]);
  useEffect(() => api().on('document:external-change', (change) => {
    if (change.id === documentId.current) setExternal({ name: change.name, kind: change.kind });
  }), []);

  // Files from outside the window (second launch, macOS open-file) and dropped files.
  const openFromOutside = useCallback(async (open: () => Promise<OpenedSession>) => {
    if (await confirmDiscard()) applySession(await open());
  }, [confirmDiscard, applySession]);
  useEffect(() => api().on('session:opened', (session) => {
    openFromOutside(async () => session).catch(fail);
  }), [openFromOutside, fail]);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      // Never let the page navigate to the file.
      e.preventDefault();
      openFromOutside(() => api().openDropped(files)).catch(fail);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFromOutside, fail]);

  const reload = useCallback(async () => {
    if (!transcript) return;
    setExternal(null);
    applySession(await api().invoke('document:reload', { id: transcript.id }));
  }, [transcript, applySession]);

  // App keys, and play/pause when the focus is outside the editor (the editor's keymap
  // handles its own keys first and marks them handled).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      let command: MenuCommand | null = null;
      if (e.key === 'Escape' || (mod && e.code === 'Space')) command = 'play-pause';
      else if (mod && e.key.toLowerCase() === 's') command = e.shiftKey ? 'save-as' : 'save';
      else if (mod && e.key.toLowerCase() === 'o') command = 'open-transcript';
      if (command) {
        e.preventDefault();
        runCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCommand]);

  const onEditorUpdate = useCallback((v: EditorView) => {
    const state = v.state;
    const head = state.selection.main.head;
    const line = state.doc.lineAt(head);
    const cues = cuesOf(state);
    const cueIndex = cursorCueIndex(state);
    setCursor({ line: line.number, column: head - line.from + 1, lines: state.doc.lines, cueIndex, cueCount: cues.length, cue: cues[cueIndex] ?? null });
    if (!savedDoc.current) savedDoc.current = state.doc;
    const isDirty = !state.doc.eq(savedDoc.current);
    setDirty(isDirty);
    timeline.noteUpdate(v);
    journal.noteDirty(isDirty);
  }, [timeline.noteUpdate, journal.noteDirty]);

  const onView = useCallback((v: EditorView | null) => {
    view.current = v;
    journal.reset();
    // A recovered document starts unsaved: it differs from its file.
    savedDoc.current = v ? (recovered.current ? Text.empty : v.state.doc) : null;
    timeline.reset();
    if (v) timeline.noteUpdate(v);
  }, [timeline.reset, timeline.noteUpdate, journal.reset]);

  // During playback the spoken cue is highlighted in the editor and kept in view.
  const onTime = useCallback((t: number) => {
    setTime(t);
    const v = view.current;
    if (!v) return;
    const playing = playback.current?.playing ?? false;
    const index = playing ? spokenCueAt(cuesOf(v.state), t) : -1;
    if (index === v.state.field(spokenCue)) return;
    const cue = cuesOf(v.state)[index];
    const effects: StateEffect<unknown>[] = [setSpokenCue.of(index)];
    if (cue && !isVisible(v, cue.range.from)) effects.push(EditorView.scrollIntoView(cue.range.from, { y: 'center' }));
    v.dispatch({ effects });
  }, []);

  /** Clicking the waveform (on a cue or between cues) puts the editor cursor in the cue there. */
  const onUserSeek = useCallback((t: number) => {
    const v = view.current;
    const cue = v ? cuesOf(v.state)[Math.max(0, cueIndexAtTime(cuesOf(v.state), t))] : undefined;
    if (!v || !cue) return;
    // The focus stays on the waveform (its keys zoom and scroll).
    v.dispatch({ selection: { anchor: cue.textRange.from }, scrollIntoView: true, userEvent: 'select.cue' });
  }, []);

  const onReady = useCallback((ws: WaveSurfer) => {
    wavesurfer.current = ws;
    playback.current?.destroy();
    playback.current = new PlaybackController(ws.getMediaElement(), { autoRewind: settings.playback.autoRewind ?? DEFAULT_AUTO_REWIND, onRate: setRate });
    if (settings.playback.rate) playback.current.setRate(settings.playback.rate);
  }, [settings.playback.autoRewind, settings.playback.rate]);

  useEffect(() => { documentId.current = transcript?.id ?? null; }, [transcript]);
  // The main process needs the unsaved state for the close prompt and the macOS edited mark.
  useEffect(() => {
    if (transcript) api().invoke('document:state', { id: transcript.id, dirty }).catch(() => {});
  }, [transcript, dirty]);
  useEffect(() => api().on('window:close-requested', () => {
    confirmDiscard().then((go) => (go ? api().invoke('window:close', {}) : undefined)).catch(fail);
  }), [confirmDiscard, fail]);

  const recover = useCallback(async (key: string) => {
    if (!(await confirmDiscard())) return;
    const session = await api().invoke('recovery:restore', { key });
    applySession(session);
    setRecovery((r) => (r && r.documents.length > 1 ? { ...r, documents: r.documents.filter((d) => d.key !== key) } : null));
  }, [applySession, confirmDiscard]);

  const discardRecovery = useCallback(async (key: string) => {
    await api().invoke('recovery:discard', { key });
    setRecovery((r) => (r && r.documents.length > 1 ? { ...r, documents: r.documents.filter((d) => d.key !== key) } : null));
  }, []);

  useEffect(() => {
    document.title = transcript ? `${dirty ? '• ' : ''}${transcript.name} — Cueline` : 'Cueline';
  }, [transcript, dirty]);

  return (
    <div className="app">
      <header className="toolbar">
        <button onClick={() => runCommand('open-transcript')}>Open…</button>
        <button onClick={() => runCommand('open-recent')}>Recent…</button>
        <button onClick={() => runCommand('open-audio')}>Open audio…</button>
        <button onClick={() => runCommand('save')} disabled={!transcript}>Save</button>
        <button onClick={() => runCommand('play-pause')} disabled={!audio}>Play/Pause</button>
        <button onClick={() => runCommand('clean-correct')} disabled={!transcript}>Clean…</button>
        <button onClick={() => runCommand('shortcuts')}>Shortcuts</button>
        <span className="toolbar-title">{transcript ? transcript.name : 'No transcript'}{dirty ? ' •' : ''}</span>
        <span className="toolbar-time" data-testid="playhead">{formatClock(time)}</span>
      </header>
      <section className="waveform-pane">
        {audio ? (
          <Waveform
            url={audio.url}
            cues={timeline.cues}
            activeIndex={timeline.cursorIndex}
            onRetime={timeline.retimeCues}
            onCueSelect={(index) => {
              const v = view.current;
              const cue = v ? cuesOf(v.state)[index] : undefined;
              if (v && cue) {
                v.dispatch({ selection: { anchor: cue.textRange.from }, scrollIntoView: true, userEvent: 'select.cue' });
                v.focus();
              }
            }}
            onSilenceFinder={(find) => { silenceFinder.current = find; }}
            onUserSeek={onUserSeek}
            onReady={onReady}
            onTime={onTime}
            onError={(text) => report([{ level: 'error', text: `${audio.name}: ${text}` }])}
          />
        ) : (
          <div className="waveform-empty">No audio. Open an audio file to see its waveform.</div>
        )}
      </section>
      <main className="editor-pane">
        {transcript ? (
          <TranscriptEditor
            documentKey={transcript.key}
            initialText={transcript.text}
            preferences={preferences}
            extensions={editorExtensions}
            onView={onView}
            onUpdate={onEditorUpdate}
            onChanges={journal.noteChanges}
            onProblems={setProblems}
          />
        ) : (
          <div className="editor-empty">Open a transcript (WebVTT, SRT or TXT) to start.</div>
        )}
      </main>
      {external && (
        <div className="external-banner" role="alert" data-testid="external-banner">
          {external.kind === 'conflict'
            ? `${external.name} changed on disk since you opened it. Overwrite it with your version, or reload it?`
            : external.kind === 'changed'
              ? `${external.name} changed on disk.${dirty ? ' You have unsaved changes.' : ''}`
              : `${external.name} was deleted or moved on disk. Saving writes it again.`}
          {external.kind === 'conflict' && <button onClick={() => { setExternal(null); save(false, true).catch(fail); }}>Overwrite</button>}
          {external.kind !== 'deleted' && <button onClick={() => { reload().catch(fail); }}>Reload</button>}
          <button onClick={() => setExternal(null)}>{external.kind === 'conflict' ? 'Cancel' : 'Keep mine'}</button>
        </div>
      )}
      <ul className="messages" aria-live="polite" data-testid="messages">
        {messages.map((m, i) => (
          <li key={i} className={`message message-${m.level}`}>{m.text}</li>
        ))}
      </ul>
      <StatusBar cursor={cursor} dirty={dirty} name={transcript?.name ?? null} rules={rules} rate={rate} problems={problems} profile={settings.qaProfile} onProfile={(qaProfile) => changeSettings({ ...settings, qaProfile })} />
      {cleaning && view.current && (
        <CleanPanel
          view={view.current}
          corrections={cleaning.corrections}
          onExport={(text, format) => exportAs(format, format === 'txt' ? 'talkpython' : undefined, text).catch(fail)}
          onClose={(message) => {
            setCleaning(null);
            if (message) report([{ level: 'info', text: message }]);
            view.current?.focus();
          }}
        />
      )}
      {recent && (
        <RecentDialog
          items={recent}
          onOpen={(index) => { openFromOutside(() => api().invoke('recent:open', { index })).catch(fail); }}
          onClose={() => setRecent(null)}
        />
      )}
      {recovery && !unsaved && (
        <RecoveryDialog
          list={recovery}
          onRecover={(key) => { recover(key).catch(fail); }}
          onDiscard={(key) => { discardRecovery(key).catch(fail); }}
          onLater={() => setRecovery(null)}
        />
      )}
      {unsaved && transcript && <UnsavedDialog name={transcript.name} onChoice={unsaved.resolve} />}
      {showShortcuts && <ShortcutsDialog settings={settings} onChange={changeSettings} onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}

function isVisible(view: EditorView, pos: number): boolean {
  const { from, to } = view.viewport;
  if (pos < from || pos > to) return false;
  const block = view.lineBlockAt(pos);
  const rect = view.scrollDOM.getBoundingClientRect();
  const top = view.documentTop + block.top;
  return top >= rect.top && top + block.height <= rect.bottom;
}
