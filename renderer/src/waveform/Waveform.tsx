/**
 * Hosts the waveform of the player's audio (see WaveformView). React only creates and
 * destroys it when the audio changes; cues, cursor and playhead reach it through the
 * CueTimeline and the Player, never through props.
 */
import { useEffect, useRef, useState } from 'react';
import type { CueTimeline } from '../editor/cue-timeline';
import type { Player } from '../playback/player';
import { SpectrogramPlugin } from './spectrogram';
import { WaveformView } from './waveform-view';

export interface WaveformProps {
  url: string;
  player: Player;
  timeline: CueTimeline;
  onError(message: string): void;
}

export function Waveform({ url, player, timeline, onError }: WaveformProps) {
  const host = useRef<HTMLDivElement>(null);
  const overviewHost = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => { onErrorRef.current = onError; }, [onError]);
  const spectrogram = useRef<SpectrogramPlugin | null>(null);
  const [spectrogramShown, setSpectrogramShown] = useState(false);

  useEffect(() => {
    if (!host.current || !overviewHost.current || !status.current) return;
    const strip = SpectrogramPlugin.create({ url });
    strip.toggle(spectrogram.current?.visible ?? false);
    strip.on('toggle', setSpectrogramShown);
    spectrogram.current = strip;
    const view = new WaveformView({ host: host.current, overviewHost: overviewHost.current, status: status.current, player, timeline, onError: (m) => onErrorRef.current(m), plugins: [strip] }, url);
    return () => { view.destroy(); strip.destroy(); };
  }, [url, player, timeline]);

  return (
    // `contain: inline-size`: the waveform is as wide as its pane, never as wide as the audio
    // at the current zoom (it scrolls inside), whatever grid or flex layout holds it.
    <div className="waveform" style={{ contain: 'inline-size', minWidth: 0 }}>
      <div className="waveform-host" ref={host} data-testid="waveform" tabIndex={0} aria-label="Waveform: Ctrl+wheel or +/- to zoom, wheel or arrows to scroll" />
      <div ref={overviewHost} />
      <button type="button" className="spectrogram-toggle" aria-pressed={spectrogramShown} title="Show the spectrogram under the waveform (S on the waveform)" onClick={() => spectrogram.current?.toggle()} style={{ fontSize: 11, margin: '2px 8px' }}>Spectrogram</button>
      <div className="waveform-status" ref={status} data-testid="waveform-status" aria-live="polite" style={{ fontSize: 11, color: 'var(--muted)', padding: '0 8px', minHeight: 14 }} />
    </div>
  );
}
