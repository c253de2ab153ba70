/**
 * The speaker lane: a thin row under the waveform showing each speaker's turns as bars in
 * the speaker's colour (shared/speakers/colour, as the editor's labels and the cue
 * regions' bands), with the name at the start of each bar in view. A wavesurfer.js
 * plugin that subscribes to the editor's CueTimeline and to the view (scroll, zoom), and
 * unsubscribes and removes its element on destroy. Only the visible window is drawn:
 * the cues in it are found through the cue index (cue-window: O(log n + visible)) over
 * the published times, only those cues are read, runs of the same speaker are joined
 * into turns, and a small pool of bars is re-placed, so a
 * 3-hour file costs what a short one does. It sits in wavesurfer's scrolling wrapper,
 * right under the waveform and in view (`position: sticky`), so the cue regions and the
 * playhead run over it as over the waveform. Hidden until shown (`toggle()`).
 */
import BasePlugin from 'wavesurfer.js/dist/base-plugin.js';
import type { VttCue } from '../../../shared/formats/vtt/types';
import type { AppSettings } from '../../../shared/settings';
import { speakerColour } from '../../../shared/speakers/colour';
import type { CueTimeline, TimelineSnapshot } from '../editor/cue-timeline';
import { cuesInWindow, indexCues, reindexCues, type CueIndex } from './cue-window';
import { followView } from './time-ruler';

/** Whether the settings show the lane (`waveform.speakerLane`; hidden unless chosen). */
export const speakerLaneShown = (settings: AppSettings): boolean => settings.waveform.speakerLane ?? false;

/** The settings with the speaker lane shown or hidden. */
export function withSpeakerLane(settings: AppSettings, shown: boolean): AppSettings {
  return { ...settings, waveform: { ...settings.waveform, speakerLane: shown } };
}

export interface SpeakerLaneOptions {
  timeline: CueTimeline;
  /** The visible window (seconds, and the zoom), or null before anything is drawn. */
  visible(): { from: number; to: number; pxPerSec: number } | null;
  height?: number;
}

export type SpeakerLaneEvents = { destroy: []; toggle: [shown: boolean] };

export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
  /** Index of its first cue in the window. */
  cue: number;
}

/**
 * The turns of the cues `indices` (in order): each run of consecutive cues with the same
 * speaker is one turn, from its first cue's start to the latest end among them. Cues
 * without a speaker end a turn and make none.
 */
export function speakerTurns(cueAt: (index: number) => Pick<VttCue, 'start' | 'end' | 'speaker'> | undefined, indices: readonly number[]): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let last: SpeakerTurn | null = null;
  let lastIndex = -2;
  for (const i of indices) {
    const cue = cueAt(i);
    const speaker = cue?.speaker;
    if (!speaker) {
      last = null;
      continue;
    }
    if (last && last.speaker === speaker && i === lastIndex + 1) last.end = Math.max(last.end, cue!.end);
    else turns.push((last = { speaker, start: cue!.start, end: cue!.end, cue: i }));
    lastIndex = i;
  }
  return turns;
}

/** Turns narrower than this (px) are drawn together, MIN_BAR_PX at a time. */
const MIN_BAR_PX = 2;
/** Bars narrower than this (px) show no name. */
const NAME_PX = 24;

export interface LaneBar extends SpeakerTurn {
  /** Pixels from the view's left edge, cut to the view. */
  left: number;
  right: number;
}

/**
 * Where each turn shows in a view `width` px wide starting at `from` seconds, cut to the
 * view (so a name shows at the start of what is seen of its turn). Zoomed out, turns
 * narrower than MIN_BAR_PX are gathered into slots of about MIN_BAR_PX, each shown as the
 * speaker who talks most in it, and touching bars of one speaker join: however far out
 * the view is, there are about width / MIN_BAR_PX bars at most, and a long stretch where
 * one speaker dominates still reads as theirs.
 */
export function laneBars(turns: readonly SpeakerTurn[], from: number, pxPerSec: number, width: number): LaneBar[] {
  const slots: { bar: LaneBar; talk: Map<string, number> | null }[] = [];
  for (const turn of turns) {
    const left = Math.max(0, (turn.start - from) * pxPerSec);
    const right = Math.min(width, (turn.end - from) * pxPerSec);
    if (right < left) continue;
    const last = slots.at(-1);
    const narrow = right - left < MIN_BAR_PX;
    if (narrow && last?.talk && left - last.bar.right <= 1 && last.bar.right - last.bar.left < MIN_BAR_PX) {
      const { bar, talk } = last;
      bar.right = Math.max(bar.right, right);
      bar.end = Math.max(bar.end, turn.end);
      talk.set(turn.speaker, (talk.get(turn.speaker) ?? 0) + turn.end - turn.start);
      if (talk.get(turn.speaker)! > talk.get(bar.speaker)!) bar.speaker = turn.speaker;
    } else slots.push({ bar: { ...turn, left, right }, talk: narrow ? new Map([[turn.speaker, turn.end - turn.start]]) : null });
  }
  const bars: LaneBar[] = [];
  for (const { bar } of slots) {
    const last = bars.at(-1);
    if (last && last.speaker === bar.speaker && bar.left - last.right <= 1) {
      last.right = Math.max(last.right, bar.right);
      last.end = Math.max(last.end, bar.end);
    } else bars.push(bar);
  }
  return bars;
}

export class SpeakerLanePlugin extends BasePlugin<SpeakerLaneEvents, SpeakerLaneOptions> {
  readonly element: HTMLDivElement;
  private readonly bars: HTMLDivElement[] = [];
  private index: CueIndex = indexCues([]);
  /** The latest published snapshot, read only while shown (once per frame). */
  private snapshot: TimelineSnapshot | null = null;
  private frame = 0;
  /** Renders so far, their total and the longest, ms (data-render-*, read by `npm run bench -- speaker-lane`). */
  private renders = { count: 0, totalMs: 0, maxMs: 0 };
  private shown = false;

  static create(options: SpeakerLaneOptions): SpeakerLanePlugin {
    return new SpeakerLanePlugin(options);
  }

  constructor(options: SpeakerLaneOptions) {
    super(options);
    const el = document.createElement('div');
    el.dataset.testid = 'speaker-lane';
    el.setAttribute('part', 'speaker-lane');
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', 'Speaker turns');
    Object.assign(el.style, {
      position: 'sticky', left: '0', height: `${options.height ?? 16}px`, display: 'none', overflow: 'hidden', pointerEvents: 'none',
      font: '600 10px system-ui, sans-serif', background: 'var(--panel, #fff)', borderTop: '1px solid var(--border, #ccc)', contain: 'strict',
    });
    this.element = el;
  }

  get visible(): boolean {
    return this.shown;
  }

  protected override onInit(): void {
    const ws = this.wavesurfer!;
    const wrapper = ws.getWrapper();
    // Right under the waveform's canvases, above the time ruler and any other strip.
    const canvases = wrapper.querySelector(':scope > .canvases');
    if (canvases) canvases.after(this.element);
    else wrapper.append(this.element);
    this.subscriptions.push(
      ...followView(ws, () => this.render()),
      // Nothing is read while hidden; shown, a burst of keystrokes costs one read per frame.
      this.options.timeline.on('update', (s) => {
        this.snapshot = s;
        if (!this.shown) return;
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.render());
      }),
      () => cancelAnimationFrame(this.frame),
    );
    this.snapshot = this.options.timeline.snapshot;
  }

  override destroy(): void {
    this.element.remove();
    super.destroy();
  }

  toggle(show = !this.shown): void {
    if (show === this.shown) return;
    this.shown = show;
    this.element.style.display = show ? 'block' : 'none';
    this.element.dataset.shown = String(show);
    this.render();
    this.emit('toggle', show);
  }

  /** Places one bar per turn in view (nothing while hidden). */
  render(): void {
    const view = this.options.visible();
    if (!this.shown || !view || !this.wavesurfer) return;
    const s = this.snapshot;
    if (!s) return;
    const t0 = performance.now();
    // Typing keeps the times array: the index stays, and only the cues in view are read.
    if (s.times !== this.index.cues) this.index = reindexCues(this.index, s.times);
    const width = this.wavesurfer.getWidth();
    this.element.style.width = `${width}px`;
    const turns = laneBars(speakerTurns((i) => s.cue(i), cuesInWindow(this.index, view.from, view.to)), view.from, view.pxPerSec, width);
    turns.forEach((turn, i) => {
      const bar = this.bars[i] ?? this.makeBar();
      const { left, right } = turn;
      const colour = speakerColour(turn.speaker);
      // A name only where a few letters of it fit: zoomed out, hundreds of slivers lay out no text.
      const name = right - left >= NAME_PX ? turn.speaker : '';
      if (bar.dataset.speaker !== turn.speaker || bar.textContent !== name) {
        bar.textContent = name;
      }
      if (bar.dataset.speaker !== turn.speaker) {
        bar.dataset.speaker = turn.speaker;
        bar.title = turn.speaker;
        bar.style.color = colour;
        bar.style.borderLeftColor = colour;
        bar.style.background = `color-mix(in srgb, ${colour} 20%, transparent)`;
      }
      bar.dataset.start = String(turn.start);
      bar.dataset.end = String(turn.end);
      bar.style.transform = `translateX(${Math.round(left)}px)`;
      bar.style.width = `${Math.max(1, Math.round(right - left))}px`;
      bar.style.display = 'block';
    });
    for (let i = turns.length; i < this.bars.length; i++) this.bars[i]!.style.display = 'none';
    this.element.dataset.turns = String(turns.length);
    const ms = performance.now() - t0;
    const r = this.renders;
    r.count++;
    r.totalMs += ms;
    r.maxMs = Math.max(r.maxMs, ms);
    Object.assign(this.element.dataset, { renderCount: String(r.count), renderTotalMs: String(r.totalMs), renderMaxMs: String(r.maxMs) });
  }

  private makeBar(): HTMLDivElement {
    const bar = document.createElement('div');
    bar.dataset.testid = 'speaker-turn';
    Object.assign(bar.style, {
      position: 'absolute', left: '0', top: '1px', bottom: '1px', boxSizing: 'border-box', overflow: 'hidden', whiteSpace: 'nowrap',
      textOverflow: 'ellipsis', padding: '0 4px', lineHeight: '13px', borderLeft: '3px solid', borderRadius: '2px',
    });
    this.element.append(bar);
    this.bars.push(bar);
    return bar;
  }
}
