/** Corrections on one transcript file's text: changes, per-rule counts and near-misses. */
import type { TextChange } from '../model/text-change';
import type { TranscriptFormat } from '../formats/detect';
import { applyRules } from './apply';
import { findNearMisses, type NearMiss } from './near-miss';
import type { CorrectionRule } from './rules';
import { textSpans } from './spans';

export interface CorrectionResult {
  changes: TextChange[];
  /** Matches per rule line. */
  counts: Map<number, number>;
  nearMisses: NearMiss[];
}

export function correctTranscript(text: string, rules: readonly CorrectionRule[], format?: TranscriptFormat): CorrectionResult {
  const spans = textSpans(text, format);
  const applied = applyRules(text, spans, rules);
  return { changes: applied.changes, counts: applied.counts, nearMisses: findNearMisses(text, spans, rules, applied.hits) };
}
