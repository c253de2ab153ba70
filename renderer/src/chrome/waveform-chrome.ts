/**
 * What the window's chrome asks of a wavesurfer instance: the palette's colours, kept
 * in step with the colour scheme, and a keyboard stop on the part that scrolls.
 * wavesurfer scrolls an element inside its shadow root, so a tabindex on the host leaves
 * that scrolling region unreachable to assistive tech (axe: scrollable-region-focusable);
 * the scroller takes the tab stop instead, and its keys still bubble to the host.
 */
import { followThemeColors } from './theme';

interface WaveSurferLike {
  setOptions(options: { waveColor: string; progressColor: string; cursorColor: string }): void;
  getWrapper(): HTMLElement;
}

/** Applies both to `wavesurfer` drawn in `host`; returns the cleanup. */
export function dressWaveform(wavesurfer: WaveSurferLike, host: HTMLElement): () => void {
  const scroller = wavesurfer.getWrapper().parentElement;
  if (scroller) {
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'group');
    scroller.setAttribute('aria-label', host.getAttribute('aria-label') ?? 'Waveform');
    host.tabIndex = -1;
  }
  return followThemeColors(wavesurfer);
}
