/**
 * The waveform of the opened audio: wavesurfer.js 7 draws peaks computed in the main
 * process (never decoding the file in the page: a 1-hour MP3 cost ~3 GiB that way) and
 * plays through an `<audio>` element on the audio's token URL. Peaks arrive start of
 * file first; the waveform shows as soon as the first ones exist and fills in as the
 * rest decode. Cue regions are drawn by CueLayer for the visible window only.
 *
 * Ctrl/Cmd+wheel or +/- zoom; the wheel scrolls in time; arrow keys scroll.
 */
import { useEffect, useRef } from 'react';
import WaveSurfer from 'wavesurfer.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { api } from '../api';
import { CueLayer, type CueRetime } from './cue-layer';
import { silenceNear } from './snap';
import { OverviewStrip } from './overview-strip';
import { downsamplePairs, OVERVIEW_PER_SECOND } from '../../../shared/audio/peak-accumulator';
import type { WorkerReply, WorkerRequest } from './webcodecs-peaks.worker';
import type { TimedCue } from './cue-window';
import { base64ToInt8, mediaTokenOf, streamPeaks, toWaveSurferChannel, type PeaksState } from './peaks-stream';
import { clampPxPerSec, zoomStep } from './zoom';

export interface WaveformProps {
  url: string;
  /** Cues in start order (times in seconds); only those in view are drawn. */
  cues: readonly TimedCue[];
  activeIndex: number | null;
  /** Cue edges or bodies were dragged (called once, on release). */
  onRetime(retimes: CueRetime[]): void;
  /** A cue's label was clicked. */
  onCueSelect(index: number): void;
  /** Gives the app a way to find silence near a time (for snapping from the keyboard). */
  onSilenceFinder?(find: ((t: number) => number | null) | null): void;
  /** The user clicked or dragged on the waveform to `seconds` (not playback moving on). */
  onUserSeek(seconds: number): void;
  onReady(wavesurfer: WaveSurfer): void;
  onTime(seconds: number): void;
  onError(message: string): void;
}

const INITIAL_PX_PER_SEC = 50;
/** Least time between redraws while peaks stream in (each redraw re-renders the view). */
const REDRAW_MS = 300;

/** Base64 of signed bytes, in chunks (String.fromCharCode of millions of arguments would overflow). */
function int8ToBase64(pairs: Int8Array): string {
  const bytes = new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function Waveform({ url, cues, activeIndex, onRetime, onCueSelect, onSilenceFinder, onUserSeek, onReady, onTime, onError }: WaveformProps) {
  const host = useRef<HTMLDivElement>(null);
  const overviewHost = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const layer = useRef<CueLayer | null>(null);
  const callbacks = useRef({ onReady, onTime, onError, onRetime, onCueSelect, onSilenceFinder, onUserSeek });
  callbacks.current = { onReady, onTime, onError, onRetime, onCueSelect, onSilenceFinder, onUserSeek };
  /** Scrolls the waveform to show a time if it is out of view (set once wavesurfer exists). */
  const reveal = useRef<(seconds: number) => void>(() => {});
  const latest = useRef({ cues, activeIndex });
  latest.current = { cues, activeIndex };

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const media = document.createElement('audio');
    media.preload = 'auto';
    media.src = url;
    const controller = new AbortController();
    let peaks: PeaksState | null = null;
    const findSilence = (t: number) =>
      peaks && peaks.sampleRate > 0 ? silenceNear({ pairs: peaks.pairs, count: peaks.count, secondsPerPair: peaks.samplesPerPeak / peaks.sampleRate }, t) : null;
    callbacks.current.onSilenceFinder?.(findSilence);
    const cueLayer = new CueLayer({
      onRetime: (r) => callbacks.current.onRetime(r),
      onSelect: (i) => callbacks.current.onCueSelect(i),
      snap: findSilence,
    });
    cueLayer.setCues(latest.current.cues);
    cueLayer.setActive(latest.current.activeIndex);
    layer.current = cueLayer;
    let wavesurfer: WaveSurfer | null = null;
    let drawDuration = 0;
    let pxPerSec = INITIAL_PX_PER_SEC;
    let lastDraw = -Infinity;
    let pending: PeaksState | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe: Array<() => void> = [];
    const reported = new Set<string>();
    const report = (message: string) => {
      if (reported.has(message)) return;
      reported.add(message);
      callbacks.current.onError(message);
    };
    const showStatus = (text: string) => { if (status.current) status.current.textContent = text; };

    let frame = 0;
    const overview = new OverviewStrip((t) => {
      if (!wavesurfer) return;
      wavesurfer.setTime(t);
      reveal.current(t);
      callbacks.current.onUserSeek(t);
    });
    overviewHost.current?.append(overview.element);
    let overviewShown = false;
    /** The overview: the main process's cached second resolution, or folded here from the peaks. */
    const showOverview = async (state: PeaksState) => {
      if (overviewShown) return;
      overviewShown = true;
      const token = mediaTokenOf(url);
      const fromMain = token ? await api().invoke('audio:overview', { media: token }).catch(() => null) : null;
      if (controller.signal.aborted) return;
      const secondsPerPair = state.samplesPerPeak / state.sampleRate;
      if (fromMain?.ready) {
        overview.setPeaks({ pairs: base64ToInt8(fromMain.pairs), secondsPerPair: fromMain.samplesPerPeak / fromMain.sampleRate }, drawDuration);
      } else {
        const factor = Math.max(1, Math.round(1 / secondsPerPair / OVERVIEW_PER_SECOND));
        overview.setPeaks({ pairs: downsamplePairs(state.pairs, state.count, factor), secondsPerPair: secondsPerPair * factor }, drawDuration);
      }
      updateView();
    };

    const updateView = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!wavesurfer || !(drawDuration > 0)) return;
        const scale = wavesurfer.getWrapper().clientWidth / drawDuration;
        const from = wavesurfer.getScroll() / scale;
        const to = from + wavesurfer.getWidth() / scale;
        cueLayer.setView(scale, from, to, drawDuration);
        overview.setView(from, to);
      });
    };
    const onResize = () => {
      updateView();
      overview.draw();
    };

    const create = (channel: Float32Array, duration: number) => {
      pxPerSec = clampPxPerSec(INITIAL_PX_PER_SEC, duration, container.clientWidth);
      const ws = WaveSurfer.create({
        container,
        media,
        peaks: [channel],
        duration,
        height: 96,
        waveColor: '#7a8ca8',
        progressColor: '#3b5b92',
        cursorColor: '#e0532f',
        cursorWidth: 2,
        minPxPerSec: pxPerSec,
        normalize: false,
        autoScroll: true,
        autoCenter: true,
        plugins: [TimelinePlugin.create({ height: 18 })],
      });
      wavesurfer = ws;
      reveal.current = (seconds) => {
        if (!(drawDuration > 0)) return;
        const scale = ws.getWrapper().clientWidth / drawDuration;
        const from = ws.getScroll() / scale;
        const to = from + ws.getWidth() / scale;
        if (seconds < from || seconds > to) ws.setScrollTime(Math.max(0, seconds - (to - from) / 4));
      };
      unsubscribe.push(
        // 'ready' comes again after each redraw with more peaks.
        ws.once('ready', () => callbacks.current.onReady(ws)),
        ws.on('ready', () => {
          if (cueLayer.element.parentElement !== ws.getWrapper()) ws.getWrapper().append(cueLayer.element);
          updateView();
        }),
        ws.on('timeupdate', (t) => callbacks.current.onTime(t)),
        ws.on('interaction', (t) => callbacks.current.onUserSeek(t)),
        ws.on('scroll', updateView),
        ws.on('zoom', updateView),
        ws.on('redrawcomplete', updateView),
        ws.on('error', (e) => report(`Audio could not be loaded: ${e.message}`)),
      );
    };

    /** Draws the peaks so far over the expected full length, so partial peaks sit at their true times. */
    const draw = (state: PeaksState) => {
      pending = null;
      lastDraw = performance.now();
      if (!state.sampleRate || state.count === 0) return;
      const secondsPerPair = state.samplesPerPeak / state.sampleRate;
      let totalPairs = state.count;
      if (state.status === 'decoding') {
        const byProgress = state.progress > 0 ? Math.ceil(state.count / state.progress) : state.count;
        const byMedia = Number.isFinite(media.duration) ? Math.ceil(media.duration / secondsPerPair) : 0;
        totalPairs = Math.max(state.count, byMedia || byProgress);
      }
      drawDuration = totalPairs * secondsPerPair;
      const channel = toWaveSurferChannel(state.pairs, state.count, totalPairs);
      if (!wavesurfer) create(channel, drawDuration);
      // load() with the element's own URL keeps the media (and playback) as it is and
      // redraws from the new peaks; setOptions({ peaks }) would redraw the old ones.
      else void wavesurfer.load(media.src, [channel], drawDuration).catch(() => undefined);
      container.dataset.peaks = String(state.count);
      container.dataset.peaksStatus = state.status;
      container.dataset.peaksFromCache = String(state.fromCache);
      container.dataset.secondsPerPeak = String(secondsPerPair);
      showStatus(state.status === 'decoding' ? `Reading waveform… ${Math.round(state.progress * 100)}%` : '');
      updateView();
      if (state.status === 'done') void showOverview(state);
    };

    /**
     * The main process has no decoder for this file (AAC): decode it in a worker with
     * the browser's decoder instead. Resolves with an error message, or null on success.
     */
    const decodeInPage = () => new Promise<string | null>((resolve) => {
      const worker = new Worker(new URL('./webcodecs-peaks.worker.ts', import.meta.url), { type: 'module' });
      let pairs = new Int8Array(0);
      let count = 0;
      let rate = 0;
      let perPeak = 0;
      const state = (status: PeaksState['status'], progress: number): PeaksState => ({ status, sampleRate: rate, samplesPerPeak: perPeak, pairs, count, progress, fromCache: false });
      controller.signal.addEventListener('abort', () => worker.terminate());
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const m = event.data;
        if (m.type === 'progress') {
          rate = m.sampleRate;
          perPeak = m.samplesPerPeak;
          const end = 2 * m.from + m.pairs.length;
          if (end > pairs.length) {
            const grown = new Int8Array(Math.max(end, Math.ceil(end / Math.max(m.progress, 0.01))));
            grown.set(pairs.subarray(0, 2 * count));
            pairs = grown;
          }
          pairs.set(m.pairs, 2 * m.from);
          count = end / 2;
          onPeaks(state('decoding', m.progress));
        } else if (m.type === 'done') {
          worker.terminate();
          onPeaks(state('done', 1));
          resolve(null);
          // Keep them for the next open (the main process caches them beside its own).
          const token = mediaTokenOf(url);
          if (token) {
            void api().invoke('audio:peaks-store', { media: token, sampleRate: rate, samplesPerPeak: perPeak, pairs: int8ToBase64(pairs.subarray(0, 2 * count)) }).catch(() => {});
          }
        } else {
          worker.terminate();
          resolve(m.message);
        }
      };
      worker.postMessage({ url: new URL(url, location.href).href } satisfies WorkerRequest);
    });

    let triedInPage = false;
    const onPeaks = (state: PeaksState) => {
      if (state.status !== 'error') peaks = state;
      if (state.status === 'error') {
        if (!triedInPage) {
          triedInPage = true;
          showStatus('Reading waveform…');
          void decodeInPage().then((problem) => {
            if (problem !== null && !controller.signal.aborted) onPeaks({ ...state, message: `${state.message ?? 'no decoder'}; in the page: ${problem}` });
          });
          return;
        }
        showStatus('');
        report(`Waveform unavailable: ${state.message ?? 'the audio could not be decoded'}`);
        if (!wavesurfer) drawSilence();
        return;
      }
      if (state.status === 'done' || !wavesurfer || performance.now() - lastDraw >= REDRAW_MS) {
        clearTimeout(timer);
        draw(state);
      } else {
        pending = state;
        clearTimeout(timer);
        timer = setTimeout(() => { if (pending) draw(pending); }, REDRAW_MS);
      }
    };

    /** Without peaks the audio still plays: a flat line keeps the cursor and seeking. */
    const drawSilence = () => {
      const go = () => {
        if (wavesurfer || !(media.duration > 0) || !Number.isFinite(media.duration)) return;
        drawDuration = media.duration;
        create(new Float32Array(2), media.duration);
      };
      if (media.readyState >= 1) go();
      else media.addEventListener('loadedmetadata', go, { once: true });
    };

    media.addEventListener('error', () => {
      report(`Audio could not be loaded: ${media.error?.message || 'unsupported or damaged file'}`);
    });

    const token = mediaTokenOf(url);
    if (token) {
      streamPeaks(token, (m, from) => api().invoke('audio:peaks', { media: m, from }), onPeaks, controller.signal).catch((error: unknown) => {
        if (!controller.signal.aborted) onPeaks({ status: 'error', message: String(error instanceof Error ? error.message : error), sampleRate: 0, samplesPerPeak: 0, pairs: new Int8Array(0), count: 0, progress: 0, fromCache: false });
      });
    } else {
      drawSilence();
    }

    const zoomBy = (direction: 1 | -1) => {
      if (!wavesurfer || !(drawDuration > 0)) return;
      pxPerSec = zoomStep(pxPerSec, direction, drawDuration, wavesurfer.getWidth());
      wavesurfer.zoom(pxPerSec);
      container.dataset.pxPerSec = String(pxPerSec);
    };
    const onWheel = (e: WheelEvent) => {
      if (!wavesurfer) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        if (e.deltaY) zoomBy(e.deltaY < 0 ? 1 : -1);
        return;
      }
      const delta = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
      if (!delta) return;
      e.preventDefault();
      wavesurfer.setScroll(wavesurfer.getScroll() + delta);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!wavesurfer || e.ctrlKey || e.metaKey || e.altKey) return;
      const page = wavesurfer.getWidth() / 4;
      if (e.key === '+' || e.key === '=') zoomBy(1);
      else if (e.key === '-') zoomBy(-1);
      else if (e.key === 'ArrowRight') wavesurfer.setScroll(wavesurfer.getScroll() + page);
      else if (e.key === 'ArrowLeft') wavesurfer.setScroll(wavesurfer.getScroll() - page);
      else return;
      e.preventDefault();
    };
    container.addEventListener('wheel', onWheel, { passive: false });
    container.addEventListener('keydown', onKey);
    window.addEventListener('resize', onResize);

    return () => {
      controller.abort();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      container.removeEventListener('wheel', onWheel);
      container.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onResize);
      overview.element.remove();
      for (const off of unsubscribe) off();
      cueLayer.destroy();
      layer.current = null;
      reveal.current = () => {};
      callbacks.current.onSilenceFinder?.(null);
      wavesurfer?.destroy();
      media.removeAttribute('src');
      media.load();
    };
  }, [url]);

  useEffect(() => { layer.current?.setCues(cues); }, [cues]);
  useEffect(() => {
    layer.current?.setActive(activeIndex);
    const cue = activeIndex === null ? undefined : latest.current.cues[activeIndex];
    if (cue) reveal.current(cue.start);
  }, [activeIndex]);

  return (
    // `contain: inline-size`: the waveform is as wide as its pane, never as wide as the audio
    // at the current zoom (it scrolls inside), whatever grid or flex layout holds it.
    <div className="waveform" style={{ contain: 'inline-size', minWidth: 0 }}>
      <div className="waveform-host" ref={host} data-testid="waveform" tabIndex={0} aria-label="Waveform: Ctrl+wheel or +/- to zoom, wheel or arrows to scroll" />
      <div ref={overviewHost} />
      <div className="waveform-status" ref={status} data-testid="waveform-status" aria-live="polite" style={{ fontSize: 11, color: 'var(--muted)', padding: '0 8px', minHeight: 14 }} />
    </div>
  );
}
