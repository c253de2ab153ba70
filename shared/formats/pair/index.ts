export type * from './types';
export { pairEpisode, txtOnlyEdits, flooredSecond } from './pair';
export { episodeTxt, exportPairedTxt } from './export';
export { diffWords, diffBy, splitWords, editSize, type WordEdit, type Words } from './word-diff';
