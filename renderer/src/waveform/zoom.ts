/**
 * Zoom limits of the waveform. Chromium stops laying out an element wider than
 * 33,554,428 px, so the scroll width (duration x px/s) must stay under it: a 3-hour
 * file allows ~3,100 px/s, more than the 200 peaks/s can fill anyway.
 */
export const MAX_SCROLL_WIDTH = 33_554_428;
/** Beyond one pixel per peak there is nothing more to see. */
export const MAX_PX_PER_SEC = 800;
export const ZOOM_STEP = 1.25;

/** Clamps px/s between "whole file fits the view" and the scroll-width and detail limits. */
export function clampPxPerSec(pxPerSec: number, duration: number, viewWidth: number): number {
  if (!(duration > 0)) return pxPerSec;
  const max = Math.min(MAX_PX_PER_SEC, Math.floor((MAX_SCROLL_WIDTH - viewWidth) / duration));
  const min = Math.min(max, Math.max(viewWidth, 1) / duration);
  return Math.min(max, Math.max(min, pxPerSec));
}

/** One zoom step in (`direction` 1) or out (-1) from `pxPerSec`, clamped. */
export function zoomStep(pxPerSec: number, direction: 1 | -1, duration: number, viewWidth: number): number {
  return clampPxPerSec(direction > 0 ? pxPerSec * ZOOM_STEP : pxPerSec / ZOOM_STEP, duration, viewWidth);
}
