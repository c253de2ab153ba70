/**
 * The waveform of the opened audio (wavesurfer.js 7 with its Timeline plugin). It owns
 * the wavesurfer instance's lifecycle: created for an audio URL, destroyed when the URL
 * changes or the view unmounts.
 */
import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';

export interface WaveformProps {
  url: string;
  onReady(wavesurfer: WaveSurfer): void;
  onTime(seconds: number): void;
  onError(message: string): void;
}

export function Waveform({ url, onReady, onTime, onError }: WaveformProps) {
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onReady, onTime, onError });
  callbacks.current = { onReady, onTime, onError };

  useEffect(() => {
    if (!host.current) return;
    const wavesurfer = WaveSurfer.create({
      container: host.current,
      url,
      height: 96,
      waveColor: '#7a8ca8',
      progressColor: '#3b5b92',
      cursorColor: '#e0532f',
      cursorWidth: 2,
      minPxPerSec: 50,
      normalize: true,
      autoScroll: true,
      autoCenter: true,
      plugins: [TimelinePlugin.create({ height: 18 })],
    });
    const subscriptions = [
      wavesurfer.on('ready', () => callbacks.current.onReady(wavesurfer)),
      wavesurfer.on('timeupdate', (t) => callbacks.current.onTime(t)),
      wavesurfer.on('error', (e) => callbacks.current.onError(`Audio could not be loaded: ${e.message}`)),
    ];
    return () => {
      for (const unsubscribe of subscriptions) unsubscribe();
      wavesurfer.destroy();
    };
  }, [url]);

  return <div className="waveform-host" ref={host} data-testid="waveform" />;
}
