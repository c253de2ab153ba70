/**
 * Splits an MP3 into two halves that two workers decode at once (the machine has two
 * cores; even the reduced MP3 peaks decoder, mpg123-peaks, costs about ffmpeg's CPU on
 * one). The second half starts PRE_ROLL frames early, without gapless trimming, and
 * drops that pre-roll: the bit reservoir reaches back at most 511 bytes and the
 * synthesis state one frame, so after the pre-roll its output is the sequential
 * decode's, sample for sample. The LAME tag's delay places it on the timeline. Files
 * we cannot map exactly (no Layer III, broken frame chain) are decoded whole by one
 * worker.
 */
import type { DecodePart } from './decode-peaks';
import { frameOffset, readMp3Layout } from './mp3-layout';
import { samplesPerPeakFor } from '../../../shared/audio/peak-accumulator';

/** Least frames decoded and dropped before the second half starts. */
export const PRE_ROLL_FRAMES = 10;
/**
 * mpg123's synthesis filter walks a 16-slot ring, 2 slots per granule, and its
 * overlap buffers alternate per granule: the same samples come out with the same
 * float rounding only when the second half starts in the same phase as a decode from
 * the first frame, i.e. on a frame index that is a multiple of 8 (8 one-granule frames
 * of MPEG-2, 4 two-granule frames of MPEG-1). Off phase, a sample now and then
 * differed in its last bit and a peak by one step.
 */
const PHASE_FRAMES = 8;

export interface SplitPlan {
  parts: [DecodePart, DecodePart];
  /** The peaks' bucket size at this file's sample rate. */
  samplesPerPeak: number;
  /** Kept samples each part must produce; a mismatch means the plan was wrong. */
  expectedSamples: [number, number | null];
}

export async function planMp3Halves(path: string): Promise<SplitPlan | null> {
  const layout = await readMp3Layout(path);
  if (!layout) return null;
  const half = Math.floor(layout.frames / 2);
  if (half <= 2 * PRE_ROLL_FRAMES) return null;
  const startFrame = Math.floor((half - PRE_ROLL_FRAMES) / PHASE_FRAMES) * PHASE_FRAMES;
  const offset = await frameOffset(path, layout, startFrame);
  if (offset === null) return null;
  const split = half * layout.samplesPerFrame - layout.startTrim;
  const rest = layout.totalSamples === null ? null : layout.totalSamples - split;
  return {
    parts: [
      { startByte: 0, skipSamples: 0, startSample: 0, maxSamples: split, gapless: true },
      { startByte: offset, skipSamples: (half - startFrame) * layout.samplesPerFrame, startSample: split, maxSamples: rest, gapless: false },
    ],
    samplesPerPeak: samplesPerPeakFor(layout.sampleRate),
    expectedSamples: [split, rest],
  };
}
