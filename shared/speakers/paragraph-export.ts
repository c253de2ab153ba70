/**
 * Speaker-paragraph TXT, Otter-style: each speaker turn is a `Name M:SS` heading (the
 * clock `H:MM:SS` from one hour on) over its paragraph, turns separated by a blank line.
 * Consecutive cues of one speaker make one paragraph. NOTE blocks are written as their
 * own paragraphs at their place, so the page text an Otter import kept as notes comes
 * back where it was; the importer's own markers (`NOTE end time estimated…`) are not
 * text and are left out. Like Otter's exports (and the fixture), the file does not end
 * with a line break. An Otter TXT imported unedited exports to its own bytes.
 */
import { END_ESTIMATED, NEEDS_TIMING } from '../formats/txt/to-vtt';
import { cueLine } from '../formats/txt/export';
import { formatClock } from '../formats/timestamp';
import type { VttDocument } from '../formats/vtt/types';

/** The text of a NOTE block: its lines after the `NOTE` word, `--&gt;` read back as `-->`. */
function noteText(raw: string, eol: string): string | null {
  const lines = raw.split(/\r\n|\r|\n/);
  const first = lines[0]!.replace(/^NOTE[ \t]?/, '');
  if (first === END_ESTIMATED) return null;
  const body = (first === NEEDS_TIMING ? [] : first ? [first] : []).concat(lines.slice(1));
  return body.length ? body.join(eol).replaceAll('--&gt;', '-->') : null;
}

interface Paragraph {
  /** null for a note's paragraph: nothing joins it. */
  speaker: string | null;
  heading: string;
  text: string;
  joins: boolean;
}

export function exportSpeakerParagraphs(doc: VttDocument, eol: string = doc.eol): string {
  const paras: Paragraph[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'note') {
      const text = noteText(doc.text.slice(block.range.from, block.range.to), eol);
      if (text !== null) paras.push({ speaker: null, heading: '', text, joins: false });
    } else if (block.kind === 'cue') {
      const cue = block.cue;
      const line = cueLine(cue);
      const last = paras.at(-1);
      if (last?.joins && cue.speaker !== null && last.speaker === cue.speaker) {
        last.text = last.text && line ? `${last.text} ${line}` : last.text + line;
        continue;
      }
      const clock = formatClock(cue.start, { hours: 'auto' });
      paras.push({ speaker: cue.speaker, heading: cue.speaker ? `${cue.speaker} ${clock}` : clock, text: line, joins: true });
    }
  }
  // A turn without words (Otter writes those too) is its heading alone.
  return paras.map((p) => (p.heading && p.text ? `${p.heading}${eol}${p.text}` : p.heading || p.text)).join(eol + eol);
}
