/**
 * The whole episode in one strip under the waveform, drawn from the overview peaks (the
 * coarse second resolution the main process caches), with the part the waveform shows
 * framed. A click jumps there. Drawing is O(width), whatever the length of the audio.
 */
export interface OverviewPeaks {
  pairs: Int8Array;
  /** Seconds per pair. */
  secondsPerPair: number;
}

export class OverviewStrip {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly frame: HTMLDivElement;
  private peaks: OverviewPeaks | null = null;
  private duration = 0;

  constructor(private readonly onJump: (seconds: number) => void, height = 28) {
    const el = document.createElement('div');
    el.dataset.testid = 'overview';
    el.title = 'The whole episode: click to go there';
    Object.assign(el.style, { position: 'relative', height: `${height}px`, cursor: 'pointer', borderTop: '1px solid var(--border, #ddd)' });
    const canvas = document.createElement('canvas');
    Object.assign(canvas.style, { width: '100%', height: '100%', display: 'block' });
    const frame = document.createElement('div');
    Object.assign(frame.style, { position: 'absolute', top: '0', bottom: '0', border: '1px solid #3b5b92', background: '#3b5b9222', pointerEvents: 'none', display: 'none' });
    el.append(canvas, frame);
    el.addEventListener('click', (e) => {
      if (!(this.duration > 0)) return;
      const rect = el.getBoundingClientRect();
      this.onJump(Math.max(0, Math.min(1, (e.clientX - rect.left) / rect.width)) * this.duration);
    });
    this.element = el;
    this.canvas = canvas;
    this.frame = frame;
  }

  setPeaks(peaks: OverviewPeaks, duration: number): void {
    this.peaks = peaks;
    this.duration = duration;
    this.draw();
  }

  /** Frames `[from, to]` seconds, the waveform's visible window. */
  setView(from: number, to: number): void {
    if (!(this.duration > 0)) return;
    this.frame.style.display = 'block';
    this.frame.style.left = `${(100 * from) / this.duration}%`;
    this.frame.style.width = `${Math.max(0.2, (100 * (to - from)) / this.duration)}%`;
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
    ctx.fillStyle = '#7a8ca8';
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
