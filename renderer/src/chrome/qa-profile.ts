/**
 * Which timing QA profile a file gets. Subtitles are broken into short lines (42
 * characters) shown for at most 7 seconds; a podcast transcript's cues are sentences or
 * paragraphs on one long line, and holding them to subtitle limits flags nearly every
 * cue. So, unless the user chose a profile, the file's own cues decide.
 */
import { QA_PROFILES, cueFigures, type QaProfileName } from '../../../shared/timing/qa';
import type { VttCue } from '../../../shared/formats/vtt/types';

/** The setting: a profile the user chose, or 'auto' (follow the file). */
export type QaProfileChoice = QaProfileName | 'auto';

const SUBTITLE = QA_PROFILES.subtitle;

/**
 * 'transcript' when the typical cue is longer than a subtitle: most cues have a line over
 * the subtitle line length, or the median cue lasts longer than a subtitle may stay up.
 */
export function detectQaProfile(cues: readonly VttCue[]): QaProfileName {
  if (!cues.length) return 'subtitle';
  let longLines = 0;
  const durations: number[] = [];
  for (const cue of cues) {
    const figures = cueFigures(cue);
    if (figures.longestLine > SUBTITLE.maxLineLength!) longLines++;
    durations.push(figures.duration);
  }
  durations.sort((a, b) => a - b);
  const median = durations[Math.floor(durations.length / 2)]!;
  return longLines * 2 > cues.length || median > SUBTITLE.maxDuration! ? 'transcript' : 'subtitle';
}

/** The profile in force: the user's choice, or what the file's cues suggest. */
export function resolveQaProfile(choice: QaProfileChoice, cues: readonly VttCue[]): QaProfileName {
  return choice === 'auto' ? detectQaProfile(cues) : choice;
}
