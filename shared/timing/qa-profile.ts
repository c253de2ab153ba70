/**
 * Which timing QA profile a file gets when the setting is 'auto'. Subtitles are broken
 * into short lines (42 characters) shown for at most 7 seconds; a podcast transcript's
 * cues are sentences or paragraphs on one long line, and holding them to subtitle limits
 * flags nearly every cue. So the file's own cues decide, from its first cues: enough to
 * tell the file's shape, at a cost that stays flat however long the episode. The editor
 * (renderer/src/chrome/qa-profile.ts) and the folder sidebar's problem counts
 * (shared/folders/episode-figures.ts) both decide here, so they agree.
 */
import { parseVtt } from '../formats/vtt/parser';
import type { VttCue } from '../formats/vtt/types';
import { QA_PROFILES, cueFigures, type QaProfileName, type QaRules } from './qa';

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

/** About 300 cues of a podcast transcript: enough to tell its shape, cheap to parse. */
const SAMPLE_CHARS = 40_000;

/** Where the sample of `text` ends: at a blank line, so it ends between cues. */
export function qaSampleEnd(text: string): number {
  if (text.length <= SAMPLE_CHARS) return text.length;
  const cut = text.lastIndexOf('\n\n', SAMPLE_CHARS);
  return cut > 0 ? cut : SAMPLE_CHARS;
}

/**
 * The profile a WebVTT text's first cues suggest. `cues`: the whole text's cues when the
 * caller has parsed it already (those in the sample are the ones a parse of the sample gives).
 */
export function sampleQaProfile(text: string, cues?: readonly VttCue[]): QaProfileName {
  const end = qaSampleEnd(text);
  return detectQaProfile(cues ? cues.filter((c) => c.range.to <= end) : parseVtt(text.slice(0, end)).cues);
}

/** The QA rules in force: the chosen profile (or `auto()`'s), then the user's own limits. */
export function qaRulesOf(choice: QaProfileName | 'auto', qa: Partial<QaRules>, auto: () => QaProfileName): QaRules {
  return { ...QA_PROFILES[choice === 'auto' ? auto() : choice], ...qa };
}
