/**
 * Which opened file is a corrections list (`corrections.tsv`) rather than a transcript.
 * As everywhere (shared/formats/detect.ts), the content decides first: a WebVTT or SRT
 * saved under a `.tsv` name is still that transcript. Among plain-text files only the
 * name can tell a rules list from a TXT transcript (both are lines of text), so a
 * plain-text `.tsv` is a corrections list and a `.txt` stays a transcript.
 */
import { detectFormat } from '../formats/detect';

export const CORRECTIONS_FILE = 'corrections.tsv';

export function isCorrectionsList(text: string, name: string): boolean {
  return /\.tsv$/i.test(name) && detectFormat(text, name) === 'txt';
}
