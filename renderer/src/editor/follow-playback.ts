/**
 * The editor during playback (oTranscribe's rule: the view never moves away from where
 * the user types). A ViewPlugin listens to the player: the spoken cue is highlighted,
 * and, when "Follow playback" is on and the user has neither typed nor moved the cursor
 * for a few seconds, scrolled to the middle of the view when it leaves it. Play starts
 * at the cursor's cue when the cursor moved since the last pause (a preference), else
 * at the playhead.
 */
import { Facet, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import EventEmitter from 'wavesurfer.js/dist/event-emitter.js';
import type { VttCue } from '../../../shared/formats/vtt/types';
import { cueIndexAtTime } from '../../../shared/timing/cue-at';
import { cuesOf, cursorCueIndex } from './cue-field';
import { setSpokenCue, spokenCue } from './cue-highlight';
import { playbackPort } from './playback-port';

/** The "Follow playback" toggle, shared by the editor and whatever shows the toggle. */
export class FollowPlayback extends EventEmitter<{ change: [enabled: boolean] }> {
  /** Play starts at the cursor's cue when the cursor moved since the last pause. */
  playFromCursor = true;

  constructor(public enabled = true, /** Follow pauses this long after a keystroke or cursor move. */ public pauseMs = 4000) {
    super();
  }

  set(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.emit('change', enabled);
  }

  toggle(): void {
    this.set(!this.enabled);
  }

  /** Play from the cursor's cue (when it moved since the last pause), or from the playhead. */
  setPlayFromCursor(on: boolean): void {
    if (on === this.playFromCursor) return;
    this.playFromCursor = on;
    this.emit('change', this.enabled);
  }
}

export const followConfig = Facet.define<FollowPlayback, FollowPlayback | null>({ combine: (v) => v.at(-1) ?? null });

/** The cue being spoken at `t`: the last cue starting at or before `t`, if `t` is before its end. */
export function spokenCueAt(cues: readonly VttCue[], t: number): number {
  const i = cueIndexAtTime(cues, t);
  return i >= 0 && t < cues[i]!.end ? i : -1;
}

class FollowPlugin {
  /** performance.now() of the user's last keystroke or cursor move. */
  lastActivity = -Infinity;
  /** The cursor moved since the last pause (or explicit seek). */
  cursorMoved = false;
  private readonly off: (() => void)[] = [];

  constructor(private readonly view: EditorView) {
    const port = view.state.facet(playbackPort);
    if (!port) return;
    this.off.push(
      port.on('time', (t) => this.onTime(t)),
      port.on('pause', () => { this.cursorMoved = false; this.setSpoken(-1); }),
      // A seek placed the playhead on purpose: Play starts there, until the cursor moves again.
      port.on('seek', () => { this.cursorMoved = false; }),
    );
  }

  update(u: ViewUpdate): void {
    const byUser = u.transactions.some((tr) => tr.isUserEvent('input') || tr.isUserEvent('delete') || tr.isUserEvent('select') || tr.isUserEvent('move') || tr.isUserEvent('undo') || tr.isUserEvent('redo'));
    if (!byUser) return;
    this.lastActivity = performance.now();
    // A click on the waveform placed the playhead itself: play from there.
    if (u.selectionSet && !u.transactions.some((tr) => tr.isUserEvent('select.waveform'))) this.cursorMoved = true;
  }

  /** Where Play should start: the cursor's cue start, or undefined for the playhead. */
  playFrom(): number | undefined {
    const follow = this.view.state.facet(followConfig);
    if (!follow?.playFromCursor || !this.cursorMoved) return undefined;
    const cue = cuesOf(this.view.state)[cursorCueIndex(this.view.state)];
    this.cursorMoved = false;
    return cue?.start;
  }

  private onTime(t: number): void {
    const port = this.view.state.facet(playbackPort);
    this.setSpoken(port?.playing ? spokenCueAt(cuesOf(this.view.state), t) : -1);
  }

  private setSpoken(index: number): void {
    const state = this.view.state;
    if (index === state.field(spokenCue)) return;
    const cue = cuesOf(state)[index];
    const config = state.facet(followConfig);
    const follow = config?.enabled && performance.now() - this.lastActivity >= config.pauseMs;
    const scroll = follow && cue && !inView(this.view, cue.range.from) ? [EditorView.scrollIntoView(cue.range.from, { y: 'center' })] : [];
    this.view.dispatch({ effects: [setSpokenCue.of(index), ...scroll] });
  }

  destroy(): void {
    for (const off of this.off.splice(0)) off();
  }
}

export const followPlugin = ViewPlugin.fromClass(FollowPlugin);

function inView(view: EditorView, pos: number): boolean {
  const { from, to } = view.viewport;
  if (pos < from || pos > to) return false;
  const block = view.lineBlockAt(pos);
  const rect = view.scrollDOM.getBoundingClientRect();
  const top = view.documentTop + block.top;
  return top >= rect.top && top + block.height <= rect.bottom;
}

export function followPlayback(follow: FollowPlayback): Extension {
  return [followConfig.of(follow), followPlugin];
}
