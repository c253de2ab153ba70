/**
 * The spoken word, highlighted during playback (a mark over the word whose times hold
 * the playhead), and click-a-word-to-seek. Word times come from word-times.ts; the
 * playhead from the playback port, whose 'time' events drive the highlight: an effect is
 * dispatched only when the spoken word changes, a few times a second, not every frame.
 */
import { StateEffect, StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { playbackPort, type PlaybackPort } from './playback-port';
import { wordAt, wordTimeAt } from './word-times';

export interface WordRange {
  from: number;
  to: number;
}

export const setSpokenWord = StateEffect.define<WordRange | null>({
  map: (r, changes) => (r ? { from: changes.mapPos(r.from, 1), to: changes.mapPos(r.to, -1) } : null),
});

/** The word being spoken (document range), null when none or not playing. */
export const spokenWord = StateField.define<WordRange | null>({
  create: () => null,
  update(value, tr: Transaction) {
    if (value && tr.docChanged) {
      const from = tr.changes.mapPos(value.from, 1);
      const to = tr.changes.mapPos(value.to, -1);
      value = to > from ? { from, to } : null;
    }
    for (const e of tr.effects) if (e.is(setSpokenWord)) value = e.value;
    return value;
  },
});

const SPOKEN_WORD = Decoration.mark({ class: 'cm-spoken-word' });

/** The document range of the word spoken at `time`, or null. */
export function spokenWordRange(state: EditorState, time: number): WordRange | null {
  const w = wordTimeAt(state, time);
  return w ? { from: w.from, to: w.to } : null;
}

const sameRange = (a: WordRange | null, b: WordRange | null) => a === b || (!!a && !!b && a.from === b.from && a.to === b.to);

/**
 * Follows a playback port: on each playhead move while playing, works out the spoken word
 * and reports it when it changed; on pause, reports none. Kept free of the view so it
 * runs in Node tests with a fake port. Returns the unsubscribe function.
 */
export function followSpokenWord(port: PlaybackPort, state: () => EditorState, report: (range: WordRange | null) => void): () => void {
  const onTime = (t: number) => {
    if (!port.playing) return;
    const s = state();
    const next = spokenWordRange(s, t);
    if (!sameRange(next, s.field(spokenWord))) report(next);
  };
  const onPause = () => {
    if (state().field(spokenWord)) report(null);
  };
  const offs = [port.on('time', onTime), port.on('pause', onPause)];
  return () => offs.forEach((off) => off());
}

const follower = ViewPlugin.fromClass(
  class {
    private port: PlaybackPort | null = null;
    private unsubscribe: (() => void) | null = null;
    constructor(private readonly view: EditorView) {
      this.attach();
    }
    update(u: ViewUpdate) {
      if (u.state.facet(playbackPort) !== this.port) this.attach();
    }
    private attach() {
      this.unsubscribe?.();
      this.port = this.view.state.facet(playbackPort);
      this.unsubscribe = this.port
        ? followSpokenWord(this.port, () => this.view.state, (range) => {
            // Port events may arrive inside another update (a command that seeks): dispatch after it.
            queueMicrotask(() => {
              if (!sameRange(range, this.view.state.field(spokenWord, false) ?? null)) this.view.dispatch({ effects: setSpokenWord.of(range) });
            });
          })
        : null;
    }
    destroy() {
      this.unsubscribe?.();
    }
  },
);

/** Where a plain click (no modifier, no drag) on a timed word should seek to, or null. */
export function seekTimeForClick(state: EditorState, pos: number | null): number | null {
  if (pos === null || !state.selection.main.empty) return null;
  return wordAt(state, pos)?.start ?? null;
}

const clickToSeek = EditorView.domEventHandlers({
  click(event, view) {
    if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || event.detail > 1) return false;
    const port = view.state.facet(playbackPort);
    if (!port?.ready()) return false;
    const time = seekTimeForClick(view.state, view.posAtCoords({ x: event.clientX, y: event.clientY }));
    if (time !== null) port.seek(time);
    return false; // the click still places the cursor
  },
});

const theme = EditorView.baseTheme({
  '.cm-spoken-word': { backgroundColor: 'rgba(255, 196, 0, 0.45)', borderRadius: '2px' },
  '&dark .cm-spoken-word': { backgroundColor: 'rgba(255, 196, 0, 0.3)' },
});

/** The spoken-word highlight and click-to-seek; needs `wordTimes` (word-times.ts) in the same editor. */
export const wordHighlight: Extension = [
  spokenWord,
  EditorView.decorations.compute([spokenWord], (state): DecorationSet => {
    const r = state.field(spokenWord);
    return r && r.to > r.from ? Decoration.set([SPOKEN_WORD.range(r.from, r.to)]) : Decoration.none;
  }),
  follower,
  clickToSeek,
  theme,
];
