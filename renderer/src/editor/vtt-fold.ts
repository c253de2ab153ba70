/** Folding per cue: a cue folds to its first line (id or timing), NOTE and STYLE blocks likewise. */
import { foldService } from '@codemirror/language';
import { blocksOf } from './cue-field';

export const vttFold = foldService.of((state, lineStart, lineEnd) => {
  // By position: the fold gutter asks for every visible line on each keystroke.
  const blocks = blocksOf(state);
  const i = blocks.blockIndexFrom(lineStart);
  if (i >= blocks.length || blocks.from(i) !== lineStart) return null;
  const to = blocks.to(i);
  return to > lineEnd ? { from: lineEnd, to } : null;
});
