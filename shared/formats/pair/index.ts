export type * from './types';
export { pairEpisode, txtOnlyEdits, flooredSecond } from './pair';
export { episodeTxt, exportPairedTxt, pairedTxtStyle } from './export';
export { diffWords, diffBy, splitWords, editSize, type WordEdit, type Words } from './word-diff';
