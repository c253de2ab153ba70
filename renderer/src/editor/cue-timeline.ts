/**
 * The hop from the editor to the waveform and back, with no React state between: a
 * ViewPlugin publishes the cues (from the cue StateField), the cursor's cue and the
 * spoken cue to a CueTimeline whenever one of them changes; the waveform's cue layer
 * subscribes. Back the other way, drags and clicks become CodeMirror transactions on
 * the attached view (one undo step each).
 *
 * A cue is identified across the hop by its position in the document (`range.from`),
 * mapped through every change published since, never by array index: an edit that lands
 * during a drag (undo, a reload, a timing command) cannot retime the wrong cue.
 */
import type { ChangeDesc, EditorState, Extension } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import EventEmitter from 'wavesurfer.js/dist/event-emitter.js';
import type { CueTimes } from '../../../shared/formats/vtt/block-runs';
import type { VttCue } from '../../../shared/formats/vtt/types';
import { retimeCue } from '../../../shared/formats/vtt/edit';
import { cueIndexAt } from '../../../shared/timing/cue-at';
import { blocksOf, cuesOf, cursorCueIndex, vttOf } from './cue-field';
import { spokenCue } from './cue-highlight';
import { JUMP_EVENTS, jumpTo } from './jump';
import { playbackPort } from './playback-port';
import { cueWordTimes } from './word-times';

export interface TimelineSnapshot {
  /**
   * Every cue, built on first read (after a keystroke, every cue after it has moved):
   * what runs on each update should use `cueCount`, `cue` and `times` instead.
   */
  readonly cues: readonly VttCue[];
  cueCount: number;
  /** Cue `index` with its current positions, or undefined. */
  cue(index: number): VttCue | undefined;
  /** Every cue's start and end in cue order: the same array as the last snapshot's while no cue's times changed (typing). */
  times: readonly CueTimes[];
  /** Index of the cue at the cursor, -1 when none. */
  cursor: number;
  /** Index of the cue being spoken during playback, -1 when none. */
  spoken: number;
  /** Maps positions of the previous snapshot to this one; null for a new document. */
  changes: ChangeDesc | null;
  /** The cursor jumped to its cue (go to cue, find, problem, waveform): centre it. */
  jump: boolean;
}

/** New times for one cue, named by its start position in the latest snapshot. */
export interface CueRetime {
  at: number;
  start?: number;
  end?: number;
}

const EMPTY: TimelineSnapshot = { cues: [], cueCount: 0, cue: () => undefined, times: [], cursor: -1, spoken: -1, changes: null, jump: false };

/** What the timeline publishes for `state` (exported for tests). */
export function snapshotOf(state: EditorState, changes: ChangeDesc | null, jump: boolean): TimelineSnapshot {
  const runs = blocksOf(state);
  return {
    get cues() {
      return cuesOf(state);
    },
    cueCount: runs.cueCount,
    cue: (index) => runs.cue(index),
    times: runs.times(),
    cursor: cursorCueIndex(state),
    spoken: state.field(spokenCue),
    changes,
    jump,
  };
}

export class CueTimeline extends EventEmitter<{ update: [TimelineSnapshot] }> {
  snapshot: TimelineSnapshot = EMPTY;
  private view: EditorView | null = null;

  /** The editor view in charge (null: none open). */
  get editor(): EditorView | null {
    return this.view;
  }

  publish(snapshot: TimelineSnapshot): void {
    this.snapshot = snapshot;
    this.emit('update', snapshot);
  }

  attach(view: EditorView): void {
    this.view = view;
  }

  detach(view: EditorView): void {
    if (this.view !== view) return;
    this.view = null;
    this.publish(EMPTY);
  }

  /** Waveform drags: every retimed cue in one transaction (one undo step). */
  retime(retimes: readonly CueRetime[]): void {
    const view = this.view;
    if (!view) return;
    const doc = vttOf(view.state);
    const changes = retimes.flatMap((r) => {
      const cue = cueAtPosition(doc.cues, r.at);
      if (!cue) return [];
      const start = r.start ?? cue.start;
      const end = r.end ?? cue.end;
      // An edge never crosses the other one.
      return retimeCue(doc, cue, { start: Math.min(start, end), end: Math.max(start, end) });
    });
    if (changes.length) view.dispatch({ changes, userEvent: 'input.cue-drag' });
  }

  /**
   * A cue's label was clicked: the cursor goes to its text, and the focus to the editor.
   * On its `word`-th word (0-based), when the cue has word times, playback seeks to that word.
   */
  selectCue(at: number, word: number | null = null): void {
    const view = this.view;
    const cues = view ? cuesOf(view.state) : [];
    const cue = cueAtPosition(cues, at);
    if (!view || !cue) return;
    jumpTo(view, cue.textRange.from, 'select.cue');
    view.focus();
    const timed = word === null ? undefined : cueWordTimes(view.state, cues.indexOf(cue))?.[word];
    const port = view.state.facet(playbackPort);
    if (timed && port?.ready()) port.seek(timed.start);
  }

  /** The waveform was clicked at `seconds`: the cursor goes to the cue there (the focus stays). */
  selectTime(seconds: number): void {
    const view = this.view;
    if (!view) return;
    const cues = blocksOf(view.state);
    const cue = cues.cue(Math.max(0, cues.cueIndexAtTime(seconds)));
    if (cue) jumpTo(view, cue.textRange.from, 'select.waveform');
  }
}

function cueAtPosition(cues: readonly VttCue[], at: number): VttCue | undefined {
  const cue = cues[cueIndexAt(cues, at)];
  return cue && cue.range.from === at ? cue : undefined;
}

/** The editor's side: publishes to `timeline` on every change that matters to it. */
export function publishTimeline(timeline: CueTimeline): Extension {
  return ViewPlugin.define((view) => {
    timeline.attach(view);
    let last = snapshotOf(view.state, null, false);
    let lastDoc = vttOf(view.state);
    timeline.publish(last);
    return {
      update(u: ViewUpdate) {
        const doc = vttOf(u.state);
        const cursor = cursorCueIndex(u.state);
        const spoken = u.state.field(spokenCue);
        const jump = u.transactions.some((tr) => JUMP_EVENTS.some((e) => tr.isUserEvent(e)));
        if (!u.docChanged && !jump && doc === lastDoc && cursor === last.cursor && spoken === last.spoken) return;
        // Positions unchanged: an identity mapping (a non-null `changes` says "same document").
        last = snapshotOf(u.state, u.changes, jump);
        lastDoc = doc;
        timeline.publish(last);
      },
      destroy() {
        timeline.detach(view);
      },
    };
  });
}
