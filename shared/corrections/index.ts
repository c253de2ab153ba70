export { parseRules, wholeWordPattern, WORD_CHAR, type CorrectionRule, type ParsedRules } from './rules';
export { applyRules, matchRule, minimalChange, neighbourWord, type AppliedRules, type RuleHit } from './apply';
export { findNearMisses, type NearMiss } from './near-miss';
export { textSpans } from './spans';
export { correctTranscript, type CorrectionResult } from './correct';
