/** Folding per cue: a cue folds to its first line (id or timing), NOTE and STYLE blocks likewise. */
import { foldService } from '@codemirror/language';
import { vttField } from './cue-field';

export const vttFold = foldService.of((state, lineStart, lineEnd) => {
  const blocks = state.field(vttField).blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (b.range.from < lineStart) lo = mid + 1;
    else if (b.range.from > lineStart) hi = mid - 1;
    else return b.range.to > lineEnd ? { from: lineEnd, to: b.range.to } : null;
  }
  return null;
});
