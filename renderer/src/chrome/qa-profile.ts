/**
 * Which timing QA profile an opened transcript gets: the user's choice, or with 'auto'
 * what the file's first cues suggest (decided in shared/timing/qa-profile.ts, as the
 * folder sidebar decides it too), once per opened document.
 */
import { qaRulesOf, sampleQaProfile } from '../../../shared/timing/qa-profile';
import type { QaProfileName, QaRules } from '../../../shared/timing/qa';
import type { AppSettings } from '../../../shared/settings';

/** The setting: a profile the user chose, or 'auto' (follow the file). */
export type QaProfileChoice = AppSettings['qaProfile'];

const detected = new WeakMap<object, QaProfileName>();

/**
 * The profile an opened transcript's cues suggest, once per opened document, from its
 * first cues: enough to tell the file's shape, at a cost that stays flat however long
 * the episode.
 */
export function fileQaProfile(transcript: { readonly text: string }): QaProfileName {
  let profile = detected.get(transcript);
  if (!profile) {
    profile = sampleQaProfile(transcript.text);
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
  return qaRulesOf(settings.qaProfile, settings.qa, () => (transcript ? fileQaProfile(transcript) : 'subtitle'));
}
