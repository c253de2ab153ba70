/**
 * Writes SRT: cues numbered from 1, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text, blank line.
 * Empty text lines are dropped (they would end the cue), `-->` in text becomes `->` (it
 * would read as a timing line) and the end is kept after the start, so the output reads
 * back without errors.
 */
import { formatTimestampMs, MAX_TIMESTAMP_MS, secondsToMs, SRT_STYLE } from '../timestamp';
import type { LineEnding } from '../vtt/types';

export interface SrtWritableCue {
  start: number;
  end: number;
  text: string;
}

export function writeSrt(cues: readonly SrtWritableCue[], options: { eol?: LineEnding } = {}): string {
  const eol = options.eol ?? '\n';
  const parts: string[] = [];
  cues.forEach((cue, i) => {
    const startMs = Math.min(secondsToMs(cue.start), MAX_TIMESTAMP_MS - 1);
    const endMs = Math.min(Math.max(secondsToMs(cue.end), startMs + 1), MAX_TIMESTAMP_MS);
    const lines = cue.text.split(/\r\n|\r|\n/).filter((l) => l.trim().length > 0)
      .map((l) => l.replaceAll('-->', '->'));
    parts.push(
      String(i + 1),
      eol,
      `${formatTimestampMs(startMs, SRT_STYLE)} --> ${formatTimestampMs(endMs, SRT_STYLE)}`,
      eol,
      lines.length ? lines.join(eol) + eol : '',
      eol,
    );
  });
  return parts.join('');
}
