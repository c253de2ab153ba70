/**
 * The transcript view's clipboard: copying gives what a reader sees (structure dropped,
 * markup removed, references decoded, one paragraph per cue); pasted plain text is
 * written as cue text (`&`, `<`, `>` as references), so a copy pasted back is the same.
 */
import { cueTextToPlain } from '../../../shared/formats/vtt/cue-text';
import { escapeCueText } from '../../../shared/formats/txt/to-vtt';

export const escapePlain = escapeCueText;

/** Plain text of a slice of WebVTT: blocks become paragraphs; headers, notes, ids and timing lines go. */
export function plainTextOf(slice: string): string {
  const paragraphs: string[] = [];
  for (const block of slice.split(/\n{2,}/)) {
    let lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing !== -1) lines = lines.slice(timing + 1);
    else if (/^(WEBVTT|NOTE|STYLE|REGION)(\s|$)/.test(lines[0] ?? '')) continue;
    const text = lines.map((l) => cueTextToPlain(l)).join('\n').trim();
    if (text) paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}
