/**
 * The transport bar: play/pause, playhead and duration, speed 0.5–2×, the follow-playback
 * toggle and waveform zoom. The playhead is written straight into its DOM node from the
 * player's time events, so playback never re-renders React; only rare changes (play or
 * pause, speed, new audio, the follow toggle) are React state.
 */
import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../time';
import { MAX_RATE, MIN_RATE, type Player } from '../playback/player';
import type { FollowPlayback } from '../editor/follow-playback';
import type { AppCore } from '../app-core';

export interface TransportBarProps {
  /** The player and follow toggle it shows; Play runs the editor's play-pause action (it may start at the cursor's cue). */
  core: Pick<AppCore, 'player' | 'follow' | 'runAction'>;
}

interface PlayerState { ready: boolean; playing: boolean; rate: number; duration: number }

const readState = (p: Player): PlayerState => ({ ready: p.ready(), playing: p.playing, rate: p.rate, duration: p.duration });
const sameState = (a: PlayerState, b: PlayerState) => a.ready === b.ready && a.playing === b.playing && a.rate === b.rate && a.duration === b.duration;

/** The player's rarely-changing state, re-read on its events (never on 'time'). */
function usePlayerState(player: Player): PlayerState {
  const [state, setState] = useState(() => readState(player));
  useEffect(() => {
    const update = () => setState((old) => { const next = readState(player); return sameState(old, next) ? old : next; });
    update();
    const offs = (['load', 'ready', 'play', 'pause', 'rate'] as const).map((e) => player.on(e, update));
    return () => offs.forEach((off) => off());
  }, [player]);
  return state;
}

/** Writes the player's time into `node` on every time event, outside React. */
function usePlayheadText(node: React.RefObject<HTMLElement | null>, player: Player): void {
  useEffect(() => {
    const el = node.current;
    if (!el) return;
    const write = (t: number) => {
      const text = formatClock(t);
      if (el.textContent !== text) el.textContent = text;
    };
    write(player.time());
    return player.on('time', write);
  }, [node, player]);
}

function useFollowEnabled(follow: FollowPlayback): boolean {
  const [enabled, setEnabled] = useState(follow.enabled);
  useEffect(() => {
    setEnabled(follow.enabled);
    return follow.on('change', setEnabled);
  }, [follow]);
  return enabled;
}

export function TransportBar({ core }: TransportBarProps) {
  const { player, follow } = core;
  const { ready, playing, rate, duration } = usePlayerState(player);
  const following = useFollowEnabled(follow);
  const playhead = useRef<HTMLSpanElement>(null);
  usePlayheadText(playhead, player);
  const disabled = !ready;
  // Uncontrolled: the player applies a new speed a moment later ('rate'), and a controlled
  // input would snap back to the old one in between, losing fast key repeats.
  const speed = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (speed.current && Number(speed.current.value) !== rate) speed.current.value = String(rate);
  }, [rate]);
  return (
    <section className="transport" aria-label="Playback" data-testid="transport">
      <div className="transport-row" role="toolbar" aria-label="Transport">
        <button
          type="button"
          className="transport-play"
          onClick={() => { if (!core.runAction('play-pause')) player.playPause(); }}
          disabled={disabled}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play / pause (Esc, Ctrl+Space)"
          data-testid="transport-play"
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        </button>
        <span className="transport-time">
          {/* No React children: the time is written by usePlayheadText. */}
          <span ref={playhead} role="timer" aria-label="Playhead" data-testid="playhead" />
          {' / '}
          <span title="Duration" data-testid="transport-duration">{formatClock(duration)}</span>
        </span>
        <label className="transport-speed">
          Speed
          <input
            type="range"
            min={MIN_RATE}
            max={MAX_RATE}
            step={0.1}
            ref={speed}
            defaultValue={rate}
            disabled={disabled}
            onChange={(e) => player.setRate(Number(e.target.value))}
            aria-valuetext={`${rate.toFixed(1)}×`}
            data-testid="transport-speed"
          />
          <output data-testid="transport-rate">{rate.toFixed(1)}×</output>
        </label>
        <button
          type="button"
          aria-pressed={following}
          onClick={() => follow.toggle()}
          title="Keep the spoken cue in view during playback (pauses while you type)"
          data-testid="transport-follow"
        >
          Follow playback
        </button>
        <span className="transport-zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => player.zoomBy(-1)} disabled={disabled} aria-label="Zoom out" data-testid="zoom-out">−</button>
          <button type="button" onClick={() => player.zoomBy(1)} disabled={disabled} aria-label="Zoom in" data-testid="zoom-in">+</button>
        </span>
      </div>
    </section>
  );
}
