export type * from './types';
export { importTxt, speakerHeading, txtShape, type SpeakerHeading, type TxtImportOptions } from './import';
export { importToVtt, readUntimedNotes, escapeCueText, NEEDS_TIMING, END_ESTIMATED } from './to-vtt';
export { exportTxt, cueLine, TXT_STYLES, type TxtStyle } from './export';
export { scanClock, type ScannedClock } from './clock';
