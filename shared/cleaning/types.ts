import type { TextChange } from '../model/text-change';

export type CleaningKind = 'filler' | 'repetition' | 'chrome' | 'case' | 'whitespace' | 'span';

/** One proposed change, with offsets into the input, so a preview can accept it or not. */
export interface CleaningChange extends TextChange {
  kind: CleaningKind;
  /**
   * Offered, not pre-accepted: the change may alter what was meant ("long, long time",
   * "many, many, many", "what we do do"), so a preview shows it unticked and `cleanText`
   * and `clean` leave it out unless asked.
   */
  suggested?: true;
}

export interface CleaningOptions {
  fillers?: boolean;
  /** Filler words to remove (default FILLERS). */
  fillerWords?: readonly string[];
  repetitions?: boolean;
  /** Words whose doubling is meant ("had had", "bye bye"); default REPEAT_ALLOWED. */
  allowedRepeats?: readonly string[];
  chrome?: boolean;
  case?: boolean;
  whitespace?: boolean;
  /** Spans the user marked for removal (sponsor reads), offsets into the text; may start and end mid-line. */
  removeSpans?: readonly { from: number; to: number }[];
}
