/**
 * Every editor action a key or menu item can run, by stable id. Keymaps (and their
 * presets and user overrides) bind keys to these ids, the Help dialog and README list
 * them, and the native menu sends the ids; so a command exists once.
 */
import { EditorSelection, StateField, type EditorState, type Transaction } from '@codemirror/state';
import type { Command, EditorView } from '@codemirror/view';
import { nextDiagnostic, previousDiagnostic } from '@codemirror/lint';
import {
  cueSpanOf,
  cueTextOffset,
  fixOverlaps,
  insertCueAt,
  mergeWithNext,
  nudge,
  rippleShift,
  setEdgeAt,
  setEndAndGoToNext,
  splitCue,
  type CueEdgeName,
  type TimingEdit,
} from '../../../shared/timing';
import { EDITOR_ACTION_INFO, type EditorActionId, type EditorActionInfo } from '../../../shared/editor-actions';
import { retimeCue } from '../../../shared/formats/vtt/edit';
import { cuesOf, cursorCueIndex, vttOf } from './cue-field';
import { splitCueAtWord } from './word-split';
import { playbackPort, type PlaybackPort } from './playback-port';
import { followPlugin } from './follow-playback';
import { centreCursor, jumpTo } from './jump';
import { timingSettings, type TimingSettings } from './timing-settings';

export interface EditorAction extends EditorActionInfo {
  run: Command;
}

function apply(view: EditorView, edit: TimingEdit, userEvent: string): boolean {
  if (!edit.changes.length && edit.cursor === undefined) return false;
  view.dispatch({
    changes: edit.changes,
    selection: edit.cursor !== undefined ? EditorSelection.cursor(edit.cursor) : undefined,
    scrollIntoView: true,
    userEvent,
  });
  return true;
}

/** The cues the selection covers (the cursor's cue when the selection is empty). */
function selectedSpan(state: EditorState): [number, number] | null {
  const { from, to } = state.selection.main;
  return cueSpanOf(cuesOf(state), from, to);
}

const settings = (view: EditorView): TimingSettings => view.state.facet(timingSettings);
const port = (view: EditorView): PlaybackPort | null => {
  const p = view.state.facet(playbackPort);
  return p && p.ready() ? p : null;
};

function nudgeAction(edge: CueEdgeName, sign: 1 | -1, size: 'small' | 'large'): Command {
  return (view) => {
    const span = selectedSpan(view.state);
    if (!span) return false;
    const s = settings(view);
    const step = sign * (size === 'small' ? s.smallStepMs : s.largeStepMs);
    return apply(view, nudge(vttOf(view.state), span[0], span[1], edge, step), 'input.timing.nudge') || true;
  };
}

function rippleAction(sign: 1 | -1): Command {
  return (view) => {
    const span = selectedSpan(view.state);
    if (!span) return false;
    return apply(view, rippleShift(vttOf(view.state), span[0], sign * settings(view).largeStepMs), 'input.timing.ripple') || true;
  };
}

function toPlayhead(edge: 'start' | 'end'): Command {
  return (view) => {
    const p = port(view);
    const index = cursorCueIndex(view.state);
    if (!p || index < 0) return false;
    return apply(view, setEdgeAt(vttOf(view.state), index, edge, p.time()), 'input.timing.playhead') || true;
  };
}

const setEndAndNext: Command = (view) => {
  const p = port(view);
  const index = cursorCueIndex(view.state);
  if (!p || index < 0) return false;
  return apply(view, setEndAndGoToNext(vttOf(view.state), index, p.time()), 'input.timing.playhead');
};

/**
 * Right after a split (nothing typed or moved since), the start of the split's first
 * half: Merge then joins the two halves again, although the cursor is in the second.
 */
export const justSplit = StateField.define<number | null>({
  create: () => null,
  update(value, tr: Transaction) {
    if (tr.isUserEvent('input.cue.split')) {
      const cues = cuesOf(tr.state);
      return cues[cursorCueIndex(tr.state) - 1]?.range.from ?? null;
    }
    return tr.docChanged || tr.selection ? null : value;
  },
});

const split: Command = (view) => {
  const index = cursorCueIndex(view.state);
  if (index < 0) return false;
  const head = view.state.selection.main.head;
  // With word times the cut takes the word boundary's times, else the proportional estimate.
  return apply(view, splitCueAtWord(view.state, index, head) ?? splitCue(vttOf(view.state), index, head), 'input.cue.split');
};

const merge: Command = (view) => {
  const halves = view.state.field(justSplit, false);
  const cues = cuesOf(view.state);
  const first = halves === null || halves === undefined ? -1 : cues.findIndex((c) => c.range.from === halves);
  const index = first >= 0 ? first : cursorCueIndex(view.state);
  if (index < 0) return false;
  return apply(view, mergeWithNext(vttOf(view.state), index), 'input.cue.merge');
};

const insertAtPlayhead: Command = (view) => {
  const p = view.state.facet(playbackPort);
  const index = cursorCueIndex(view.state);
  const cue = cuesOf(view.state)[index];
  // Without audio, a new cue goes right after the cursor's cue.
  const at = p && p.ready() ? p.time() : cue ? cue.end : 0;
  return apply(view, insertCueAt(vttOf(view.state), at, settings(view).insertDurationMs), 'input.cue.insert');
};

/** Both edges of the cursor's cue to the quietest moment within ±300 ms (from the waveform). */
const snapToSilence: Command = (view) => {
  const p = view.state.facet(playbackPort);
  const index = cursorCueIndex(view.state);
  const doc = vttOf(view.state);
  const cue = doc.cues[index];
  if (!p || !cue) return false;
  const start = p.silenceNear(cue.start);
  const end = p.silenceNear(cue.end);
  if (start === null && end === null) return false;
  const s = start ?? cue.start;
  const e = Math.max(end ?? cue.end, s);
  return apply(view, { changes: retimeCue(doc, cue, { start: s, end: e }) }, 'input.timing.snap') || true;
};

const overlaps: Command = (view) => {
  const cues = cuesOf(view.state);
  const { from, to } = view.state.selection.main;
  // A range selection fixes the cues in it; a bare cursor fixes the whole file.
  const span = from !== to ? selectedSpan(view.state) : cues.length ? ([0, cues.length - 1] as [number, number]) : null;
  if (!span) return false;
  return apply(view, fixOverlaps(vttOf(view.state), span[0], span[1], settings(view).minGapMs), 'input.timing.overlaps') || true;
};

function goToCue(step: 1 | -1): Command {
  return (view) => {
    const cues = cuesOf(view.state);
    const index = cursorCueIndex(view.state);
    const offset = cueTextOffset(cues, index === -1 && step === 1 ? -1 : index, step);
    if (offset === null) return false;
    jumpTo(view, offset, 'select.cue');
    return true;
  };
}

function playback(run: (p: PlaybackPort, view: EditorView) => void): Command {
  return (view) => {
    const p = port(view);
    if (!p) return false;
    run(p, view);
    return true;
  };
}

/** F8 / Shift+F8, with the problem centred (lint's own command scrolls it to the nearest edge). */
function toProblem(run: Command): Command {
  return (view) => {
    if (!run(view)) return false;
    centreCursor(view, 'select.problem');
    return true;
  };
}

/** Play from the cursor's cue when the cursor moved since the last pause (see follow-playback). */
const playPause: Command = playback((p, v) => p.playPause(p.playing ? undefined : v.plugin(followPlugin)?.playFrom()));

function cueRange(view: EditorView): { start: number; end: number } | null {
  const cue = cuesOf(view.state)[cursorCueIndex(view.state)];
  return cue ? { start: cue.start, end: cue.end } : null;
}

/** What each action does, by id (labels and groups live in shared/editor-actions). */
const RUNS: Record<EditorActionId, Command> = {
  'nudge-start-back': nudgeAction('start', -1, 'large'),
  'nudge-start-forward': nudgeAction('start', 1, 'large'),
  'nudge-end-back': nudgeAction('end', -1, 'large'),
  'nudge-end-forward': nudgeAction('end', 1, 'large'),
  'nudge-start-back-fine': nudgeAction('start', -1, 'small'),
  'nudge-start-forward-fine': nudgeAction('start', 1, 'small'),
  'nudge-end-back-fine': nudgeAction('end', -1, 'small'),
  'nudge-end-forward-fine': nudgeAction('end', 1, 'small'),
  'shift-cue-back': nudgeAction('both', -1, 'large'),
  'shift-cue-forward': nudgeAction('both', 1, 'large'),
  'ripple-back': rippleAction(-1),
  'ripple-forward': rippleAction(1),
  'start-to-playhead': toPlayhead('start'),
  'end-to-playhead': toPlayhead('end'),
  'end-and-next': setEndAndNext,
  'snap-to-silence': snapToSilence,
  'fix-overlaps': overlaps,
  'split-cue': split,
  'merge-next': merge,
  'insert-cue': insertAtPlayhead,
  'previous-cue': goToCue(-1),
  'next-cue': goToCue(1),
  'next-problem': toProblem(nextDiagnostic),
  'previous-problem': toProblem(previousDiagnostic),
  'play-pause': playPause,
  'rewind': playback((p, v) => p.seekBy(-settings(v).rewindShort)),
  'forward': playback((p, v) => p.seekBy(settings(v).rewindShort)),
  'rewind-long': playback((p, v) => p.seekBy(-settings(v).rewindLong)),
  'forward-long': playback((p, v) => p.seekBy(settings(v).rewindLong)),
  'slower': playback((p) => p.changeRate(-0.1)),
  'faster': playback((p) => p.changeRate(0.1)),
  'play-cue': playback((p, v) => { const c = cueRange(v); if (c) p.playRange(c.start, c.end); }),
  'loop-cue': playback((p, v) => { const c = cueRange(v); if (c) p.playRange(c.start, c.end, true); }),
  'play-before-start': playback((p, v) => { const c = cueRange(v); if (c) p.playRange(Math.max(0, c.start - settings(v).probe), c.start); }),
  'play-after-end': playback((p, v) => { const c = cueRange(v); if (c) p.playRange(c.end, c.end + settings(v).probe); }),
  'seek-to-cue': playback((p, v) => { const c = cueRange(v); if (c) p.seek(c.start); }),
};

export const EDITOR_ACTIONS: readonly EditorAction[] = EDITOR_ACTION_INFO.map((info) => ({ ...info, run: RUNS[info.id] }));

export const ACTIONS_BY_ID: ReadonlyMap<string, EditorAction> = new Map(EDITOR_ACTIONS.map((a) => [a.id, a]));
