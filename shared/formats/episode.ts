/**
 * What the app does with a transcript file as a whole: turn any supported input into the
 * WebVTT text the editor holds (the editor document is always WebVTT, so cues, regions
 * and timing commands work the same for every source), and render that text into each
 * export format. The CLI's `convert` does the same conversions file by file.
 */
import { detectFormat, type TranscriptFormat } from './detect';
import { parseSrt, writeSrt } from './srt';
import { exportTxt, importToVtt, importTxt, type TxtStyle } from './txt';
import { parseVtt, writeVtt } from './vtt';
import { exportSpeakerParagraphs } from '../speakers/paragraph-export';

export interface EditorSource {
  /** WebVTT text for the editor. */
  vtt: string;
  /** The format the file was in. */
  from: TranscriptFormat;
  /** For converted input: how it was read (shape, confidence, anything uncertain). */
  message: string | null;
}

export function toEditorSource(text: string, name: string): EditorSource {
  const from = detectFormat(text, name);
  if (from === 'vtt') return { vtt: text, from, message: null };
  if (from === 'srt') {
    const srt = parseSrt(text);
    return { vtt: writeVtt(srt.cues), from, message: `Converted ${name} (SubRip, ${srt.cues.length} cues) to WebVTT for editing.` };
  }
  const imported = importTxt(text);
  const untimed = imported.cues.filter((c) => c.start === null).length;
  const parts = [`Imported ${name} as WebVTT: ${imported.shape} text, ${imported.cues.length} cues (confidence ${imported.confidence.toFixed(2)}).`];
  if (untimed) parts.push(`${untimed} cues have no times yet; they are kept as "needs timing" notes.`);
  if (imported.message) parts.push(imported.message);
  return { vtt: importToVtt(imported), from, message: parts.join(' ') };
}

/**
 * TXT export styles: the cue-line styles of `exportTxt`, and `speakers`, Otter-style
 * `Name M:SS` paragraphs, which needs the whole document (notes keep their place).
 */
export type ExportTxtStyle = TxtStyle | 'speakers';
export const EXPORT_TXT_STYLES: readonly ExportTxtStyle[] = ['talkpython', 'paragraphs', 'plain', 'speakers'];

export type ExportTarget = { format: 'vtt' } | { format: 'srt' } | { format: 'txt'; style: ExportTxtStyle };

/** Renders the editor's WebVTT into an export format. WebVTT is returned as it is. */
export function renderExport(vtt: string, target: ExportTarget): string {
  if (target.format === 'vtt') return vtt;
  const doc = parseVtt(vtt);
  if (target.format === 'srt') return writeSrt(doc.cues, { eol: doc.eol });
  return target.style === 'speakers' ? exportSpeakerParagraphs(doc) : exportTxt(doc.cues, target.style, doc.eol);
}

