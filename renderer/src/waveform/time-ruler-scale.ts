/**
 * What the time ruler shows for a view: the labelled step (the shortest "round" step
 * whose labels do not crowd), the notch step between labels, and each label's text. Pure,
 * so it is tested in Node and costs the same at any zoom and file length.
 */

/** Round steps in seconds, shortest first. */
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/** How many notches each labelled step is cut into (into round sub-steps: 0.5 s, 5 s, 15 s...). */
const NOTCHES: Record<number, number> = { 0.02: 4, 0.2: 4, 2: 4, 15: 3, 30: 3, 60: 4, 120: 4, 900: 3, 1800: 3, 3600: 4, 7200: 4 };

export interface RulerScale {
  /** Seconds between labels. */
  labelStep: number;
  /** Seconds between notches (a divisor of labelStep). */
  notchStep: number;
}

/** The scale for `pxPerSec`, labels at least `minLabelPx` apart. */
export function rulerScale(pxPerSec: number, minLabelPx = 70): RulerScale {
  const labelStep = STEPS.find((s) => s * pxPerSec >= minLabelPx) ?? STEPS[STEPS.length - 1]!;
  const parts = NOTCHES[labelStep] ?? 5;
  return { labelStep, notchStep: labelStep / parts };
}

/** Indexes of the labelled steps whose labels can show in `[from, to]` seconds (one extra each side). */
export function labelsInView(from: number, to: number, labelStep: number): { first: number; last: number } {
  return { first: Math.max(0, Math.floor(from / labelStep) - 1), last: Math.ceil(to / labelStep) + 1 };
}

/** `m:ss` (`h:mm:ss` from an hour), with as many decimals as `step` needs. */
export function formatRulerTime(seconds: number, step: number): string {
  const decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  const rounded = Number(seconds.toFixed(decimals));
  const h = Math.floor(rounded / 3600);
  const m = Math.floor((rounded % 3600) / 60);
  const s = rounded % 60;
  const sText = s.toFixed(decimals).padStart(decimals ? decimals + 3 : 2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sText}` : `${m}:${sText}`;
}
