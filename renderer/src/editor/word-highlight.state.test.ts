import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, type DecorationSet } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { vttField } from './cue-field';
import type { PlaybackPort } from './playback-port';
import { followSpokenWord, seekTimeForClick, setSpokenWord, spokenWord, wordHighlight } from './word-highlight';
import { wordTimes } from './word-times';

const DOC = ['WEBVTT', '', '00:00:01.000 --> 00:00:03.000', 'Hello <00:00:01.500>big <00:00:02.000>world.', ''].join('\n');

/** A player double: records seeks, and emits the events a real player would. */
function fakePort() {
  const listeners: Record<string, ((t?: number) => void)[]> = { time: [], play: [], pause: [] };
  const port = {
    playing: false,
    seeks: [] as number[],
    time: () => 0,
    ready: () => true,
    playPause() {},
    seekBy() {},
    seek(t: number) {
      port.seeks.push(t);
    },
    playRange() {},
    changeRate() {},
    silenceNear: () => null,
    on(event: string, listener: (t?: number) => void) {
      listeners[event]!.push(listener);
      return () => listeners[event]!.splice(listeners[event]!.indexOf(listener), 1);
    },
    emit(event: string, t?: number) {
      for (const l of [...listeners[event]!]) l(t);
    },
    count: (event: string) => listeners[event]!.length,
  };
  return port;
}

function decoratedText(state: EditorState): string[] {
  const out: string[] = [];
  for (const d of state.facet(EditorView.decorations)) {
    if (typeof d === 'function') continue;
    (d as DecorationSet).between(0, state.doc.length, (from, to, deco) => {
      if (deco.spec.class === 'cm-spoken-word') out.push(state.doc.sliceString(from, to));
    });
  }
  return out;
}

describe('spoken word', () => {
  it('highlights the word under the playhead while playing, reporting only changes, and clears on pause', () => {
    let state = EditorState.create({ doc: DOC, extensions: [vttField, wordTimes, wordHighlight] });
    const port = fakePort();
    const reports: (string | null)[] = [];
    const stop = followSpokenWord(port as unknown as PlaybackPort, () => state, (r) => {
      reports.push(r ? state.doc.sliceString(r.from, r.to) : null);
      state = state.update({ effects: setSpokenWord.of(r) }).state;
    });
    port.emit('time', 1.6); // paused: a seek, not playback
    expect(reports).toEqual([]);
    port.playing = true;
    port.emit('time', 1.1);
    port.emit('time', 1.2);
    port.emit('time', 1.6);
    port.emit('time', 2.5);
    expect(reports).toEqual(['Hello', 'big', 'world.']);
    expect(decoratedText(state)).toEqual(['world.']);
    port.emit('time', 3.5);
    expect(reports.at(-1)).toBeNull();
    port.emit('time', 2.5);
    port.playing = false;
    port.emit('pause');
    expect(reports.slice(-2)).toEqual(['world.', null]);
    expect(decoratedText(state)).toEqual([]);
    stop();
    expect(port.count('time') + port.count('pause')).toBe(0);
  });

  it('keeps the highlight on the word through an edit before it, and drops it when the word is deleted', () => {
    let state = EditorState.create({ doc: DOC, extensions: [vttField, wordTimes, wordHighlight] });
    const big = DOC.indexOf('big');
    state = state.update({ effects: setSpokenWord.of({ from: big, to: big + 3 }) }).state;
    state = state.update({ changes: { from: big - 20, insert: 'xx' } }).state;
    expect(decoratedText(state)).toEqual(['big']);
    state = state.update({ changes: { from: big + 2, to: big + 5 } }).state;
    expect(state.field(spokenWord)).toBeNull();
  });

  it('a click on a timed word seeks to its start; not with a selection, nor off the words', () => {
    const state = EditorState.create({ doc: DOC, extensions: [vttField, wordTimes, wordHighlight] });
    const world = DOC.indexOf('world.');
    expect(seekTimeForClick(state, world + 2)).toBe(2);
    expect(seekTimeForClick(state, 3)).toBeNull();
    expect(seekTimeForClick(state, null)).toBeNull();
    const selected = state.update({ selection: EditorSelection.range(world, world + 3) }).state;
    expect(seekTimeForClick(selected, world + 2)).toBeNull();
  });
});
