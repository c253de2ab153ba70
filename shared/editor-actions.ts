/**
 * The editor actions by id, with the labels and groups menus, the Help dialog and the
 * README show. The renderer gives each id its behaviour (renderer/src/editor/actions);
 * the native menu sends ids over IPC (`menu:action`), so both sides share this list.
 */
export type EditorActionGroup = 'Timing' | 'Cues' | 'Navigation' | 'Playback';

export interface EditorActionInfo {
  id: EditorActionId;
  label: string;
  group: EditorActionGroup;
}

export const EDITOR_ACTION_INFO = [
  { id: 'nudge-start-back', label: 'Start earlier (large step)', group: 'Timing' },
  { id: 'nudge-start-forward', label: 'Start later (large step)', group: 'Timing' },
  { id: 'nudge-end-back', label: 'End earlier (large step)', group: 'Timing' },
  { id: 'nudge-end-forward', label: 'End later (large step)', group: 'Timing' },
  { id: 'nudge-start-back-fine', label: 'Start earlier (small step)', group: 'Timing' },
  { id: 'nudge-start-forward-fine', label: 'Start later (small step)', group: 'Timing' },
  { id: 'nudge-end-back-fine', label: 'End earlier (small step)', group: 'Timing' },
  { id: 'nudge-end-forward-fine', label: 'End later (small step)', group: 'Timing' },
  { id: 'shift-cue-back', label: 'Shift cue earlier', group: 'Timing' },
  { id: 'shift-cue-forward', label: 'Shift cue later', group: 'Timing' },
  { id: 'ripple-back', label: 'Shift this and all later cues earlier', group: 'Timing' },
  { id: 'ripple-forward', label: 'Shift this and all later cues later', group: 'Timing' },
  { id: 'start-to-playhead', label: 'Set start to playhead', group: 'Timing' },
  { id: 'end-to-playhead', label: 'Set end to playhead', group: 'Timing' },
  { id: 'end-and-next', label: 'Set end to playhead and go to next cue', group: 'Timing' },
  { id: 'snap-to-silence', label: 'Snap cue edges to the nearest silence', group: 'Timing' },
  { id: 'fix-overlaps', label: 'Fix overlaps (selection, or whole file)', group: 'Timing' },
  { id: 'split-cue', label: 'Split cue at cursor', group: 'Cues' },
  { id: 'merge-next', label: 'Merge cue with next', group: 'Cues' },
  { id: 'insert-cue', label: 'Insert cue at playhead', group: 'Cues' },
  { id: 'previous-cue', label: 'Previous cue', group: 'Navigation' },
  { id: 'next-cue', label: 'Next cue', group: 'Navigation' },
  { id: 'next-problem', label: 'Next problem', group: 'Navigation' },
  { id: 'previous-problem', label: 'Previous problem', group: 'Navigation' },
  { id: 'play-pause', label: 'Play / pause', group: 'Playback' },
  { id: 'rewind', label: 'Rewind (short)', group: 'Playback' },
  { id: 'forward', label: 'Forward (short)', group: 'Playback' },
  { id: 'rewind-long', label: 'Rewind (long)', group: 'Playback' },
  { id: 'forward-long', label: 'Forward (long)', group: 'Playback' },
  { id: 'slower', label: 'Slower (−0.1×)', group: 'Playback' },
  { id: 'faster', label: 'Faster (+0.1×)', group: 'Playback' },
  { id: 'play-cue', label: 'Play current cue', group: 'Playback' },
  { id: 'loop-cue', label: 'Loop current cue', group: 'Playback' },
  { id: 'play-before-start', label: 'Play 500 ms before start', group: 'Playback' },
  { id: 'play-after-end', label: 'Play 500 ms after end', group: 'Playback' },
  { id: 'seek-to-cue', label: 'Move playhead to cue start', group: 'Playback' },
] as const satisfies readonly { id: string; label: string; group: EditorActionGroup }[];

export type EditorActionId = (typeof EDITOR_ACTION_INFO)[number]['id'];
export const EDITOR_ACTION_IDS = EDITOR_ACTION_INFO.map((a) => a.id) as [EditorActionId, ...EditorActionId[]];
