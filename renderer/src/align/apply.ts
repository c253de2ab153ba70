/**
 * Apply an alignment as ONE transaction: the minimal text changes (timing lines, and
 * cues cut from untimed notes) and the word times of every aligned cue, so a single
 * undo puts back the text and the word times as they were.
 */
import type { EditorState, TransactionSpec } from '@codemirror/state';
import type { AlignResult } from '../../../shared/ipc/align-contract';
import { cueWords } from '../../../shared/align/word-tags';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { wordTimesEffect } from '../editor/word-times';
import { minimalChanges } from './line-diff';

export type AlignApply = { ok: true; spec: TransactionSpec; cues: number } | { ok: false; message: string };

/**
 * The transaction that applies `result`, computed for the text the job was started on.
 * Refused when the document changed meanwhile (the times would land on the wrong cues).
 */
export function alignmentTransaction(state: EditorState, sentText: string, result: AlignResult): AlignApply {
  if (state.doc.length !== sentText.length || state.doc.toString() !== sentText) {
    return { ok: false, message: 'The transcript changed while it was being aligned. Align again to use the new text.' };
  }
  const doc = parseVtt(result.text);
  if (doc.cues.length !== result.cues.length) {
    return { ok: false, message: `The aligner returned ${result.cues.length} cues for a text of ${doc.cues.length}: nothing was applied.` };
  }
  const effect = wordTimesEffect(doc, (i) => {
    const c = result.cues[i]!;
    // Word times belong to the cue's words exactly; a mismatch would put them on the wrong words.
    if (c.words.length === 0 || cueWords(doc.cues[i]!.text).length !== c.words.length) return null;
    return { words: c.words, confidence: c.confidence, lowConfidence: c.lowConfidence };
  });
  return {
    ok: true,
    cues: result.cues.length,
    spec: { changes: minimalChanges(sentText, result.text), effects: effect, userEvent: 'input.align' },
  };
}
