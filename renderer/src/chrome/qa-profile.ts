/**
 * Which timing QA profile a file gets. Subtitles are broken into short lines (42
 * characters) shown for at most 7 seconds; a podcast transcript's cues are sentences or
 * paragraphs on one long line, and holding them to subtitle limits flags nearly every
 * cue. So, unless the user chose a profile, the file's own cues decide.
 */
import { QA_PROFILES, cueFigures, type QaProfileName, type QaRules } from '../../../shared/timing/qa';
import type { VttCue } from '../../../shared/formats/vtt/types';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import type { AppSettings } from '../../../shared/settings';

/** The setting: a profile the user chose, or 'auto' (follow the file). */
export type QaProfileChoice = AppSettings['qaProfile'];

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
const detected = new WeakMap<object, QaProfileName>();

/**
 * The profile an opened transcript's cues suggest, once per opened document, from its
 * first cues: enough to tell the file's shape, at a cost that stays flat however long
 * the episode.
 */
export function fileQaProfile(transcript: { readonly text: string }): QaProfileName {
  let profile = detected.get(transcript);
  if (!profile) {
    const { text } = transcript;
    // Cut at a blank line so the sample ends between cues.
    const cut = text.length <= SAMPLE_CHARS ? text.length : text.lastIndexOf('\n\n', SAMPLE_CHARS);
    profile = detectQaProfile(parseVtt(text.slice(0, cut > 0 ? cut : SAMPLE_CHARS)).cues);
    detected.set(transcript, profile);
  }
  return profile;
}

/** The profile in force for `transcript`: the user's choice, or the file's when the choice is 'auto'. */
export function qaProfileName(settings: Pick<AppSettings, 'qaProfile'>, transcript: { readonly text: string } | null): QaProfileName {
  return settings.qaProfile === 'auto' ? (transcript ? fileQaProfile(transcript) : 'subtitle') : settings.qaProfile;
}

/** The QA rules in force for `transcript`: the chosen (or the file's) profile, then the user's own limits. */
export function qaRulesFor(settings: Pick<AppSettings, 'qaProfile' | 'qa'>, transcript: { readonly text: string } | null): QaRules {
  return { ...QA_PROFILES[qaProfileName(settings, transcript)], ...settings.qa };
}
