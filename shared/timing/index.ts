export { cueIndexAt, cueSpanOf, cueIndexAtTime } from './cue-at';
export {
  nudge,
  rippleShift,
  setEdgeAt,
  setEndAndGoToNext,
  splitCue,
  mergeWithNext,
  insertCueAt,
  fixOverlaps,
  cueTextOffset,
  type TimingEdit,
  type CueEdgeName,
} from './commands';
export { checkCue, cueFigures, QA_PROFILES, type QaRules, type QaProblem, type QaProfileName, type CueFigures } from './qa';
