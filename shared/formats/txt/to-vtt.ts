/**
 * Turns an imported TXT into a new WebVTT document.
 *
 * - Timed cues become cues; a speaker becomes `<v Name>`; text is escaped (`&`, `<`, `>`).
 * - A last cue whose end is unknown (no audio length given) ends after an estimated reading
 *   time, and a `NOTE end time estimated` block just before it says so.
 * - Notes (page chrome) become `NOTE` blocks at their place.
 * - Untimed cues become `NOTE needs timing` blocks carrying their text. We chose notes over
 *   cues at 00:00:00: a player would show cues at 0 as real, timed captions, while a NOTE is
 *   valid WebVTT that no player shows, and `readUntimedNotes` gets the cues back.
 */
import { formatCueBlock, writeVtt } from '../vtt/writer';
import type { VttDocument } from '../vtt/types';
import type { Cue } from '../../model/cue';
import type { TxtImport } from './types';

export const NEEDS_TIMING = 'needs timing';
export const END_ESTIMATED = 'end time estimated (audio length unknown)';

/** Reading pace used to estimate a last cue's end when the audio length is unknown. */
const SECONDS_PER_WORD = 0.4;

/** Plain text as WebVTT cue text: `&`, `<`, `>` as character references. */
export function escapeCueText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** NOTE text may not contain `-->` nor blank lines (either would end or break the block). */
function noteBody(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim().length > 0)
    .map((l) => l.replaceAll('-->', '--&gt;'))
    .join('\n');
}

function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

export function importToVtt(imported: TxtImport, options: { duration?: number } = {}): string {
  type Item = { line: number; block: string };
  const items: Item[] = [];
  const timed = imported.cues.filter((c) => c.start !== null);
  const lastTimed = timed[timed.length - 1];
  for (const cue of imported.cues) {
    if (cue.start === null) {
      const body = noteBody(cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text);
      items.push({ line: cue.line, block: body ? `NOTE ${NEEDS_TIMING}\n${body}` : `NOTE ${NEEDS_TIMING}` });
      continue;
    }
    let end = cue.end;
    let prefix = '';
    if (end === null) {
      if (cue === lastTimed && options.duration !== undefined && options.duration > cue.start) end = options.duration;
      else {
        end = cue.start + Math.max(1, wordCount(cue.text) * SECONDS_PER_WORD);
        prefix = `NOTE ${END_ESTIMATED}\n\n`;
      }
    }
    const body = escapeCueText(cue.text);
    const text = cue.speaker ? `<v ${cue.speaker.replaceAll('&', '&amp;').replaceAll('>', '&gt;')}>${body}` : body;
    items.push({ line: cue.line, block: prefix + formatCueBlock({ start: cue.start, end, text }) });
  }
  for (const note of imported.notes) {
    const body = noteBody(note.text);
    if (body) items.push({ line: note.line, block: `NOTE\n${body}` });
  }
  // Both lists are already in line order: a stable sort by line interleaves them.
  items.sort((a, b) => a.line - b.line);
  let out = writeVtt([]);
  for (const item of items) out += item.block + '\n\n';
  return out;
}

/** Gets back the untimed cues `importToVtt` stored as `NOTE needs timing` blocks. */
export function readUntimedNotes(doc: VttDocument): Cue[] {
  const cues: Cue[] = [];
  const marker = `NOTE ${NEEDS_TIMING}`;
  for (const block of doc.blocks) {
    if (block.kind !== 'note') continue;
    const raw = doc.text.slice(block.range.from, block.range.to);
    if (!raw.startsWith(marker)) continue;
    const body = raw.slice(marker.length).replace(/^\r?\n/, '').replaceAll('--&gt;', '-->');
    cues.push({ id: `untimed-${cues.length + 1}`, start: null, end: null, text: body, speaker: null });
  }
  return cues;
}
