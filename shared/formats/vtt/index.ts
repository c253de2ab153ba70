export type * from './types';
export { parseVtt, parseBlock, parseRun, findRun, contextBefore, createBlockContext, type BlockContext, type RunResult } from './parser';
export { retimeCue, setCueText, insertCue, removeCue, serializeVtt, type CueTimes } from './edit';
export {
  writeVtt,
  formatCueBlock,
  wrapCue,
  wrapText,
  settingsToString,
  sanitizeCueText,
  sanitizeCueId,
  type WritableCue,
  type WrapOptions,
  type VttWriteOptions,
} from './writer';
export { toJson, type VttJson } from './json';
export { tokenizeCueText, parseCueText, cueSpeaker, cueTextToPlain, type CueTextNode, type CueTextToken } from './cue-text';
export { decodeCharacterReferences } from './entities';
export { DEFAULT_CUE_SETTINGS, parseCueSettings, parseRegionSettings, parsePercentage } from './settings';
export { DiagnosticSink, MAX_DIAGNOSTICS } from './diagnostics';

export { reparseVtt, reparseVttText, stringSource, type ChangedSpan, type TextSource } from './incremental';
export { quickFixes, applyQuickFixes, type QuickFix, type QuickFixKind, type AppliedFix } from './quick-fixes';
