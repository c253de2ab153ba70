/**
 * What an alignment would change, for the dialog's preview: cues newly timed (cut from
 * untimed notes), cues moved (with how far each edge moves), words the audio did not
 * seem to contain, and low-confidence cues. Read from the result alone: nothing is
 * applied until the user says so.
 */
import type { AlignResult } from '../../../shared/ipc/align-contract';
import { cueTextToPlain } from '../../../shared/formats/vtt/cue-text';

/** Edges moving less than this are "unchanged" (timestamps have millisecond precision). */
const MOVE_EPSILON = 0.0005;
const EXCERPT_CHARS = 70;

export interface PreviewCue {
  /** Index into the result's cues. */
  cue: number;
  excerpt: string;
  start: number;
  end: number;
}

export interface MovedCue extends PreviewCue {
  deltaStart: number;
  deltaEnd: number;
}

export interface AlignPreview {
  newlyTimed: PreviewCue[];
  moved: MovedCue[];
  unchanged: number;
  notFound: (PreviewCue & { words: string[] })[];
  lowConfidence: (PreviewCue & { confidence: number })[];
  /** Largest edge movement, seconds (0 when nothing moved). */
  largestMove: number;
}

export function excerpt(raw: string): string {
  const plain = cueTextToPlain(raw).replace(/\s+/g, ' ').trim();
  return plain.length <= EXCERPT_CHARS ? plain : `${plain.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

export function previewAlignment(result: AlignResult): AlignPreview {
  const out: AlignPreview = { newlyTimed: [], moved: [], unchanged: 0, notFound: [], lowConfidence: [], largestMove: 0 };
  const base = (i: number): PreviewCue => {
    const c = result.cues[i]!;
    return { cue: i, excerpt: excerpt(c.text), start: c.start, end: c.end };
  };
  result.cues.forEach((c, i) => {
    if (c.source === null || c.previousStart === null || c.previousEnd === null) {
      out.newlyTimed.push(base(i));
      return;
    }
    const deltaStart = c.start - c.previousStart;
    const deltaEnd = c.end - c.previousEnd;
    if (Math.abs(deltaStart) < MOVE_EPSILON && Math.abs(deltaEnd) < MOVE_EPSILON) out.unchanged++;
    else {
      out.moved.push({ ...base(i), deltaStart, deltaEnd });
      out.largestMove = Math.max(out.largestMove, Math.abs(deltaStart), Math.abs(deltaEnd));
    }
  });
  const missing = new Map<number, string[]>();
  for (const w of result.notFoundWords) missing.set(w.cue, [...(missing.get(w.cue) ?? []), w.text]);
  for (const [cue, words] of [...missing].sort((a, b) => a[0] - b[0])) if (result.cues[cue]) out.notFound.push({ ...base(cue), words });
  for (const i of [...new Set(result.lowConfidence)].sort((a, b) => a - b)) {
    if (result.cues[i]) out.lowConfidence.push({ ...base(i), confidence: result.cues[i]!.confidence });
  }
  return out;
}

/** `+0.250 s`, `−1.100 s` (a real minus sign, so columns line up). */
export function formatDelta(seconds: number): string {
  const s = Math.abs(seconds).toFixed(3);
  return seconds < 0 ? `−${s} s` : `+${s} s`;
}
