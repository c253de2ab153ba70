/**
 * What the editor may ask of audio playback, provided by the app as a facet so editor
 * commands stay independent of the waveform (and work, minus the playhead, without
 * audio). The last provider wins.
 */
import { Facet } from '@codemirror/state';

export interface PlaybackPort {
  /** Current playhead in seconds (the time base of cues and peaks). */
  time(): number;
  /** Whether audio is loaded; commands that need a playhead do nothing without it. */
  ready(): boolean;
  playPause(): void;
  seekBy(seconds: number): void;
  seek(seconds: number): void;
  /** Plays `[from, to)` once, or looped. */
  playRange(from: number, to: number, loop?: boolean): void;
  changeRate(step: number): void;
  /** The quietest time within ±300 ms of `t` (from the waveform peaks), or null. */
  silenceNear(t: number): number | null;
}

export const playbackPort = Facet.define<PlaybackPort | null, PlaybackPort | null>({
  combine: (values) => values.at(-1) ?? null,
});
