import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import type WaveSurfer from 'wavesurfer.js';
import type { MenuCommand, OpenedSession } from '../../shared/ipc/contract';
import { api } from './api';
import { TranscriptEditor } from './editor/TranscriptEditor';
import { Waveform } from './waveform/Waveform';
import { useTranscriptCues } from './waveform/use-transcript-cues';
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

export function App() {
  const [transcript, setTranscript] = useState<OpenTranscript | null>(null);
  const [audio, setAudio] = useState<OpenedSession['audio']>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [cursor, setCursor] = useState<CursorInfo>({ line: 1, column: 1, lines: 0 });
  const [dirty, setDirty] = useState(false);
  const [time, setTime] = useState(0);
  const view = useRef<EditorView | null>(null);
  const wavesurfer = useRef<WaveSurfer | null>(null);
  const savedDoc = useRef<EditorView['state']['doc'] | null>(null);
  const opens = useRef(0);
  const timeline = useTranscriptCues(view, time);

  const report = useCallback((incoming: Message[]) => {
    if (incoming.length) setMessages((m) => [...m, ...incoming].slice(-6));
  }, []);

  const applySession = useCallback(
    (session: OpenedSession) => {
      report(session.messages);
      if (session.transcript) {
        const t = session.transcript;
        setTranscript({ id: t.id, name: t.name, text: t.text, key: `${t.id}:${opens.current++}` });
        setDirty(false);
      }
      if (session.audio) setAudio(session.audio);
    },
    [report],
  );

  const fail = useCallback((error: unknown) => {
    report([{ level: 'error', text: error instanceof Error ? error.message : String(error) }]);
  }, [report]);

  useEffect(() => {
    api().invoke('session:initial', {}).then(applySession, fail);
  }, [applySession, fail]);

  const save = useCallback(
    async (as: boolean) => {
      const v = view.current;
      if (!v || !transcript) return;
      const doc = v.state.doc;
      const result = await api().invoke(as ? 'document:save-as' : 'document:save', { id: transcript.id, text: v.state.sliceDoc() });
      if (result.ok) {
        savedDoc.current = doc;
        setDirty(!v.state.doc.eq(doc));
        // Save As names the document anew (a plain Save of a converted file does too).
        if (as || !/ \+ /.test(result.name)) setTranscript((t) => (t ? { ...t, name: result.name } : t));
        report([{ level: 'info', text: `Saved ${result.name}.` }]);
      } else if (!result.canceled) {
        report([{ level: 'error', text: result.message }]);
      }
    },
    [transcript, report],
  );

  const exportAs = useCallback(
    async (format: 'vtt' | 'srt' | 'txt', txtStyle?: 'talkpython' | 'paragraphs' | 'plain') => {
      const v = view.current;
      if (!v || !transcript) return;
      const result = await api().invoke('document:export', { id: transcript.id, text: v.state.sliceDoc(), format, txtStyle });
      if (result.ok) report([{ level: 'info', text: `Exported ${result.name}.` }]);
      else if (!result.canceled) report([{ level: 'error', text: result.message }]);
    },
    [transcript, report],
  );

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'export-vtt': exportAs('vtt').catch(fail); break;
        case 'export-srt': exportAs('srt').catch(fail); break;
        case 'export-txt-talkpython': exportAs('txt', 'talkpython').catch(fail); break;
        case 'export-txt-paragraphs': exportAs('txt', 'paragraphs').catch(fail); break;
        case 'export-txt-plain': exportAs('txt', 'plain').catch(fail); break;
        case 'open-transcript': api().invoke('session:open-dialog', { kind: 'transcript' }).then(applySession, fail); break;
        case 'open-audio': api().invoke('session:open-dialog', { kind: 'audio' }).then(applySession, fail); break;
        case 'save': save(false).catch(fail); break;
        case 'save-as': save(true).catch(fail); break;
        case 'play-pause': wavesurfer.current?.playPause().catch(fail); break;
        case 'shortcuts': report([{ level: 'info', text: 'Shortcuts: Ctrl/Cmd+S save, Ctrl/Cmd+Shift+S save as, Ctrl/Cmd+O open, Esc or Ctrl/Cmd+Space play/pause, Ctrl/Cmd+F find, Ctrl/Cmd+Z undo.' }]); break;
      }
    },
    [applySession, fail, save, exportAs, report],
  );

  useEffect(() => api().on('menu:command', runCommand), [runCommand]);

  // Keys that type nothing, so playback control works while typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
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
    const head = v.state.selection.main.head;
    const line = v.state.doc.lineAt(head);
    setCursor({ line: line.number, column: head - line.from + 1, lines: v.state.doc.lines });
    if (!savedDoc.current) savedDoc.current = v.state.doc;
    setDirty(!v.state.doc.eq(savedDoc.current));
    timeline.noteUpdate(v);
  }, [timeline.noteUpdate]);

  const onView = useCallback((v: EditorView | null) => {
    view.current = v;
    savedDoc.current = v ? v.state.doc : null;
    timeline.reset();
    if (v) timeline.noteUpdate(v);
  }, [timeline.reset, timeline.noteUpdate]);

  useEffect(() => {
    document.title = transcript ? `${dirty ? '• ' : ''}${transcript.name} — Cueline` : 'Cueline';
  }, [transcript, dirty]);

  return (
    <div className="app">
      <header className="toolbar">
        <button onClick={() => runCommand('open-transcript')}>Open…</button>
        <button onClick={() => runCommand('open-audio')}>Open audio…</button>
        <button onClick={() => runCommand('save')} disabled={!transcript}>Save</button>
        <button onClick={() => runCommand('play-pause')} disabled={!audio}>Play/Pause</button>
        <span className="toolbar-title">{transcript ? transcript.name : 'No transcript'}{dirty ? ' •' : ''}</span>
        <span className="toolbar-time" data-testid="playhead">{formatClock(time)}</span>
      </header>
      <section className="waveform-pane">
        {audio ? (
          <Waveform
            url={audio.url}
            cues={timeline.cues}
            activeIndex={timeline.activeIndex}
            onCueEdgeDrag={timeline.moveCueEdge}
            onReady={(ws) => { wavesurfer.current = ws; }}
            onTime={setTime}
            onError={(text) => report([{ level: 'error', text: `${audio.name}: ${text}` }])}
          />
        ) : (
          <div className="waveform-empty">No audio. Open an audio file to see its waveform.</div>
        )}
      </section>
      <main className="editor-pane">
        {transcript ? (
          <TranscriptEditor documentKey={transcript.key} initialText={transcript.text} onView={onView} onUpdate={onEditorUpdate} />
        ) : (
          <div className="editor-empty">Open a transcript (WebVTT, SRT or TXT) to start.</div>
        )}
      </main>
      <ul className="messages" aria-live="polite" data-testid="messages">
        {messages.map((m, i) => (
          <li key={i} className={`message message-${m.level}`}>{m.text}</li>
        ))}
      </ul>
      <StatusBar cursor={cursor} dirty={dirty} name={transcript?.name ?? null} />
    </div>
  );
}
