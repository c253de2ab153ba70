/**
 * Cue regions drawn over the waveform: only the cues in (and just around) the visible
 * window exist as elements, reused from a pool as the view scrolls, so 4,000 cues cost
 * what 20 do. (wavesurfer's Regions plugin keeps one element and listeners per region:
 * 3,600 cues blocked the main thread for over 20 s.) It sits inside wavesurfer's
 * scrolling wrapper, so native scrolling moves it with the waveform; positions change
 * only on zoom. Each region shows the start of its text in a label band. Dragging an
 * edge retimes it; an edge shared with an abutting cue moves both cues (Alt: only this
 * one); dragging the label moves the whole cue; Shift snaps to the nearest silence.
 * A drag previews locally and reports once, on release, so it is one undo step.
 */
import { cuesInWindow, indexCues, type CueIndex, type TimedCue } from './cue-window';

export type CueEdge = 'start' | 'end';

/** New times for one cue (only the edges that change). */
export interface CueRetime {
  index: number;
  start?: number;
  end?: number;
}

export interface CueLayerOptions {
  onRetime(retimes: CueRetime[]): void;
  /** The label of cue `index` was clicked (without dragging). */
  onSelect?(index: number): void;
  /** The quietest time near `t` (for Shift-snapping), or null. */
  snap?(t: number): number | null;
}

/** Edges closer than this (seconds) count as one shared boundary. */
const SHARED_EPSILON = 0.0015;
const LABEL_PX = 14;

interface Drag {
  index: number;
  /** 'body' moves the whole cue. */
  part: CueEdge | 'body';
  pointer: number;
  /** Where the pointer went down (seconds), for body drags. */
  origin: number;
  /** The preview: current times of each affected cue. */
  preview: Map<number, { start: number; end: number }>;
  moved: boolean;
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
  private drag: Drag | null = null;

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
    const preview = this.drag?.preview.get(cueIndex);
    const { start, end } = preview ?? cue;
    const label = region.firstElementChild as HTMLElement;
    const text = (cue as TimedCue & { text?: string }).text ?? '';
    if (label.dataset.text !== text) {
      label.dataset.text = text;
      // textContent: cue text is never HTML.
      label.textContent = text.replace(/<[^>]*>/g, '').slice(0, 80);
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
    const label = document.createElement('div');
    label.dataset.part = 'label';
    label.title = 'Drag to move the cue; click to go to it';
    Object.assign(label.style, {
      position: 'absolute', top: '0', left: '0', right: '0', height: `${LABEL_PX}px`, overflow: 'hidden', whiteSpace: 'nowrap',
      font: '10px system-ui, sans-serif', lineHeight: `${LABEL_PX}px`, padding: '0 3px', color: '#1d1f23',
      background: 'rgba(255, 255, 255, 0.55)', cursor: 'grab', pointerEvents: 'auto', userSelect: 'none',
    });
    region.append(label);
    for (const edge of ['start', 'end'] as const) {
      const handle = document.createElement('div');
      handle.dataset.edge = edge;
      handle.title = edge === 'start' ? 'Drag to move the cue start' : 'Drag to move the cue end';
      Object.assign(handle.style, {
        position: 'absolute', top: '0', bottom: '0', width: `${HANDLE_PX}px`, cursor: 'ew-resize', pointerEvents: 'auto',
        // Inside the region, so at a shared boundary the end handle (left half) and the
        // next cue's start handle (right half) can each be grabbed.
        [edge === 'start' ? 'left' : 'right']: '0px',
      });
      region.append(handle);
    }
    this.element.append(region);
    return region;
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const target = event.target as HTMLElement;
    const part = (target.dataset.edge as CueEdge | undefined) ?? (target.dataset.part === 'label' ? 'body' : undefined);
    const index = Number(target.parentElement?.dataset.index);
    if (!part || !Number.isInteger(index)) return;
    // The waveform under the handle would seek on this press; the drag is ours.
    event.stopPropagation();
    event.preventDefault();
    target.setPointerCapture(event.pointerId);
    this.drag = { index, part, pointer: event.pointerId, origin: this.secondsAt(event.clientX), preview: new Map(), moved: false };
    const move = (e: PointerEvent) => {
      if (!this.drag || e.pointerId !== this.drag.pointer) return;
      e.stopPropagation();
      this.drag.moved = true;
      this.drag.preview = this.retimes(this.drag, this.secondsAt(e.clientX), e.altKey, e.shiftKey);
      this.render();
    };
    const up = (e: PointerEvent) => {
      if (!this.drag || e.pointerId !== this.drag.pointer) return;
      e.stopPropagation();
      const done = this.drag;
      const result = done.moved ? this.retimes(done, this.secondsAt(e.clientX), e.altKey, e.shiftKey) : new Map<number, { start: number; end: number }>();
      this.drag = null;
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      this.render();
      if (e.type !== 'pointerup') return;
      if (!done.moved && done.part === 'body') {
        this.options.onSelect?.(done.index);
        return;
      }
      const out: CueRetime[] = [];
      for (const [i, t] of result) {
        const cue = this.index.cues[i]!;
        const r: CueRetime = { index: i };
        if (t.start !== cue.start) r.start = t.start;
        if (t.end !== cue.end) r.end = t.end;
        if (r.start !== undefined || r.end !== undefined) out.push(r);
      }
      if (out.length) this.options.onRetime(out);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  /**
   * The cues a drag to `t` changes and their new times. An edge shared with an abutting
   * cue moves that cue's edge too unless `alone`; `snap` moves the boundary into the
   * nearest silence. Edges never cross: start <= end for every cue touched.
   */
  private retimes(drag: Drag, t: number, alone: boolean, snap: boolean): Map<number, { start: number; end: number }> {
    const cues = this.index.cues;
    const cue = cues[drag.index]!;
    const out = new Map<number, { start: number; end: number }>();
    const snapped = (x: number) => (snap ? this.options.snap?.(x) ?? x : x);
    const round = (x: number) => Math.round(Math.min(this.duration, Math.max(0, x)) * 1000) / 1000;
    if (drag.part === 'body') {
      let delta = t - drag.origin;
      if (snap) delta = snapped(cue.start + delta) - cue.start;
      delta = Math.max(-cue.start, delta);
      out.set(drag.index, { start: round(cue.start + delta), end: round(cue.end + delta) });
      return out;
    }
    const edge = drag.part;
    // The edge follows the pointer's movement (wherever on the handle it was grabbed).
    const at = round(snapped((edge === 'end' ? cue.end : cue.start) + t - drag.origin));
    const neighbourIndex = edge === 'end' ? drag.index + 1 : drag.index - 1;
    const neighbour = cues[neighbourIndex];
    const shared = !alone && neighbour !== undefined &&
      Math.abs((edge === 'end' ? neighbour.start : neighbour.end) - (edge === 'end' ? cue.end : cue.start)) < SHARED_EPSILON;
    if (edge === 'end') {
      let end = Math.max(at, cue.start);
      if (shared) end = Math.min(end, neighbour!.end);
      out.set(drag.index, { start: cue.start, end });
      if (shared) out.set(neighbourIndex, { start: end, end: neighbour!.end });
    } else {
      let start = Math.min(at, cue.end);
      if (shared) start = Math.max(start, neighbour!.start);
      out.set(drag.index, { start, end: cue.end });
      if (shared) out.set(neighbourIndex, { start: neighbour!.start, end: start });
    }
    return out;
  }

  /** The time under a pointer, clamped to the audio, to the millisecond cues are written in. */
  private secondsAt(clientX: number): number {
    const left = this.element.getBoundingClientRect().left;
    const seconds = (clientX - left) / this.pxPerSec;
    return Math.round(Math.min(this.duration, Math.max(0, seconds)) * 1000) / 1000;
  }
}
