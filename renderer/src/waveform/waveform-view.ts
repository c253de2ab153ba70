/**
 * The waveform of the player's audio: wavesurfer.js 7 draws peaks computed in the main
 * process (never decoding the file in the page: a 1-hour MP3 cost ~3 GiB that way) and
 * plays through the Player's `<audio>` element. Peaks arrive start of file first; the
 * waveform shows as soon as the first ones exist and fills in as the rest decode. The
 * cue layer and the overview strip are wavesurfer plugins; this class creates them with
 * wavesurfer and destroys them with it.
 *
 * Ctrl/Cmd+wheel or +/- zoom (or the player's zoom requests); the wheel scrolls in
 * time; arrow keys scroll. A click moves the playhead and the editor's cursor there.
 */
import WaveSurfer from 'wavesurfer.js';
import type { GenericPlugin } from 'wavesurfer.js/dist/base-plugin.js';
import { api } from '../api';
import { downsamplePairs, OVERVIEW_PER_SECOND } from '../../../shared/audio/peak-accumulator';
import type { CueTimeline } from '../editor/cue-timeline';
import type { Player } from '../playback/player';
import type { MoveDirection } from '../../../shared/speakers';
import { moveWordsOfCue } from '../speakers/commands';
import { CueLayerPlugin } from './cue-layer';
import { OverviewPlugin } from './overview-strip';
import { PeaksSource } from './peaks-source';
import { base64ToInt8, mediaTokenOf, toWaveSurferChannel, type PeaksState } from './peaks-stream';
import { silenceNear, snapEdge } from './snap';
import { TimeRulerPlugin } from './time-ruler';
import { clampPxPerSec, zoomStep } from './zoom';
import { waveformColors } from '../chrome/theme';
import { dressWaveform } from '../chrome/waveform-chrome';

export interface WaveformParts {
  host: HTMLElement;
  overviewHost: HTMLElement;
  status: HTMLElement;
  player: Player;
  timeline: CueTimeline;
  onError(message: string): void;
  /** More plugins created and destroyed with wavesurfer (the spectrogram strip). */
  plugins?: GenericPlugin[];
}

const INITIAL_PX_PER_SEC = 50;
/** Least time between redraws while peaks stream in (each redraw re-renders the view). */
const REDRAW_MS = 300;

export class WaveformView {
  private wavesurfer: WaveSurfer | null = null;
  private readonly source: PeaksSource;
  private peaks: PeaksState | null = null;
  private drawDuration = 0;
  private pxPerSec = INITIAL_PX_PER_SEC;
  private lastDraw = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanup: (() => void)[] = [];
  private readonly reported = new Set<string>();
  private readonly layer: CueLayerPlugin;
  private readonly overview: OverviewPlugin;
  private overviewShown = false;

  constructor(private readonly parts: WaveformParts, private readonly url: string) {
    const { host, player, timeline } = parts;
    const duration = () => this.drawDuration;
    // Shift-snapping: a word edge from the word times when one is near, else the quietest point.
    const snap = (t: number) => snapEdge(timeline.editor?.state ?? null, t, (x) => this.silenceAt(x));
    // A word dragged across a turn: the same edit as Alt+Shift+Up/Down at that word.
    const moveWords = (at: number, word: number, direction: MoveDirection) => {
      const view = timeline.editor;
      if (!view) return;
      moveWordsOfCue(view, at, word, direction);
      view.focus();
    };
    this.layer = CueLayerPlugin.create({ timeline, duration, snap, moveWords });
    this.overview = OverviewPlugin.create({ container: parts.overviewHost, duration, visible: () => this.layer.visibleWindow() });
    player.setSilenceFinder((t) => this.silenceAt(t));
    const onMediaError = () => this.report(`Audio could not be loaded: ${player.media.error?.message || 'unsupported or damaged file'}`);
    player.media.addEventListener('error', onMediaError);
    const onWheel = (e: WheelEvent) => this.wheel(e);
    const onKey = (e: KeyboardEvent) => this.key(e);
    host.addEventListener('wheel', onWheel, { passive: false });
    host.addEventListener('keydown', onKey);
    this.cleanup.push(
      () => player.media.removeEventListener('error', onMediaError),
      () => host.removeEventListener('wheel', onWheel),
      () => host.removeEventListener('keydown', onKey),
      player.on('zoom-request', (direction) => this.zoomBy(direction)),
      () => player.setSilenceFinder(null),
    );
    this.source = new PeaksSource(url, (state) => this.onPeaks(state));
  }

  destroy(): void {
    this.source.destroy();
    clearTimeout(this.timer);
    for (const off of this.cleanup.splice(0)) off();
    // Destroys the plugins with it; the media element is the player's and stays.
    this.wavesurfer?.destroy();
    this.layer.destroy();
    this.overview.destroy();
  }

  /** The visible window in seconds, or null before anything is drawn (for strips drawn for the view). */
  visibleWindow(): { from: number; to: number; pxPerSec: number } | null {
    return this.layer.visibleWindow();
  }

  private silenceAt(t: number): number | null {
    const p = this.peaks;
    return p && p.sampleRate > 0 ? silenceNear({ pairs: p.pairs, count: p.count, secondsPerPair: p.samplesPerPeak / p.sampleRate }, t) : null;
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.parts.onError(message);
  }

  private onPeaks(state: PeaksState): void {
    if (state.status === 'error') {
      this.parts.status.textContent = '';
      this.report(`Waveform unavailable: ${state.message ?? 'the audio could not be decoded'}`);
      if (!this.wavesurfer) this.drawSilence();
      return;
    }
    this.peaks = state;
    clearTimeout(this.timer);
    if (state.status === 'done' || !this.wavesurfer || performance.now() - this.lastDraw >= REDRAW_MS) this.draw(state);
    else this.timer = setTimeout(() => this.draw(state), REDRAW_MS);
  }

  private create(channel: Float32Array, duration: number): void {
    const { host, player } = this.parts;
    this.pxPerSec = clampPxPerSec(INITIAL_PX_PER_SEC, duration, host.clientWidth);
    const ws = WaveSurfer.create({
      container: host,
      media: player.media,
      peaks: [channel],
      duration,
      height: 96,
      ...waveformColors(),
      cursorWidth: 2,
      minPxPerSec: this.pxPerSec,
      normalize: false,
      autoScroll: true,
      autoCenter: true,
      plugins: [TimeRulerPlugin.create({ duration: () => this.drawDuration }), this.layer, this.overview, ...(this.parts.plugins ?? [])],
    });
    this.wavesurfer = ws;
    this.cleanup.push(dressWaveform(ws, host));
    player.noteZoom(this.pxPerSec);
    ws.on('interaction', (t) => this.parts.timeline.selectTime(t));
    ws.on('error', (e) => this.report(`Audio could not be loaded: ${e.message}`));
    this.overview.on('jump', (t) => this.parts.timeline.selectTime(t));
  }

  /** Draws the peaks so far over the expected full length, so partial peaks sit at their true times. */
  private draw(state: PeaksState): void {
    this.lastDraw = performance.now();
    if (!state.sampleRate || state.count === 0) {
      if (state.status === 'decoding') this.parts.status.textContent = 'Reading waveform…';
      return;
    }
    const media = this.parts.player.media;
    const secondsPerPair = state.samplesPerPeak / state.sampleRate;
    let totalPairs = state.count;
    if (state.status === 'decoding') {
      const byProgress = state.progress > 0 ? Math.ceil(state.count / state.progress) : state.count;
      const byMedia = Number.isFinite(media.duration) ? Math.ceil(media.duration / secondsPerPair) : 0;
      totalPairs = Math.max(state.count, byMedia || byProgress);
    }
    this.drawDuration = totalPairs * secondsPerPair;
    const channel = toWaveSurferChannel(state.pairs, state.count, totalPairs);
    if (!this.wavesurfer) this.create(channel, this.drawDuration);
    // load() with the element's own URL keeps the media (and playback) as it is and
    // redraws from the new peaks; setOptions({ peaks }) would redraw the old ones.
    else void this.wavesurfer.load(media.src, [channel], this.drawDuration).catch(() => undefined);
    const d = this.parts.host.dataset;
    d.peaks = String(state.count);
    d.peaksStatus = state.status;
    d.peaksFromCache = String(state.fromCache);
    d.secondsPerPeak = String(secondsPerPair);
    this.parts.status.textContent = state.status === 'decoding' ? `Reading waveform… ${Math.round(state.progress * 100)}%` : '';
    if (state.status === 'done') void this.showOverview(state);
  }

  /** The overview: the main process's cached second resolution, or folded here from the peaks. */
  private async showOverview(state: PeaksState): Promise<void> {
    if (this.overviewShown) return;
    this.overviewShown = true;
    const token = mediaTokenOf(this.url);
    const fromMain = token ? await api().invoke('audio:overview', { media: token }).catch(() => null) : null;
    const secondsPerPair = state.samplesPerPeak / state.sampleRate;
    if (fromMain?.ready) {
      this.overview.setPeaks({ pairs: base64ToInt8(fromMain.pairs), secondsPerPair: fromMain.samplesPerPeak / fromMain.sampleRate });
    } else {
      const factor = Math.max(1, Math.round(1 / secondsPerPair / OVERVIEW_PER_SECOND));
      this.overview.setPeaks({ pairs: downsamplePairs(state.pairs, state.count, factor), secondsPerPair: secondsPerPair * factor });
    }
  }

  /** Without peaks the audio still plays: a flat line keeps the cursor and seeking. */
  private drawSilence(): void {
    const media = this.parts.player.media;
    const go = () => {
      if (this.wavesurfer || !(media.duration > 0) || !Number.isFinite(media.duration)) return;
      this.drawDuration = media.duration;
      this.create(new Float32Array(2), media.duration);
    };
    if (media.readyState >= 1) go();
    else {
      media.addEventListener('loadedmetadata', go, { once: true });
      this.cleanup.push(() => media.removeEventListener('loadedmetadata', go));
    }
  }

  private zoomBy(direction: 1 | -1): void {
    const ws = this.wavesurfer;
    if (!ws || !(this.drawDuration > 0)) return;
    this.pxPerSec = zoomStep(this.pxPerSec, direction, this.drawDuration, ws.getWidth());
    ws.zoom(this.pxPerSec);
    this.parts.host.dataset.pxPerSec = String(this.pxPerSec);
    this.parts.player.noteZoom(this.pxPerSec);
  }

  private wheel(e: WheelEvent): void {
    const ws = this.wavesurfer;
    if (!ws) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      if (e.deltaY) this.zoomBy(e.deltaY < 0 ? 1 : -1);
      return;
    }
    const delta = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
    if (!delta) return;
    e.preventDefault();
    ws.setScroll(ws.getScroll() + delta);
  }

  private key(e: KeyboardEvent): void {
    const ws = this.wavesurfer;
    if (!ws || e.ctrlKey || e.metaKey || e.altKey) return;
    const page = ws.getWidth() / 4;
    if (e.key === '+' || e.key === '=') this.zoomBy(1);
    else if (e.key === '-') this.zoomBy(-1);
    else if (e.key === 'ArrowRight') ws.setScroll(ws.getScroll() + page);
    else if (e.key === 'ArrowLeft') ws.setScroll(ws.getScroll() - page);
    else return;
    e.preventDefault();
  }
}
