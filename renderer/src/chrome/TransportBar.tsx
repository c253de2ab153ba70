/**
 * The transport bar: play/pause, playhead and duration, speed 0.5–2×, the follow-playback
 * toggle and waveform zoom. The playhead is written straight into its DOM node from the
 * player's time events, so playback never re-renders React; only rare changes (play or
 * pause, speed, new audio, the follow toggle) re-render, through useSyncExternalStore.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { formatClock } from '../time';
import { MAX_RATE, MIN_RATE, type Player } from '../playback/player';
import type { FollowPlayback } from '../editor/follow-playback';
import type { AppCore } from '../app-core';

export interface TransportBarProps {
  /** The player and follow toggle it shows; Play runs the editor's play-pause action (it may start at the cursor's cue). */
  core: Pick<AppCore, 'player' | 'follow' | 'runAction'>;
}

/** One of the player's rarely-changing values, re-read on its events (never on 'time'). */
function usePlayerValue<T>(player: Player, read: (p: Player) => T): T {
  const subscribe = useCallback((changed: () => void) => {
    const offs = (['load', 'ready', 'play', 'pause', 'rate'] as const).map((e) => player.on(e, changed));
    return () => offs.forEach((off) => off());
  }, [player]);
  return useSyncExternalStore(subscribe, () => read(player));
}

/** A ref callback that writes the player's time into its node on every time event, outside React. */
function usePlayheadRef(player: Player): (node: HTMLElement | null) => (() => void) | undefined {
  return useCallback((node: HTMLElement | null) => {
    if (!node) return undefined;
    const write = (t: number) => {
      const text = formatClock(t);
      if (node.textContent !== text) node.textContent = text;
    };
    write(player.time());
    return player.on('time', write);
  }, [player]);
}

function useFollowEnabled(follow: FollowPlayback): boolean {
  const subscribe = useCallback((changed: () => void) => follow.on('change', changed), [follow]);
  return useSyncExternalStore(subscribe, () => follow.enabled);
}

export function TransportBar({ core }: TransportBarProps) {
  const { player, follow } = core;
  const ready = usePlayerValue(player, (p) => p.ready());
  const playing = usePlayerValue(player, (p) => p.playing);
  const rate = usePlayerValue(player, (p) => p.rate);
  const duration = usePlayerValue(player, (p) => p.duration);
  const following = useFollowEnabled(follow);
  const playhead = usePlayheadRef(player);
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
