/**
 * The figures the folder sidebar shows for an episode's transcript: its cue count and
 * its problem count (the spec parser's problems plus the timing QA rules), from the
 * transcript's text alone, so they can be computed for a whole folder without opening it.
 */
import { toEditorSource } from '../formats/episode';
import { parseVtt } from '../formats/vtt/parser';
import { checkCue, QA_PROFILES, type QaProfileName, type QaRules } from '../timing/qa';

export interface TranscriptFigures {
  cues: number;
  problems: number;
}

/**
 * The QA rules for a file when the setting is 'auto': podcast transcripts (cues of a
 * sentence or more) get the transcript profile. Here only the median cue duration
 * decides (the editor also looks at line lengths of a sample; see
 * renderer/src/chrome/qa-profile.ts): the sidebar's count is a guide, the editor's lint exact.
 */
function autoProfile(durations: number[]): QaProfileName {
  if (!durations.length) return 'subtitle';
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]! > QA_PROFILES.subtitle.maxDuration! ? 'transcript' : 'subtitle';
}

export function transcriptFigures(text: string, name: string, settings: { profile: QaProfileName | 'auto'; qa: Partial<QaRules> }): TranscriptFigures {
  const doc = parseVtt(toEditorSource(text, name).vtt);
  const profile = settings.profile === 'auto' ? autoProfile(doc.cues.map((c) => c.end - c.start)) : settings.profile;
  const rules: QaRules = { ...QA_PROFILES[profile], ...settings.qa };
  let problems = doc.diagnostics.length;
  doc.cues.forEach((cue, i) => { problems += checkCue(cue, doc.cues[i + 1], rules).length; });
  return { cues: doc.cues.length, problems };
}
