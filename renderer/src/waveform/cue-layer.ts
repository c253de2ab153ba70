/**
 * Cue regions drawn over the waveform: only the cues in (and just around) the visible
 * window exist as elements, reused from a pool as the view scrolls, so 4,000 cues cost
 * what 20 do. (wavesurfer's Regions plugin keeps one element and listeners per region:
 * 3,600 cues blocked the main thread for over 20 s.) It sits inside wavesurfer's
 * scrolling wrapper, so native scrolling moves it with the waveform; positions change
 * only on zoom. Dragging a region edge previews locally and reports the new time once,
 * on release, so an edit is one undo step.
 */
import { cuesInWindow, indexCues, type CueIndex, type TimedCue } from './cue-window';

export type CueEdge = 'start' | 'end';

export interface CueLayerOptions {
  onEdgeDrag(index: number, edge: CueEdge, seconds: number): void;
}

const HANDLE_PX = 6;

export class CueLayer {
  readonly element: HTMLDivElement;
  private index: CueIndex = indexCues([]);
  private active: number | null = null;
  private pxPerSec = 0;
  private from = 0;
  private to = 0;
  private duration = Infinity;
  private readonly pool: HTMLDivElement[] = [];
  private drag: { index: number; edge: CueEdge; seconds: number; pointer: number } | null = null;

  constructor(private readonly options: CueLayerOptions) {
    const el = document.createElement('div');
    el.setAttribute('part', 'cue-layer');
    el.dataset.testid = 'cue-layer';
    Object.assign(el.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '4' });
    el.addEventListener('pointerdown', this.onPointerDown);
    el.addEventListener('click', (e) => e.stopPropagation());
    this.element = el;
  }

  setCues(cues: readonly TimedCue[]): void {
    this.index = indexCues(cues);
    this.render();
  }

  setActive(index: number | null): void {
    this.active = index;
    this.render();
  }

  /** The drawing scale and the visible time window. */
  setView(pxPerSec: number, from: number, to: number, duration: number): void {
    this.pxPerSec = pxPerSec;
    this.from = from;
    this.to = to;
    this.duration = duration;
    this.render();
  }

  destroy(): void {
    this.element.remove();
  }

  private render(): void {
    if (!(this.pxPerSec > 0)) return;
    // One view width of margin on each side: small scrolls need no re-render.
    const span = this.to - this.from;
    const visible = cuesInWindow(this.index, this.from - span, this.to + span);
    while (this.pool.length < visible.length) this.pool.push(this.makeRegion());
    visible.forEach((cueIndex, i) => this.place(this.pool[i]!, cueIndex));
    for (let i = visible.length; i < this.pool.length; i++) this.pool[i]!.style.display = 'none';
  }

  private place(region: HTMLDivElement, cueIndex: number): void {
    const cue = this.index.cues[cueIndex]!;
    let { start, end } = cue;
    if (this.drag?.index === cueIndex) {
      if (this.drag.edge === 'start') start = Math.min(this.drag.seconds, end);
      else end = Math.max(this.drag.seconds, start);
    }
    const left = start * this.pxPerSec;
    const width = Math.max(1, (end - start) * this.pxPerSec);
    region.dataset.index = String(cueIndex);
    region.dataset.start = String(start);
    region.dataset.end = String(end);
    region.style.display = 'block';
    region.style.left = `${left}px`;
    region.style.width = `${width}px`;
    region.style.background = cueIndex === this.active ? 'rgba(224, 83, 47, 0.22)' : 'rgba(59, 91, 146, 0.13)';
    region.dataset.active = String(cueIndex === this.active);
  }

  private makeRegion(): HTMLDivElement {
    const region = document.createElement('div');
    region.dataset.testid = 'cue-region';
    Object.assign(region.style, {
      position: 'absolute', top: '0', bottom: '0', boxSizing: 'border-box',
      borderLeft: '1px solid rgba(59, 91, 146, 0.55)', borderRight: '1px solid rgba(59, 91, 146, 0.55)',
    });
    for (const edge of ['start', 'end'] as const) {
      const handle = document.createElement('div');
      handle.dataset.edge = edge;
      handle.title = edge === 'start' ? 'Drag to move the cue start' : 'Drag to move the cue end';
      Object.assign(handle.style, {
        position: 'absolute', top: '0', bottom: '0', width: `${HANDLE_PX}px`, cursor: 'ew-resize', pointerEvents: 'auto',
        [edge === 'start' ? 'left' : 'right']: `${-HANDLE_PX / 2}px`,
      });
      region.append(handle);
    }
    this.element.append(region);
    return region;
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const handle = event.target as HTMLElement;
    const edge = handle.dataset.edge as CueEdge | undefined;
    const index = Number(handle.parentElement?.dataset.index);
    if (!edge || !Number.isInteger(index)) return;
    // The waveform under the handle would seek on this press; the drag is ours.
    event.stopPropagation();
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const cue = this.index.cues[index]!;
    this.drag = { index, edge, seconds: edge === 'start' ? cue.start : cue.end, pointer: event.pointerId };
    const move = (e: PointerEvent) => {
      if (!this.drag || e.pointerId !== this.drag.pointer) return;
      e.stopPropagation();
      this.drag.seconds = this.secondsAt(e.clientX);
      this.render();
    };
    const up = (e: PointerEvent) => {
      if (!this.drag || e.pointerId !== this.drag.pointer) return;
      e.stopPropagation();
      const done = { ...this.drag, seconds: this.secondsAt(e.clientX) };
      this.drag = null;
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      this.render();
      if (e.type === 'pointerup') this.options.onEdgeDrag(done.index, done.edge, done.seconds);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  /** The time under a pointer, clamped to the audio, to the millisecond cues are written in. */
  private secondsAt(clientX: number): number {
    const left = this.element.getBoundingClientRect().left;
    const seconds = (clientX - left) / this.pxPerSec;
    return Math.round(Math.min(this.duration, Math.max(0, seconds)) * 1000) / 1000;
  }
}
