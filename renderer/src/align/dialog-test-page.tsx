/**
 * The page AlignDialog.ui.test.ts runs in Chromium (bundled by that test, never by the
 * app): a transcript editor with word times, the spoken-word highlight and the alignment
 * lint, a player double, and the Align dialog mounted with an aligner double whose
 * statuses the test releases one by one through `window.alignTest`.
 */
import { history, historyKeymap } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createRoot } from 'react-dom/client';
import type { AlignResult, AlignStatus } from '../../../shared/ipc/align-contract';
import { vttField } from '../editor/cue-field';
import { playbackPort, type PlaybackPort } from '../editor/playback-port';
import { wordHighlight } from '../editor/word-highlight';
import { wordTimes } from '../editor/word-times';
import { AlignDialog } from './AlignDialog';
import type { AlignFn } from './client';
import { alignmentLint } from './lint';

type Listener = (t?: number) => void;

/** A player double: the test sets `playing` and emits time events; seeks are recorded. */
class PlayerDouble {
  playing = false;
  seeks: number[] = [];
  private listeners = new Map<string, Set<Listener>>();
  time = () => 0;
  ready = () => true;
  playPause() {}
  seekBy() {}
  seek(t: number) {
    this.seeks.push(t);
  }
  playRange() {}
  changeRate() {}
  silenceNear = () => null;
  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => void set.delete(listener);
  }
  emit(event: string, t?: number) {
    for (const l of this.listeners.get(event) ?? []) l(t);
  }
}

const player = new PlayerDouble();
const pending: AlignStatus[] = [];
const waiting: ((s: AlignStatus) => void)[] = [];
const requests: unknown[] = [];
let canceled = false;

/** Statuses are handed out as the test pushes them; a poll with none waits (a long poll). */
const align: AlignFn = async (request) => {
  requests.push(request);
  return {
    status: () => new Promise<AlignStatus>((resolve) => {
      const next = pending.shift();
      if (next) resolve(next);
      else waiting.push(resolve);
    }),
    cancel: async () => {
      canceled = true;
      waiting.splice(0).forEach((w) => w({ status: 'canceled' }));
    },
  };
};

let view: EditorView | null = null;
const root = createRoot(document.getElementById('dialog')!);

const api = {
  open(doc: string) {
    view?.destroy();
    view = new EditorView({
      parent: document.getElementById('editor')!,
      state: EditorState.create({
        doc,
        extensions: [vttField, wordTimes, wordHighlight, alignmentLint, history(), keymap.of(historyKeymap), playbackPort.of(player as unknown as PlaybackPort)],
      }),
    });
  },
  showDialog() {
    root.render(<AlignDialog view={view!} align={align} profile="transcript" onClose={() => root.render(null)} onApplied={(m) => (document.getElementById('message')!.textContent = m)} />);
  },
  push(status: AlignStatus) {
    const w = waiting.shift();
    if (w) w(status);
    else pending.push(status);
  },
  done(result: AlignResult) {
    api.push({ status: 'done', result });
  },
  text: () => view!.state.doc.toString(),
  select: (from: number, to: number) => view!.dispatch({ selection: { anchor: from, head: to } }),
  focus: () => view!.focus(),
  requests: () => requests,
  canceled: () => canceled,
  player,
};

export type AlignTestApi = typeof api;

declare global {
  interface Window {
    alignTest: AlignTestApi;
  }
}
window.alignTest = api;
