/**
 * A cue's figures as the editor and the status bar show them: duration and characters
 * per second. A cue that ends before it starts shows its negative duration, flagged as
 * an error (its characters per second mean nothing, so none are shown).
 */
import type { VttCue } from '../../../shared/formats/vtt/types';
import { cueFigures, type QaRules } from '../../../shared/timing/qa';

export interface ShownFigures {
  /** Seconds, negative when the cue ends before it starts. */
  duration: number;
  text: string;
  /** Ends before it starts. */
  error: boolean;
  /** Outside the QA rules (too fast, too short, too long). */
  warn: boolean;
  cps: number;
  longestLine: number;
}

export function shownFigures(cue: VttCue, rules: Readonly<QaRules>): ShownFigures {
  const f = cueFigures(cue);
  const span = cue.end - cue.start;
  if (span < 0) {
    return { duration: span, text: `−${(-span).toFixed(2)} s · ends before it starts`, error: true, warn: false, cps: NaN, longestLine: f.longestLine };
  }
  const warn = (rules.maxCps !== null && f.cps > rules.maxCps) || (rules.minDuration !== null && f.duration < rules.minDuration) || (rules.maxDuration !== null && f.duration > rules.maxDuration);
  return { duration: f.duration, text: `${f.duration.toFixed(2)} s · ${Number.isFinite(f.cps) ? f.cps.toFixed(1) : '∞'} cps`, error: false, warn, cps: f.cps, longestLine: f.longestLine };
}
