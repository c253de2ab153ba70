/** The cue being spoken at `t`: the last cue starting at or before `t`, if `t` is before its end. Binary search. */
import type { VttCue } from '../../shared/formats/vtt/types';
import { cueIndexAtTime } from '../../shared/timing/cue-at';

export function spokenCueAt(cues: readonly VttCue[], t: number): number {
  const i = cueIndexAtTime(cues, t);
  if (i < 0) return -1;
  // Overlapping cues: an earlier cue may still be running when a later one started.
  return t < cues[i]!.end ? i : -1;
}
