/**
 * Cue regions over the waveform, as a wavesurfer.js plugin: it subscribes to the
 * editor's CueTimeline and to wavesurfer's scroll/zoom/redraw events, and unsubscribes
 * and removes its element on destroy. Only the cues in (and just around) the visible
 * window exist as elements, reused from a pool as the view scrolls, so 4,000 cues cost
 * what 20 do (wavesurfer's Regions plugin keeps one element and listeners per region:
 * 3,600 cues blocked the main thread for over 20 s). It sits inside wavesurfer's
 * scrolling wrapper, so native scrolling moves it with the waveform.
 *
 * Each region shows the start of its text in a label band. Dragging an edge retimes it
 * (see cue-drag), showing the edge's time and the cue's duration as it goes; dragging the
 * label moves the whole cue; a click on the label goes to the cue. Alt+dragging a word
 * of the label across the cue's edge moves that word and those before it to the previous
 * cue, or it and those after it to the next (see word-drag), marking the words and the
 * cue they would go to as it goes. A drag previews locally and reports once, on
 * release, so it is one undo step; Esc cancels it. When the cursor's cue changes, the
 * waveform centres it (always after a jump, else when it is out of view).
 */
import BasePlugin, { type BasePluginEvents } from 'wavesurfer.js/dist/base-plugin.js';
import { formatVttTimestamp } from '../../../shared/formats/timestamp';
import type { VttCue } from '../../../shared/formats/vtt/types';
import type { CueRetime, CueTimeline, TimelineSnapshot } from '../editor/cue-timeline';
import { cuesInWindow, indexCues, reindexCues, type CueIndex } from './cue-window';
import { speakerColour } from '../../../shared/speakers/colour';
import { dragTimes, type CuePart, type CueTimes } from './cue-drag';
import { fillLabel, labelWords, wordIndexAt, wordsBox } from './label-word';
import { wordDragPlan, type WordDragPlan } from './word-drag';
import type { MoveDirection } from '../../../shared/speakers';

export interface CueLayerOptions {
  timeline: CueTimeline;
  /** The length the waveform is drawn over (seconds). */
  duration(): number;
  /** The quietest time near `t` (Shift-snapping), or null. */
  snap(t: number): number | null;
  /** A word drag was dropped: word `word` of the cue at `at` (and those before or after it) goes to the `direction` neighbour. */
  moveWords(at: number, word: number, direction: MoveDirection): void;
}

const LABEL_PX = 14;
const HANDLE_PX = 6;

interface Drag {
  at: number;
  part: CuePart;
  pointer: number;
  origin: number;
  preview: CueTimes;
  moved: boolean;
}

interface WordDrag {
  at: number;
  word: number;
  words: readonly string[];
  pointer: number;
  origin: number;
  originX: number;
  moved: boolean;
  plan: WordDragPlan;
}

/** Pointer travel (px) before a press on a word counts as a drag, not a click. */
const WORD_DRAG_SLOP_PX = 3;

export class CueLayerPlugin extends BasePlugin<BasePluginEvents, CueLayerOptions> {
  readonly element: HTMLDivElement;
  private readonly readout: HTMLDivElement;
  /** Over the words a word drag would move. */
  private readonly mark: HTMLDivElement;
  private index: CueIndex = indexCues([]);
  /** The latest published cues: read by index per update; the whole list only for a drag. */
  private snapshot: TimelineSnapshot | null = null;
  private get cues(): readonly VttCue[] {
    return this.snapshot?.cues ?? [];
  }
  private active = -1;
  private pxPerSec = 0;
  private from = 0;
  private to = 0;
  private readonly pool: HTMLDivElement[] = [];
  private drag: Drag | null = null;
  private wordDrag: WordDrag | null = null;
  /** Ends the pointer being followed (on destroy). */
  private untrack: (() => void) | null = null;
  private frame = 0;
  /** What each pooled region shows now, to skip writes that change nothing. */
  private readonly drawn = new WeakMap<HTMLDivElement, string>();

  static create(options: CueLayerOptions): CueLayerPlugin {
    return new CueLayerPlugin(options);
  }

  constructor(options: CueLayerOptions) {
    super(options);
    const el = document.createElement('div');
    el.setAttribute('part', 'cue-layer');
    el.dataset.testid = 'cue-layer';
    Object.assign(el.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '4' });
    el.addEventListener('pointerdown', this.onPointerDown);
    el.addEventListener('click', (e) => e.stopPropagation());
    const readout = document.createElement('div');
    readout.dataset.testid = 'drag-readout';
    readout.setAttribute('role', 'status');
    Object.assign(readout.style, {
      position: 'absolute', top: `${LABEL_PX + 2}px`, display: 'none', padding: '1px 4px', font: '11px system-ui, sans-serif',
      background: 'var(--panel, #fff)', color: 'var(--fg, #1d1f23)', border: '1px solid var(--border, #ccc)', borderRadius: '3px',
      whiteSpace: 'nowrap', pointerEvents: 'none', zIndex: '5', fontVariantNumeric: 'tabular-nums',
    });
    const mark = document.createElement('div');
    mark.dataset.testid = 'word-drag-mark';
    Object.assign(mark.style, {
      position: 'absolute', top: '0', height: `${LABEL_PX}px`, display: 'none', pointerEvents: 'none', zIndex: '5', boxSizing: 'border-box',
      background: 'var(--word-drag, rgba(224, 83, 47, 0.28))', outline: '1px solid var(--cue-active-border, rgba(224, 83, 47, 0.9))', borderRadius: '2px',
    });
    el.append(readout, mark);
    this.element = el;
    this.readout = readout;
    this.mark = mark;
  }

  protected override onInit(): void {
    const ws = this.wavesurfer!;
    ws.getWrapper().append(this.element);
    const schedule = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.measure());
    };
    this.subscriptions.push(
      ws.on('scroll', schedule),
      ws.on('zoom', schedule),
      ws.on('redrawcomplete', schedule),
      ws.on('ready', schedule),
      this.options.timeline.on('update', (s) => this.onTimeline(s)),
      () => cancelAnimationFrame(this.frame),
    );
    window.addEventListener('resize', schedule);
    this.subscriptions.push(() => window.removeEventListener('resize', schedule));
    this.onTimeline(this.options.timeline.snapshot);
    schedule();
  }

  override destroy(): void {
    this.untrack?.();
    this.element.remove();
    super.destroy();
  }

  /** The visible window in seconds, or null before anything is drawn. */
  visibleWindow(): { from: number; to: number; pxPerSec: number } | null {
    const ws = this.wavesurfer;
    const duration = this.options.duration();
    if (!ws || !(duration > 0)) return null;
    const pxPerSec = ws.getWrapper().clientWidth / duration;
    if (!(pxPerSec > 0)) return null;
    const from = ws.getScroll() / pxPerSec;
    return { from, to: from + ws.getWidth() / pxPerSec, pxPerSec };
  }

  private measure(): void {
    const view = this.visibleWindow();
    if (!view) return;
    this.pxPerSec = view.pxPerSec;
    this.from = view.from;
    this.to = view.to;
    this.render();
  }

  private onTimeline(s: TimelineSnapshot): void {
    const cursorChanged = s.cursor !== this.active || s.changes === null;
    if (this.drag && s.changes) {
      // Positions move with the edits made meanwhile (the drag keeps its cue).
      const map = s.changes;
      this.drag.at = map.mapPos(this.drag.at, 1);
      this.drag.preview = new Map([...this.drag.preview].map(([at, t]) => [map.mapPos(at, 1), t]));
    }
    if (this.wordDrag && s.changes) {
      const map = s.changes;
      const plan = this.wordDrag.plan;
      this.wordDrag.at = map.mapPos(this.wordDrag.at, 1);
      if (plan.target !== null) plan.target = map.mapPos(plan.target, 1);
    }
    // Typing keeps the same times array: the index stays, and no cue list is built.
    if (s.times !== this.index.cues) this.index = reindexCues(this.index, s.times);
    this.snapshot = s;
    this.active = s.cursor;
    this.element.dataset.spoken = String(s.spoken);
    if (cursorChanged || s.jump) this.reveal(s.cue(s.cursor), s.jump);
    this.render();
  }

  /** Centres `cue` in the waveform: after a jump always, else only when it is out of view. */
  private reveal(cue: VttCue | undefined, always: boolean): void {
    const ws = this.wavesurfer;
    const view = this.visibleWindow();
    if (!cue || !ws || !view) return;
    const span = view.to - view.from;
    if (!always && cue.start >= view.from && cue.end <= view.to) return;
    const target = cue.end - cue.start < span ? (cue.start + cue.end) / 2 - span / 2 : cue.start - span / 10;
    ws.setScroll(Math.max(0, target) * view.pxPerSec);
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
    const cue = this.snapshot!.cue(cueIndex)!;
    const { start, end } = this.drag?.preview.get(cue.range.from) ?? cue;
    // Typing moves positions, not times: most keystrokes change nothing drawn here, and
    // then nothing is written (each write would restyle the waveform in the next frame).
    const dropTarget = this.wordDrag?.plan.armed === true && this.wordDrag.plan.target === cue.range.from;
    const drawn = `${cueIndex}|${start}|${end}|${cueIndex === this.active}|${this.pxPerSec}|${cue.speaker ?? ''}|${dropTarget}|${cue.text}`;
    if (this.drawn.get(region) === drawn && region.style.display === 'block') return;
    this.drawn.set(region, drawn);
    const label = region.firstElementChild as HTMLElement;
    if (label.dataset.text !== cue.text) {
      label.dataset.text = cue.text;
      fillLabel(label, cue.text);
    }
    region.dataset.index = String(cueIndex);
    region.dataset.start = String(start);
    region.dataset.end = String(end);
    region.dataset.active = String(cueIndex === this.active);
    region.style.display = 'block';
    region.style.left = `${Math.min(start, end) * this.pxPerSec}px`;
    region.style.width = `${Math.max(1, Math.abs(end - start) * this.pxPerSec)}px`;
    region.style.background = cueIndex === this.active ? 'var(--cue-active, rgba(224, 83, 47, 0.22))' : 'var(--cue-fill, rgba(59, 91, 146, 0.13))';
    // The speaker's colour (shared/speakers/colour): a band along the region's foot.
    region.dataset.speaker = cue.speaker ?? '';
    region.style.boxShadow = cue.speaker ? `inset 0 -4px 0 ${speakerColour(cue.speaker)}` : '';
    // Where a word drag would drop its words.
    region.dataset.dropTarget = String(dropTarget);
    region.style.outline = dropTarget ? `2px dashed ${cue.speaker ? speakerColour(cue.speaker) : 'var(--cue-border, rgba(59, 91, 146, 0.9))'}` : '';
    region.style.outlineOffset = dropTarget ? '-2px' : '';
  }

  private makeRegion(): HTMLDivElement {
    const region = document.createElement('div');
    region.dataset.testid = 'cue-region';
    Object.assign(region.style, {
      position: 'absolute', top: '0', bottom: '0', boxSizing: 'border-box',
      borderLeft: '1px solid var(--cue-border, rgba(59, 91, 146, 0.55))', borderRight: '1px solid var(--cue-border, rgba(59, 91, 146, 0.55))',
    });
    const label = document.createElement('div');
    label.dataset.part = 'label';
    label.title = 'Drag to move the cue; click to go to it. Alt+drag a word into the previous or next cue to move it there, with the words before or after it';
    Object.assign(label.style, {
      position: 'absolute', top: '0', left: '0', right: '0', height: `${LABEL_PX}px`, overflow: 'hidden', whiteSpace: 'nowrap',
      font: '10px system-ui, sans-serif', lineHeight: `${LABEL_PX}px`, padding: '0 3px', color: 'var(--cue-label-fg, #1d1f23)',
      background: 'var(--cue-label-bg, rgba(255, 255, 255, 0.55))', cursor: 'grab', pointerEvents: 'auto', userSelect: 'none',
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

  private times(drag: Drag, e: PointerEvent): CueTimes {
    return dragTimes({
      cues: this.cues, at: drag.at, part: drag.part, origin: drag.origin, pointer: this.secondsAt(e.clientX),
      alone: e.altKey, snap: e.shiftKey ? (t) => this.options.snap(t) : null, duration: this.options.duration(),
    });
  }

  /** The dragged edge's time and the cue's duration, beside the edge. */
  private showReadout(drag: Drag): void {
    const t = drag.preview.get(drag.at);
    if (!t) return;
    const edge = drag.part === 'end' ? t.end : t.start;
    this.readout.textContent = `${drag.part === 'body' ? 'Cue' : drag.part === 'start' ? 'Start' : 'End'} ${formatVttTimestamp(edge)} · ${(t.end - t.start).toFixed(2)} s`;
    this.readout.style.left = `${edge * this.pxPerSec + 4}px`;
    this.readout.style.display = 'block';
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const target = event.target as HTMLElement;
    const part = (target.dataset.edge as CuePart | undefined) ?? (target.dataset.part === 'label' ? 'body' : undefined);
    const cue = this.cues[Number(target.parentElement?.dataset.index)];
    if (!part || !cue) return;
    // A drag whose release never came (capture lost) ends here.
    this.untrack?.();
    const at = cue.range.from;
    // The waveform under the handle would seek on this press; the drag is ours.
    event.stopPropagation();
    event.preventDefault();
    target.setPointerCapture(event.pointerId);
    const word = part === 'body' && event.altKey ? wordIndexAt(target, event.clientX) : null;
    if (word !== null) return this.startWordDrag(event, target, cue, word);
    this.drag = { at, part, pointer: event.pointerId, origin: this.secondsAt(event.clientX), preview: new Map(), moved: false };
    this.track(target, event.pointerId, {
      move: (e) => {
        const drag = this.drag!;
        drag.moved = true;
        drag.preview = this.times(drag, e);
        this.showReadout(drag);
        this.render();
      },
      end: (e) => {
        const done = this.drag!;
        const result = done.moved && e ? this.times(done, e) : new Map<number, { start: number; end: number }>();
        this.drag = null;
        this.readout.style.display = 'none';
        this.render();
        if (!e) return;
        if (!done.moved && done.part === 'body') return this.options.timeline.selectCue(done.at, wordIndexAt(target, e.clientX));
        const out: CueRetime[] = [];
        for (const [cueAt, t] of result) {
          const moved = this.cues[this.cues.findIndex((c) => c.range.from === cueAt)];
          if (!moved) continue;
          const r: CueRetime = { at: cueAt };
          if (t.start !== moved.start) r.start = t.start;
          if (t.end !== moved.end) r.end = t.end;
          if (r.start !== undefined || r.end !== undefined) out.push(r);
        }
        if (out.length) this.options.timeline.retime(out);
      },
    });
  };

  private startWordDrag(event: PointerEvent, label: HTMLElement, cue: VttCue, word: number): void {
    const words = labelWords(cue.text).words;
    const origin = this.secondsAt(event.clientX);
    this.wordDrag = {
      at: cue.range.from, word, words, pointer: event.pointerId, origin, originX: event.clientX, moved: false,
      plan: wordDragPlan({ cues: this.cues, at: cue.range.from, word, words: words.length, origin, pointer: origin }),
    };
    this.track(label, event.pointerId, {
      move: (e) => {
        const drag = this.wordDrag!;
        if (!drag.moved && Math.abs(e.clientX - drag.originX) < WORD_DRAG_SLOP_PX) return;
        drag.moved = true;
        drag.plan = wordDragPlan({ cues: this.cues, at: drag.at, word: drag.word, words: drag.words.length, origin: drag.origin, pointer: this.secondsAt(e.clientX) });
        this.showWordDrag(drag, e.clientX);
        this.render();
      },
      end: (e) => {
        const done = this.wordDrag!;
        this.wordDrag = null;
        this.readout.style.display = 'none';
        this.mark.style.display = 'none';
        this.render();
        if (!e) return;
        if (!done.moved) return this.options.timeline.selectCue(done.at, done.word);
        if (done.plan.armed && done.plan.direction) this.options.moveWords(done.at, done.word, done.plan.direction);
      },
    });
  }

  /** Marks the words that would move and says where they would go. */
  private showWordDrag(drag: WordDrag, clientX: number): void {
    const { plan } = drag;
    const layer = this.element.getBoundingClientRect();
    const index = this.cues.findIndex((c) => c.range.from === drag.at);
    const region = this.pool.find((r) => r.style.display !== 'none' && Number(r.dataset.index) === index);
    const label = region?.firstElementChild as HTMLElement | undefined;
    const box = label && plan.direction ? wordsBox(label, plan.from, plan.to) : null;
    this.mark.style.display = box ? 'block' : 'none';
    if (box) {
      this.mark.style.left = `${box.left - layer.left}px`;
      this.mark.style.width = `${box.right - box.left}px`;
    }
    this.mark.dataset.words = plan.direction ? String(plan.to - plan.from) : '0';
    const count = plan.to - plan.from;
    const side = plan.direction === 'previous' ? 'previous' : 'next';
    let text: string;
    if (!plan.direction) text = 'Drag into the previous or next cue to move words there';
    else if (plan.target === null) text = `This is the ${side === 'previous' ? 'first' : 'last'} cue: there is no ${side} cue to move words to`;
    else if (!plan.armed) text = `Drag past the cue's ${side === 'previous' ? 'start' : 'end'} to move ${count} ${count === 1 ? 'word' : 'words'} to the ${side} cue`;
    else {
      const quoted = drag.words.slice(plan.from, plan.to).join(' ');
      const speaker = this.cues.find((c) => c.range.from === plan.target)?.speaker;
      text = `Move “${quoted.length > 40 ? `${quoted.slice(0, 39)}…` : quoted}” to the ${side} cue${speaker ? ` (${speaker})` : ''}`;
    }
    this.readout.textContent = text;
    this.readout.style.left = `${clientX - layer.left + 8}px`;
    this.readout.style.display = 'block';
  }

  /**
   * Follows pointer `pointer` (captured by `target`) to its release: `end` gets the
   * release, or null when the drag was cancelled (pointercancel, or Esc, which is kept
   * from playing or pausing). After Esc the release is still swallowed, so it neither
   * clicks nor seeks.
   */
  private track(target: HTMLElement, pointer: number, on: { move(e: PointerEvent): void; end(e: PointerEvent | null): void }): void {
    let live = true;
    const finish = (e: PointerEvent | null) => {
      if (!live) return;
      live = false;
      window.removeEventListener('keydown', esc, true);
      on.end(e);
    };
    const stop = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      window.removeEventListener('keydown', esc, true);
      this.untrack = null;
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return;
      e.stopPropagation();
      if (live) on.move(e);
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return;
      e.stopPropagation();
      stop();
      finish(e.type === 'pointerup' ? e : null);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      finish(null);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
    // Capture: before the editor's and the window's own Esc (play/pause).
    window.addEventListener('keydown', esc, true);
    this.untrack = () => {
      stop();
      finish(null);
    };
  }

  /** The time under a pointer, clamped to the audio, to the millisecond cues are written in. */
  private secondsAt(clientX: number): number {
    const left = this.element.getBoundingClientRect().left;
    const seconds = (clientX - left) / this.pxPerSec;
    return Math.round(Math.min(this.options.duration(), Math.max(0, seconds)) * 1000) / 1000;
  }
}
