/**
 * The whole episode in one strip under the waveform, as a wavesurfer.js plugin: drawn
 * from the overview peaks (the coarse second resolution the main process caches), with
 * the part the waveform shows framed (it follows wavesurfer's scroll and zoom events and
 * unsubscribes on destroy). A click jumps there. Drawing is O(width), whatever the
 * length of the audio.
 */
import BasePlugin from 'wavesurfer.js/dist/base-plugin.js';
import { onColorSchemeChange, themeColor } from '../chrome/theme';

export interface OverviewPeaks {
  pairs: Int8Array;
  /** Seconds per pair. */
  secondsPerPair: number;
}

export interface OverviewOptions {
  /** Where the strip goes (under the waveform, outside its scrolling wrapper). */
  container: HTMLElement;
  /** The length the waveform is drawn over (seconds). */
  duration(): number;
  /** Visible window of the waveform, seconds. */
  visible(): { from: number; to: number } | null;
  height?: number;
}

export type OverviewEvents = { destroy: []; jump: [seconds: number] };

export class OverviewPlugin extends BasePlugin<OverviewEvents, OverviewOptions> {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly box: HTMLDivElement;
  private peaks: OverviewPeaks | null = null;
  private duration = 0;
  private frame = 0;

  static create(options: OverviewOptions): OverviewPlugin {
    return new OverviewPlugin(options);
  }

  constructor(options: OverviewOptions) {
    super(options);
    const height = options.height ?? 28;
    const el = document.createElement('div');
    el.dataset.testid = 'overview';
    el.title = 'The whole episode: click to go there';
    Object.assign(el.style, { position: 'relative', height: `${height}px`, cursor: 'pointer', borderTop: '1px solid var(--border, #ddd)' });
    const canvas = document.createElement('canvas');
    Object.assign(canvas.style, { width: '100%', height: '100%', display: 'block' });
    const frame = document.createElement('div');
    Object.assign(frame.style, { position: 'absolute', top: '0', bottom: '0', border: '1px solid var(--overview-frame)', background: 'var(--overview-frame-fill)', pointerEvents: 'none', display: 'none' });
    el.append(canvas, frame);
    el.addEventListener('click', (e) => {
      if (!(this.duration > 0)) return;
      const rect = el.getBoundingClientRect();
      const t = Math.max(0, Math.min(1, (e.clientX - rect.left) / rect.width)) * this.duration;
      this.wavesurfer?.setTime(t);
      this.emit('jump', t);
    });
    this.element = el;
    this.canvas = canvas;
    this.box = frame;
  }

  protected override onInit(): void {
    const ws = this.wavesurfer!;
    this.options.container.append(this.element);
    const schedule = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        const v = this.options.visible();
        if (v) this.setView(v.from, v.to);
      });
    };
    const resize = () => { this.draw(); schedule(); };
    window.addEventListener('resize', resize);
    this.subscriptions.push(
      ws.on('scroll', schedule),
      ws.on('zoom', schedule),
      ws.on('redrawcomplete', schedule),
      () => window.removeEventListener('resize', resize),
      onColorSchemeChange(() => this.draw()),
      () => cancelAnimationFrame(this.frame),
    );
  }

  override destroy(): void {
    this.element.remove();
    super.destroy();
  }

  setPeaks(peaks: OverviewPeaks): void {
    this.peaks = peaks;
    this.duration = this.options.duration();
    this.draw();
    const v = this.options.visible();
    if (v) this.setView(v.from, v.to);
  }

  /** Frames `[from, to]` seconds, the waveform's visible window. */
  setView(from: number, to: number): void {
    if (!(this.duration > 0)) return;
    this.box.style.display = 'block';
    this.box.style.left = `${(100 * from) / this.duration}%`;
    this.box.style.width = `${Math.max(0.2, (100 * (to - from)) / this.duration)}%`;
  }

  draw(): void {
    const p = this.peaks;
    if (!p || !(this.duration > 0)) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.element.clientWidth * ratio));
    const height = Math.max(1, Math.round(this.element.clientHeight * ratio));
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = themeColor('--wave');
    const count = p.pairs.length / 2;
    const pairsPerPx = this.duration / p.secondsPerPair / width;
    const mid = height / 2;
    for (let x = 0; x < width; x++) {
      const from = Math.floor(x * pairsPerPx);
      const to = Math.min(count, Math.max(from + 1, Math.floor((x + 1) * pairsPerPx)));
      let min = 0;
      let max = 0;
      for (let i = from; i < to; i++) {
        if (p.pairs[2 * i]! < min) min = p.pairs[2 * i]!;
        if (p.pairs[2 * i + 1]! > max) max = p.pairs[2 * i + 1]!;
      }
      const top = mid - (max / 128) * mid;
      const bottom = mid - (min / 128) * mid;
      ctx.fillRect(x, top, 1, Math.max(1, bottom - top));
    }
  }
}
