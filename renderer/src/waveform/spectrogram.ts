/**
 * A spectrogram strip under the waveform, as a wavesurfer.js plugin, for the visible
 * window only. wavesurfer's own Spectrogram plugin FFTs the whole decoded buffer (a
 * 1-hour file would be decoded in the page first: `npm run bench -- spectrogram`);
 * here a worker reads just the PCM of the tiles in view through the app's audio URL
 * and FFTs them (spectrogram.worker.ts), and a bounded cache keeps the tiles seen
 * (spectrogram-tiles.ts): the whole file's FFT never exists.
 *
 * The strip is one view-wide canvas that stays in view (`position: sticky` inside
 * wavesurfer's scrolling wrapper), redrawn from the cached tiles on scroll and zoom;
 * being in the wrapper's flow, the cue regions and the playhead, which span the
 * wrapper, are drawn over it. Hidden until shown (its toggle: `toggle()`, or S on the
 * waveform). While hidden, only the tile at the view's centre is computed, once the
 * view has stayed put for PREFETCH_IDLE_MS: one tile is one Range request and 128 FFTs
 * (a few ms of CPU), and it is what makes the toggle draw at once. A tile computed
 * after the toggle waits for its Range request, which the main process decodes: 35-490
 * ms measured (`npm run bench -- spectrogram`, load 0.3-20 on 2 cores), often over the
 * 100 ms goal.
 */
import BasePlugin from 'wavesurfer.js/dist/base-plugin.js';
import { onColorSchemeChange } from '../chrome/theme';
import { spectrogramColorMap } from './spectrogram-colors';
import { heightOfFrequency } from './spectrogram-dsp';
import { followView } from './time-ruler';
import { minSpectrogramPxPerSec, TILE_COLUMNS, tileKey, TileCache, tilesForView, type TileId } from './spectrogram-tiles';
import type { SpectrogramReply, SpectrogramRequest } from './spectrogram.worker';

export interface SpectrogramOptions {
  /** The audio's URL (the same the player plays). */
  url: string;
  height?: number;
  /** Tiles kept at most. */
  maxTiles?: number;
  /** Bytes of levels the tiles kept may hold (one byte a pixel of the strip). */
  maxTileBytes?: number;
}

/**
 * 2.25 MiB: 192 tiles of 96 rows, ~12 views of 1280 px. Tiles are kept as levels (a byte
 * a pixel) and coloured into the one view-wide canvas at draw time: a canvas (or RGBA
 * copy) per tile cost ~0.6 MiB each in Chromium's renderer (backing store and the
 * snapshot drawImage takes), ~90 MiB for a full cache (`npm run bench -- spectrogram`).
 */
export const MAX_TILE_BYTES = 192 * TILE_COLUMNS * 96;

export type SpectrogramEvents = { destroy: []; toggle: [shown: boolean] };

/** How long the view must stay put, hidden, before its centre tile is computed (a scroll or playback's paging moves it on sooner). */
export const PREFETCH_IDLE_MS = 250;

/**
 * Tiles a worker computes before it is replaced by a fresh one. A worker's thread keeps
 * what its Range responses and FFTs used: measured in Chromium, ~50 MiB after ~150
 * tiles (a view scrolled and zoomed), all of it returned only when the worker ends (a
 * forced GC in it gave back ~5). The fresh worker opens the audio at once, so the
 * next tile costs only its start (a module load and a header read).
 */
export const TILES_PER_WORKER = 24;

interface View {
  duration: number;
  pxPerSec: number;
  width: number;
  scroll: number;
}

interface Tile {
  levels: Uint8Array;
  columns: number;
  rows: number;
}

export class SpectrogramPlugin extends BasePlugin<SpectrogramEvents, SpectrogramOptions> {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly note: HTMLDivElement;
  private readonly rows: number;
  private readonly tiles: TileCache<Tile>;
  private worker: Worker | null = null;
  /** Tiles the current worker has computed. */
  private workerTiles = 0;
  private sampleRate = 0;
  private pending: string | null = null;
  private colors: Uint32Array | null = null;
  /** The strip's pixels, reused from frame to frame while its size stays. */
  private image: ImageData | null = null;
  private pixels: Uint32Array | null = null;
  private shown = false;
  private shownAt = 0;
  /** The zoom of the last view drawn whole: its tiles stand in, stretched, while a new zoom's compute. */
  private standIn = 0;
  private destroyed = false;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;

  static create(options: SpectrogramOptions): SpectrogramPlugin {
    return new SpectrogramPlugin(options);
  }

  constructor(options: SpectrogramOptions) {
    super(options);
    const height = options.height ?? 96;
    this.rows = height;
    this.tiles = new TileCache<Tile>(options.maxTiles ?? Infinity, options.maxTileBytes ?? MAX_TILE_BYTES, (tile) => tile.levels.byteLength);
    const el = document.createElement('div');
    el.dataset.testid = 'spectrogram';
    el.setAttribute('part', 'spectrogram');
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', 'Spectrogram, 0 to 8 kHz (mel scale)');
    Object.assign(el.style, { position: 'sticky', left: '0', height: `${height}px`, display: 'none', pointerEvents: 'none', background: 'var(--panel, #fff)', borderTop: '1px solid var(--border, #ccc)' });
    const canvas = document.createElement('canvas');
    Object.assign(canvas.style, { width: '100%', height: '100%', display: 'block' });
    canvas.width = 0;
    canvas.height = 0;
    const note = document.createElement('div');
    note.dataset.testid = 'spectrogram-note';
    Object.assign(note.style, { position: 'absolute', left: '8px', top: '4px', font: '11px system-ui, sans-serif', color: 'var(--muted, #585f6b)' });
    el.append(canvas, note);
    this.element = el;
    this.canvas = canvas;
    this.note = note;
  }

  get visible(): boolean {
    return this.shown;
  }

  protected override onInit(): void {
    const ws = this.wavesurfer!;
    ws.getWrapper().append(this.element);
    // The worker starts (and reads the audio's header) with the waveform, so the first
    // tile after the toggle costs only its own PCM and FFTs; it computes nothing hidden.
    this.startWorker();
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 's' || e.key === 'S') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        this.toggle();
      }
    };
    const host = ws.options.container instanceof HTMLElement ? ws.options.container : null;
    host?.addEventListener('keydown', onKey);
    this.subscriptions.push(
      ...followView(ws, () => this.render()),
      onColorSchemeChange(() => {
        this.colors = null;
        this.render();
      }),
      () => host?.removeEventListener('keydown', onKey),
    );
  }

  override destroy(): void {
    this.destroyed = true;
    clearTimeout(this.prefetchTimer);
    this.worker?.terminate();
    this.worker = null;
    this.element.remove();
    super.destroy();
  }

  toggle(show = !this.shown): void {
    if (show === this.shown) return;
    this.shown = show;
    this.element.style.display = show ? 'block' : 'none';
    this.element.dataset.shown = String(show);
    if (show) {
      clearTimeout(this.prefetchTimer);
      this.shownAt = performance.now();
      delete this.element.dataset.firstTileMs;

      delete this.element.dataset.firstRequestMs;
      delete this.element.dataset.firstReplyMs;
      this.startWorker();
      this.render();
      // Whether the toggle found a tile of the view computed (hidden) or had to wait for one.
      this.element.dataset.firstTileAtToggle = String(this.element.dataset.firstTileMs !== undefined);
    } else {
      // A hidden strip holds no canvas memory (and adds no pixels to the waveform's).
      this.canvas.width = 0;
      this.canvas.height = 0;
      this.image = null;
      this.pixels = null;
      this.schedulePrefetch();
    }
    this.emit('toggle', show);
  }

  private startWorker(): void {
    if (this.worker || this.destroyed) return;
    const worker = new Worker(new URL('./spectrogram.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SpectrogramReply>) => this.onReply(event.data);
    worker.postMessage({ type: 'open', url: new URL(this.options.url, location.href).href, rows: this.rows } satisfies SpectrogramRequest);
    this.worker = worker;
    this.workerTiles = 0;
    this.element.dataset.workers = String(Number(this.element.dataset.workers ?? 0) + 1);
  }

  private onReply(m: SpectrogramReply): void {
    if (m.type === 'info') {
      // A replacement worker reports the same audio again.
      if (this.sampleRate) return;
      this.sampleRate = m.sampleRate;
      this.labelFrequencies();
      this.render();
    } else if (m.type === 'tile') {
      this.element.dataset.firstReplyMs ??= (performance.now() - this.shownAt).toFixed(1);
      this.tiles.set(m.key, { levels: m.levels, columns: m.columns, rows: m.rows });
      this.element.dataset.tiles = String(this.tiles.size);
      this.element.dataset.tileReadMs = m.readMs.toFixed(1);
      this.element.dataset.tileFftMs = m.fftMs.toFixed(1);
      if (this.pending === m.key) this.pending = null;
      if (++this.workerTiles >= TILES_PER_WORKER && this.pending === null) {
        this.worker?.terminate();
        this.worker = null;
        this.startWorker();
      }
      this.render();
    } else {
      if (m.key && this.pending === m.key) this.pending = null;
      this.note.textContent = `Spectrogram unavailable: ${m.message}`;
      this.element.dataset.error = m.message;
    }
  }

  /** kHz marks at the strip's left edge (the mel scale is not linear: where 1, 2, 4 kHz are is not obvious). */
  private labelFrequencies(): void {
    for (const hz of [500, 1000, 2000, 4000, 8000]) {
      const at = heightOfFrequency(hz, this.sampleRate);
      if (at > 1) continue;
      const label = document.createElement('div');
      label.dataset.testid = 'spectrogram-hz';
      label.textContent = hz < 1000 ? `${hz} Hz` : `${hz / 1000} kHz`;
      Object.assign(label.style, {
        position: 'absolute', left: '2px', bottom: `${Math.min(at * this.rows, this.rows - 11)}px`, font: '9px system-ui, sans-serif', lineHeight: '10px',
        padding: '0 2px', color: 'var(--muted, #585f6b)', background: 'var(--panel, #fff)', borderRadius: '2px',
      });
      this.element.append(label);
    }
  }

  /** The waveform's view in pixels, or null before the audio is loaded. */
  private view(): View | null {
    const ws = this.wavesurfer;
    const duration = ws?.getDecodedData()?.duration ?? 0;
    if (!ws || !(duration > 0)) return null;
    const pxPerSec = ws.getWrapper().clientWidth / duration;
    const width = ws.getWidth();
    if (!(pxPerSec > 0) || !(width > 0)) return null;
    return { duration, pxPerSec, width, scroll: ws.getScroll() };
  }

  /** Hidden: (re)starts the wait after which the view's centre tile is computed. */
  private schedulePrefetch(): void {
    clearTimeout(this.prefetchTimer);
    if (this.shown || this.destroyed) return;
    this.prefetchTimer = setTimeout(() => this.prefetch(), PREFETCH_IDLE_MS);
  }

  private prefetch(): void {
    const view = this.view();
    if (this.shown || !view || !this.sampleRate || view.pxPerSec < minSpectrogramPxPerSec(this.sampleRate)) return;
    // The centre tile only: the others of the view come after the toggle, behind it.
    const centre = tilesForView(view.scroll, view.width, view.pxPerSec, view.duration).visible[0];
    if (centre && !this.tiles.has(centre.key)) this.request(centre);
  }

  /** Asks the worker for tile `id` unless it is busy with one (the reply asks for the next). */
  private request(id: TileId): void {
    if (this.pending !== null || !this.worker) return;
    this.pending = id.key;
    this.worker.postMessage({ type: 'tile', key: id.key, first: id.first, columns: id.columns, secondsPerColumn: id.secondsPerColumn } satisfies SpectrogramRequest);
  }

  /** Draws the cached tiles of the view and asks the worker for the next missing one. */
  render(): void {
    if (!this.shown) {
      this.schedulePrefetch();
      return;
    }
    const view = this.view();
    if (!view) return;
    const { duration, pxPerSec, width } = view;
    const height = this.rows;
    this.element.style.width = `${width}px`;
    const ratio = window.devicePixelRatio || 1;
    const cw = Math.round(width * ratio);
    const ch = Math.round(height * ratio);
    if (this.canvas.width !== cw || this.canvas.height !== ch) {
      this.canvas.width = cw;
      this.canvas.height = ch;
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!this.sampleRate) {
      this.note.textContent = this.element.dataset.error ? this.note.textContent : 'Computing spectrogram…';
      return;
    }
    if (pxPerSec < minSpectrogramPxPerSec(this.sampleRate)) {
      this.note.textContent = 'Zoom in to see the spectrogram';
      this.element.dataset.drawn = '0';
      return;
    }
    const scroll = view.scroll;
    const { visible, ahead } = tilesForView(scroll, width, pxPerSec, duration);
    if (!this.image || this.image.width !== cw || this.image.height !== ch) {
      this.image = new ImageData(cw, ch);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
    this.pixels!.fill(0);
    const target: Target = { pixels: this.pixels!, width: cw, height: ch, ratio, scroll, colors: (this.colors ??= spectrogramColorMap()) };
    let drawn = 0;
    let missing: TileId | null = null;
    for (const id of visible) {
      const tile = this.tiles.get(id.key);
      if (!tile) {
        missing ??= id;
        this.drawStandIn(target, id, pxPerSec);
        continue;
      }
      paintTile(target, tile, id.first, 1, id.first, id.first + id.columns);
      drawn++;
    }
    ctx.putImageData(this.image, 0, 0);
    missing ??= ahead.find((id) => !this.tiles.has(id.key)) ?? null;
    this.note.textContent = drawn < visible.length ? 'Computing spectrogram…' : '';
    const d = this.element.dataset;
    d.drawn = String(drawn);
    d.complete = String(drawn === visible.length);
    d.from = String(scroll / pxPerSec);
    d.pxPerSec = String(pxPerSec);
    if (drawn > 0 && d.firstTileMs === undefined) d.firstTileMs = (performance.now() - this.shownAt).toFixed(1);
    if (drawn === visible.length) this.standIn = pxPerSec;
    if (missing && this.pending === null && this.worker) {
      d.firstRequestMs ??= (performance.now() - this.shownAt).toFixed(1);
      this.request(missing);
    }
  }

  /** Paints the stand-in zoom's tiles over the span of `id` (stretched to this zoom), if cached. */
  private drawStandIn(target: Target, id: TileId, pxPerSec: number): void {
    const old = this.standIn;
    if (!(old > 0) || old === pxPerSec) return;
    const stretch = pxPerSec / old;
    const first = Math.floor(id.first / stretch / TILE_COLUMNS);
    const last = Math.floor((id.first + id.columns) / stretch / TILE_COLUMNS);
    for (let i = first; i <= last; i++) {
      const tile = this.tiles.get(tileKey(old, i));
      if (tile) paintTile(target, tile, i * TILE_COLUMNS * stretch, stretch, id.first, id.first + id.columns);
    }
  }
}

/** The strip's pixels for one frame: device pixels, `ratio` to a CSS pixel; `scroll` in CSS pixels. */
interface Target { pixels: Uint32Array; width: number; height: number; ratio: number; scroll: number; colors: Uint32Array }

/**
 * Colours `tile`'s levels into `target`, lowest frequency at the bottom: its column 0 at
 * CSS column `at` of the file, each column `stretch` CSS pixels wide, clipped to the
 * file's columns `[from, to)`.
 */
function paintTile(target: Target, tile: Tile, at: number, stretch: number, from: number, to: number): void {
  const { pixels, width, height, ratio, scroll, colors } = target;
  const { levels, columns, rows } = tile;
  const x0 = Math.max(0, Math.ceil((Math.max(at, from) - scroll) * ratio - 0.5));
  const x1 = Math.min(width, Math.ceil((Math.min(at + columns * stretch, to) - scroll) * ratio - 0.5));
  for (let x = x0; x < x1; x++) {
    const c = Math.min(columns - 1, Math.max(0, Math.floor(((x + 0.5) / ratio + scroll - at) / stretch)));
    const column = c * rows;
    for (let y = 0; y < height; y++) pixels[y * width + x] = colors[levels[column + rows - 1 - Math.floor(((y + 0.5) * rows) / height)]!]!;
  }
}
