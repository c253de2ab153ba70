export { parseRules, wholeWordPattern, WORD_CHAR, type CorrectionRule, type ParsedRules } from './rules';
export { applyRules, matchRule, minimalChange, neighbourWord, DEFAULT_CLOCK, type AppliedRules, type RuleClock, type RuleHit, type RuleMatches } from './apply';
export { findNearMisses, type NearMiss } from './near-miss';
export { textSpans, type WordSpan } from './spans';
export { correctTranscript, type CorrectionResult } from './correct';
export type { RuleMatcher, RuleMatch } from './matcher';
