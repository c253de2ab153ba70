export type * from './types';
export { pairEpisode, txtOnlyEdits, flooredSecond } from './pair';
export { exportPairedTxt } from './export';
export { diffWords, diffBy, splitWords, editSize, type WordEdit, type Words } from './word-diff';
