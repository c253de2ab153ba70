/**
 * Test material (used by the QA profile tests only): a transcript's speech shaped as
 * subtitles, each cue's words broken into lines of at most 42 characters as a subtitler
 * breaks them, same times.
 */
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { formatVttTimestamp } from '../../../shared/formats/timestamp';

export function asSubtitles(vtt: string): string {
  const blocks = parseVtt(vtt).cues.map((cue) => {
    const lines: string[] = [];
    for (const word of cue.text.split(/\s+/)) {
      const last = lines.at(-1);
      if (last !== undefined && `${last} ${word}`.length <= 42) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return `${formatVttTimestamp(cue.start)} --> ${formatVttTimestamp(cue.end)}\n${lines.join('\n')}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
