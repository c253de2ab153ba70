/** Timing preferences as a facet: steps, gaps and playback jumps (configurable in settings). */
import { Facet } from '@codemirror/state';

export interface TimingSettings {
  smallStepMs: number;
  largeStepMs: number;
  /** "Fix overlaps" leaves this gap between cues. */
  minGapMs: number;
  /** Length of a cue inserted at the playhead (shortened to the next cue). */
  insertDurationMs: number;
  rewindShort: number;
  rewindLong: number;
  /** Aegisub's probes: how much to play before a cue's start / after its end. */
  probe: number;
}

export const DEFAULT_TIMING: Readonly<TimingSettings> = Object.freeze({
  smallStepMs: 10,
  largeStepMs: 100,
  minGapMs: 0,
  insertDurationMs: 2000,
  rewindShort: 2,
  rewindLong: 10,
  probe: 0.5,
});

export const timingSettings = Facet.define<Partial<TimingSettings>, TimingSettings>({
  combine: (values) => Object.assign({}, DEFAULT_TIMING, ...values),
});
