/**
 * The figures the folder sidebar shows for an episode's transcript: its cue count and
 * its problem count (the spec parser's problems plus the timing QA rules), from the
 * transcript's text alone, so they can be computed for a whole folder without opening it.
 */
import { toEditorSource } from '../formats/episode';
import { parseVtt } from '../formats/vtt/parser';
import { checkCue, type QaProfileName, type QaRules } from '../timing/qa';
import { qaRulesOf, sampleQaProfile } from '../timing/qa-profile';

export interface TranscriptFigures {
  cues: number;
  problems: number;
}

export function transcriptFigures(text: string, name: string, settings: { profile: QaProfileName | 'auto'; qa: Partial<QaRules> }): TranscriptFigures {
  const vtt = toEditorSource(text, name).vtt;
  const doc = parseVtt(vtt);
  // 'auto' decides as the editor does (from the first cues of the text it would open).
  const rules = qaRulesOf(settings.profile, settings.qa, () => sampleQaProfile(vtt, doc.cues));
  let problems = doc.diagnostics.length;
  doc.cues.forEach((cue, i) => { problems += checkCue(cue, doc.cues[i + 1], rules).length; });
  return { cues: doc.cues.length, problems };
}
