/** Corrections on one transcript file's text: changes, per-rule counts, near-misses and what was refused. */
import type { TextChange } from '../model/text-change';
import { detectFormat, type TranscriptFormat } from '../formats/detect';
import { applyRules, DEFAULT_CLOCK, type RuleClock, type RuleHit } from './apply';
import { findNearMisses, type NearMiss } from './near-miss';
import type { CorrectionRule } from './rules';
import { textSpans } from './spans';

export interface CorrectionResult {
  changes: TextChange[];
  /** Matches per rule line. */
  counts: Map<number, number>;
  nearMisses: NearMiss[];
  /** Matches left alone: their replacement would have created markup. */
  refused: RuleHit[];
  /** Regex rules skipped on this text for running over their time budget. */
  overBudget: CorrectionRule[];
}

/** The format is the content's (detect.ts), unless the caller knows better (the editor's text is always WebVTT). */
export function correctTranscript(text: string, rules: readonly CorrectionRule[], format: TranscriptFormat = detectFormat(text), clock: RuleClock = DEFAULT_CLOCK): CorrectionResult {
  const spans = textSpans(text, format);
  const applied = applyRules(text, spans, rules, clock);
  return {
    changes: applied.changes,
    counts: applied.counts,
    nearMisses: findNearMisses(text, spans, rules, applied.hits),
    refused: applied.refused,
    overBudget: applied.overBudget,
  };
}
