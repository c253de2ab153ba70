/**
 * The time ruler under the waveform, as a wavesurfer.js plugin, drawn only for the view.
 * wavesurfer's Timeline plugin builds one element per notch over the whole file and
 * rebuilds them all on every zoom (a 3-hour file at 50 px/s is ~27,000 notches: zoom
 * frames of 117 ms); this one keeps a small pool of notch and label elements, enough
 * for one view, in a strip that stays in view (`position: sticky` inside wavesurfer's
 * scrolling wrapper) and re-places them on scroll and zoom: the cost is the view's
 * width, whatever the length of the audio. It sits in the wrapper's flow, so the cue
 * layer and the playhead (which span the wrapper) run over it as over the waveform.
 */
import type WaveSurfer from 'wavesurfer.js';
import BasePlugin, { type BasePluginEvents } from 'wavesurfer.js/dist/base-plugin.js';
import { formatRulerTime, labelsInView, rulerScale } from './time-ruler-scale';

export interface TimeRulerOptions {
  /** The length the waveform is drawn over (seconds). */
  duration(): number;
  height?: number;
}

/**
 * Calls `render` whenever the view of `ws` moves: on scroll at once (the frame being
 * painted is the scrolled one), on zoom, redraw, ready and resize once the new layout is
 * in (next frame), and once now. Returns the unsubscribes. Shared by the strips drawn
 * for the view (this ruler, the spectrogram).
 */
export function followView(ws: WaveSurfer, render: () => void): (() => void)[] {
  let frame = 0;
  const later = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  };
  window.addEventListener('resize', later);
  later();
  return [
    ws.on('scroll', render),
    ws.on('zoom', later),
    ws.on('redrawcomplete', later),
    ws.on('ready', later),
    () => window.removeEventListener('resize', later),
    () => cancelAnimationFrame(frame),
  ];
}

export class TimeRulerPlugin extends BasePlugin<BasePluginEvents, TimeRulerOptions> {
  readonly element: HTMLDivElement;
  private readonly notches: HTMLDivElement[] = [];
  private readonly labels: HTMLDivElement[] = [];

  static create(options: TimeRulerOptions): TimeRulerPlugin {
    return new TimeRulerPlugin(options);
  }

  constructor(options: TimeRulerOptions) {
    super(options);
    const el = document.createElement('div');
    el.dataset.testid = 'time-ruler';
    el.setAttribute('part', 'time-ruler');
    el.setAttribute('aria-hidden', 'true');
    Object.assign(el.style, {
      position: 'sticky', left: '0', height: `${options.height ?? 18}px`, overflow: 'hidden', pointerEvents: 'none',
      font: '10px system-ui, sans-serif', color: 'var(--muted, #585f6b)', fontVariantNumeric: 'tabular-nums', contain: 'strict',
    });
    this.element = el;
  }

  protected override onInit(): void {
    const ws = this.wavesurfer!;
    ws.getWrapper().append(this.element);
    this.subscriptions.push(...followView(ws, () => this.render()));
  }

  override destroy(): void {
    this.element.remove();
    super.destroy();
  }

  /** Places the notches and labels of the visible window. */
  render(): void {
    const ws = this.wavesurfer;
    const duration = this.options.duration();
    if (!ws || !(duration > 0)) return;
    const pxPerSec = ws.getWrapper().clientWidth / duration;
    if (!(pxPerSec > 0)) return;
    const scroll = ws.getScroll();
    const width = ws.getWidth();
    this.element.style.width = `${width}px`;
    const from = scroll / pxPerSec;
    const to = Math.min(duration, (scroll + width) / pxPerSec);
    const { labelStep, notchStep } = rulerScale(pxPerSec);
    const view = this.element.dataset;
    view.from = String(from);
    view.to = String(to);
    view.labelStep = String(labelStep);

    const notchRange = labelsInView(from, to, notchStep);
    let used = 0;
    for (let k = notchRange.first; k <= notchRange.last; k++) {
      const t = k * notchStep;
      if (t > duration) break;
      const notch = this.notches[used] ?? this.makeNotch();
      notch.style.transform = `translateX(${Math.round(t * pxPerSec - scroll)}px)`;
      notch.style.display = 'block';
      used++;
    }
    for (let i = used; i < this.notches.length; i++) this.notches[i]!.style.display = 'none';

    const labelRange = labelsInView(from, to, labelStep);
    used = 0;
    for (let k = labelRange.first; k <= labelRange.last; k++) {
      const t = k * labelStep;
      if (t > duration) break;
      const label = this.labels[used] ?? this.makeLabel();
      const text = formatRulerTime(t, labelStep);
      if (label.textContent !== text) label.textContent = text;
      label.dataset.time = String(t);
      label.style.transform = `translateX(${Math.round(t * pxPerSec - scroll)}px)`;
      label.style.display = 'block';
      used++;
    }
    for (let i = used; i < this.labels.length; i++) this.labels[i]!.style.display = 'none';
  }

  private makeNotch(): HTMLDivElement {
    const notch = document.createElement('div');
    Object.assign(notch.style, { position: 'absolute', left: '0', bottom: '0', width: '1px', height: '4px', background: 'currentColor', opacity: '0.6' });
    this.element.append(notch);
    this.notches.push(notch);
    return notch;
  }

  private makeLabel(): HTMLDivElement {
    const label = document.createElement('div');
    label.dataset.testid = 'ruler-label';
    Object.assign(label.style, {
      position: 'absolute', left: '0', top: '0', bottom: '0', paddingLeft: '3px', lineHeight: '14px',
      borderLeft: '1px solid currentColor', whiteSpace: 'nowrap',
    });
    this.element.append(label);
    this.labels.push(label);
    return label;
  }
}
