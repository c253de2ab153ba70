/**
 * Hosts the waveform of the player's audio (see WaveformView). React only creates and
 * destroys it when the audio changes; cues, cursor and playhead reach it through the
 * CueTimeline and the Player, never through props. The speaker lane is shown or hidden
 * by the settings (`waveform.speakerLane`, saved in settings.json): its button and the
 * View menu change the setting, and the lane follows it.
 */
import { useEffect, useRef, useState } from 'react';
import type { AppSettings } from '../../../shared/settings';
import type { CueTimeline } from '../editor/cue-timeline';
import type { Player } from '../playback/player';
import type { Store } from '../store';
import { SpeakerLanePlugin, speakerLaneShown, withSpeakerLane } from './speaker-lane';
import { SpectrogramPlugin } from './spectrogram';
import { WaveformView } from './waveform-view';

export interface WaveformProps {
  url: string;
  player: Player;
  timeline: CueTimeline;
  onError(message: string): void;
  /** The app's settings and how to save them (the speaker lane's choice lives there). */
  settings: Store<AppSettings>;
  saveSettings(next: AppSettings): void;
}

export function Waveform({ url, player, timeline, onError, settings, saveSettings }: WaveformProps) {
  const host = useRef<HTMLDivElement>(null);
  const overviewHost = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => { onErrorRef.current = onError; }, [onError]);
  const spectrogram = useRef<SpectrogramPlugin | null>(null);
  const [spectrogramShown, setSpectrogramShown] = useState(false);
  const [laneShown, setLaneShown] = useState(() => speakerLaneShown(settings.get()));

  useEffect(() => {
    if (!host.current || !overviewHost.current || !status.current) return;
    const strip = SpectrogramPlugin.create({ url });
    strip.toggle(spectrogram.current?.visible ?? false);
    strip.on('toggle', setSpectrogramShown);
    spectrogram.current = strip;
    let view: WaveformView | null = null;
    const lane = SpeakerLanePlugin.create({ timeline, visible: () => view?.visibleWindow() ?? null });
    const followSettings = () => {
      const shown = speakerLaneShown(settings.get());
      lane.toggle(shown);
      setLaneShown(shown);
    };
    followSettings();
    const stopSettings = settings.subscribe(followSettings);
    view = new WaveformView({ host: host.current, overviewHost: overviewHost.current, status: status.current, player, timeline, onError: (m) => onErrorRef.current(m), plugins: [strip, lane] }, url);
    return () => { stopSettings(); view.destroy(); strip.destroy(); lane.destroy(); };
  }, [url, player, timeline, settings]);

  return (
    // `contain: inline-size`: the waveform is as wide as its pane, never as wide as the audio
    // at the current zoom (it scrolls inside), whatever grid or flex layout holds it.
    <div className="waveform" style={{ contain: 'inline-size', minWidth: 0 }}>
      <div className="waveform-host" ref={host} data-testid="waveform" tabIndex={0} aria-label="Waveform: Ctrl+wheel or +/- to zoom, wheel or arrows to scroll" />
      <div ref={overviewHost} />
      <button type="button" className="spectrogram-toggle" aria-pressed={spectrogramShown} title="Show the spectrogram under the waveform (S on the waveform)" onClick={() => spectrogram.current?.toggle()} style={{ fontSize: 11, margin: '2px 8px' }}>Spectrogram</button>
      <button type="button" className="speaker-lane-toggle" aria-pressed={laneShown} title="Show each speaker's turns in a lane under the waveform (View ▸ Speaker Lane)" onClick={() => saveSettings(withSpeakerLane(settings.get(), !laneShown))} style={{ fontSize: 11, margin: '2px 8px 2px 0' }}>Speaker lane</button>
      <div className="waveform-status" ref={status} data-testid="waveform-status" aria-live="polite" style={{ fontSize: 11, color: 'var(--muted)', padding: '0 8px', minHeight: 14 }} />
    </div>
  );
}
