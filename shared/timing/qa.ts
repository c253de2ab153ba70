/**
 * Timing QA: the subtitle limits editors check (characters per second, duration, line
 * length, gap to the next cue), as configurable rules. The "transcript" profile has
 * none of the subtitle limits: podcast transcripts have long cues by design.
 */
import { cueTextToPlain } from '../formats/vtt/cue-text';
import type { VttCue } from '../formats/vtt/types';

export interface QaRules {
  /** Characters per second (plain text, line breaks not counted); null: unchecked. */
  maxCps: number | null;
  minDuration: number | null;
  maxDuration: number | null;
  maxLineLength: number | null;
  /** Least gap to the next cue in seconds (0: they may touch but not overlap); null: unchecked. */
  minGap: number | null;
}

export type QaProfileName = 'subtitle' | 'transcript';

export const QA_PROFILES: Readonly<Record<QaProfileName, Readonly<QaRules>>> = Object.freeze({
  subtitle: Object.freeze({ maxCps: 20, minDuration: 0.7, maxDuration: 7, maxLineLength: 42, minGap: 0 }),
  transcript: Object.freeze({ maxCps: null, minDuration: null, maxDuration: null, maxLineLength: null, minGap: null }),
});

export interface QaProblem {
  /** Offsets into the document text, for underlining. */
  from: number;
  to: number;
  rule: keyof QaRules;
  message: string;
}

export interface CueFigures {
  duration: number;
  cps: number;
  longestLine: number;
}

/** Duration, characters per second and longest line of a cue (plain text, tags removed). */
export function cueFigures(cue: VttCue): CueFigures {
  const lines = cueTextToPlain(cue.text).split('\n');
  let chars = 0;
  let longestLine = 0;
  for (const line of lines) {
    chars += line.length;
    if (line.length > longestLine) longestLine = line.length;
  }
  const duration = Math.max(0, cue.end - cue.start);
  return { duration, cps: duration > 0 ? chars / duration : chars > 0 ? Infinity : 0, longestLine };
}

const fmt = (n: number) => (Number.isFinite(n) ? (Math.round(n * 10) / 10).toString() : '∞');

/** Problems of one cue under `rules`; `next` is the following cue (for the gap rule). */
export function checkCue(cue: VttCue, next: VttCue | undefined, rules: Readonly<QaRules>): QaProblem[] {
  const out: QaProblem[] = [];
  const f = cueFigures(cue);
  const timing = { from: cue.timingRange.from, to: cue.timingRange.to };
  const text = cue.textRange.to > cue.textRange.from ? cue.textRange : timing;
  if (rules.maxCps !== null && f.cps > rules.maxCps) {
    out.push({ ...text, rule: 'maxCps', message: `${fmt(f.cps)} characters per second (limit ${rules.maxCps})` });
  }
  if (rules.minDuration !== null && f.duration < rules.minDuration) {
    out.push({ ...timing, rule: 'minDuration', message: `lasts ${f.duration.toFixed(3)} s (minimum ${rules.minDuration} s)` });
  }
  if (rules.maxDuration !== null && f.duration > rules.maxDuration) {
    out.push({ ...timing, rule: 'maxDuration', message: `lasts ${f.duration.toFixed(3)} s (maximum ${rules.maxDuration} s)` });
  }
  if (rules.maxLineLength !== null && f.longestLine > rules.maxLineLength) {
    out.push({ ...text, rule: 'maxLineLength', message: `a line has ${f.longestLine} characters (limit ${rules.maxLineLength})` });
  }
  if (rules.minGap !== null && next) {
    const gap = next.start - cue.end;
    // Compare in whole milliseconds: times are written with ms precision.
    if (Math.round(gap * 1000) < Math.round(rules.minGap * 1000)) {
      out.push({
        from: cue.endRange.from,
        to: cue.endRange.to,
        rule: 'minGap',
        message: gap < 0 ? `overlaps the next cue by ${(-gap).toFixed(3)} s` : `${gap.toFixed(3)} s before the next cue (minimum ${rules.minGap} s)`,
      });
    }
  }
  return out;
}
