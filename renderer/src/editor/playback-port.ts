/**
 * What the editor may ask of audio playback, provided by the app as a facet so editor
 * commands stay independent of the waveform (and work, minus the playhead, without
 * audio). The last provider wins. The app's Player implements it.
 */
import { Facet } from '@codemirror/state';

export interface PlaybackPort {
  /** Current playhead in seconds (the time base of cues and peaks). */
  time(): number;
  /** Whether audio is loaded; commands that need a playhead do nothing without it. */
  ready(): boolean;
  readonly playing: boolean;
  /** Pauses, or resumes (from `from` when given, else at the playhead less the auto-rewind). */
  playPause(from?: number): void;
  seekBy(seconds: number): void;
  seek(seconds: number): void;
  /** Plays `[from, to)` once, or looped. */
  playRange(from: number, to: number, loop?: boolean): void;
  changeRate(step: number): void;
  /** The quietest time within ±300 ms of `t` (from the waveform peaks), or null. */
  silenceNear(t: number): number | null;
  /** Playhead moves, play and pause (the editor's follow-playback plugin listens). */
  on(event: 'time' | 'seek', listener: (seconds: number) => void): () => void;
  on(event: 'play' | 'pause', listener: () => void): () => void;
}

export const playbackPort = Facet.define<PlaybackPort | null, PlaybackPort | null>({
  combine: (values) => values.at(-1) ?? null,
});
