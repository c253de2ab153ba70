/**
 * The palette (styles.css custom properties) for code that paints on a canvas and so
 * cannot use var(): wavesurfer's waveform and the overview strip. DOM-styled parts (cue
 * regions, labels, the overview frame) should use the properties directly, e.g.
 * `region.style.background = 'var(--cue-fill)'`, and then follow the scheme by themselves.
 *
 * Properties: --wave, --wave-progress, --playhead (canvas); --cue-fill, --cue-active,
 * --cue-border, --cue-label-fg, --cue-label-bg, --overview-frame, --overview-frame-fill (DOM).
 */

export type ThemeProperty =
  | '--wave' | '--wave-progress' | '--playhead'
  | '--cue-fill' | '--cue-active' | '--cue-border' | '--cue-label-fg' | '--cue-label-bg'
  | '--overview-frame' | '--overview-frame-fill' | '--bg' | '--fg' | '--muted' | '--panel' | '--border';

/** The resolved value of a palette property in the current scheme. */
export function themeColor(property: ThemeProperty, element: Element = document.documentElement): string {
  return getComputedStyle(element).getPropertyValue(property).trim();
}

/** wavesurfer.js's colour options in the current scheme. */
export function waveformColors(): { waveColor: string; progressColor: string; cursorColor: string } {
  return { waveColor: themeColor('--wave'), progressColor: themeColor('--wave-progress'), cursorColor: themeColor('--playhead') };
}

/** Calls `listener` whenever the colour scheme changes; returns the unsubscribe. */
export function onColorSchemeChange(listener: () => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/**
 * Keeps a wavesurfer instance in the palette: applies the colours now and again on every
 * scheme change. Returns the unsubscribe (call it in the plugin's or effect's destroy).
 */
export function followThemeColors(wavesurfer: { setOptions(options: ReturnType<typeof waveformColors>): void }): () => void {
  const apply = () => wavesurfer.setOptions(waveformColors());
  apply();
  return onColorSchemeChange(apply);
}
