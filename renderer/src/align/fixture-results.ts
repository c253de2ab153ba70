/**
 * Aligner results for tests (the state tests and the dialog's Chromium test): what the
 * aligner returns for a drifted file, checked against the IPC schema.
 */
import { formatVttTimestamp } from '../../../shared/formats/timestamp';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { alignResult, type AlignResult } from '../../../shared/ipc/align-contract';

/**
 * The same cues re-timed: cue 0 moved by +0.25 s, the others by -1.5 s, cue 2 low
 * confidence with two words not found; word times spread evenly over each cue.
 */
export function driftResult(text: string): AlignResult {
  const doc = parseVtt(text);
  let out = text;
  const cues = doc.cues.map((c, i) => {
    const shift = i === 0 ? 0.25 : -1.5;
    const [start, end] = [Math.round((c.start + shift) * 1000) / 1000, Math.round((c.end + shift) * 1000) / 1000];
    const tokens = c.text.split(/\s+/);
    const step = (end - start) / tokens.length;
    const words = tokens.map((t, k) => ({ text: t, start: Math.round((start + k * step) * 1000) / 1000, end: Math.round((start + (k + 1) * step) * 1000) / 1000 }));
    return { source: i, text: c.text, start, end, previousStart: c.start, previousEnd: c.end, words, confidence: i === 2 ? 0.3 : 0.9, lowConfidence: i === 2 };
  });
  // Rewrite timing lines from the last so offsets stay valid.
  for (let i = doc.cues.length - 1; i >= 0; i--) {
    const c = doc.cues[i]!;
    out = out.slice(0, c.startRange.from) + `${formatVttTimestamp(cues[i]!.start)} --> ${formatVttTimestamp(cues[i]!.end)}` + out.slice(c.endRange.to);
  }
  return alignResult.parse({ text: out, cues, notFoundWords: [{ cue: 2, text: 'digital' }, { cue: 2, text: 'ocean' }], lowConfidence: [2], audioSeconds: 3000 });
}
