/**
 * The audio player: one `<audio>` element for the app's life, loaded with each
 * episode's audio (or emptied), with a typed event emitter (wavesurfer.js's own) so
 * whatever shows time, speed or zoom subscribes to it instead of React state: playback
 * time never re-renders React.
 *
 * Transcription playback: play/pause with auto-rewind on resume (oTranscribe), or from a
 * given time; short/long jumps; speed 0.5-2x in 0.1 steps with pitch kept; playing a
 * range once or looped (current cue, Aegisub's probes). Range ends are checked every
 * animation frame, not on `timeupdate` (~250 ms apart: it would overrun a 500 ms probe).
 * Zoom belongs to the waveform; the player relays requests and the resulting px/s so a
 * transport bar needs only this object.
 */
import EventEmitter from 'wavesurfer.js/dist/event-emitter.js';
import type { PlaybackPort } from '../editor/playback-port';

export type PlayerEvents = {
  /** A new audio URL (null: no audio). */
  load: [url: string | null];
  /** The audio's duration is known. */
  ready: [duration: number];
  /** The playhead moved: every animation frame while playing, and on each seek. */
  time: [seconds: number];
  /** The playhead was put somewhere on purpose (a jump, a seek command). */
  seek: [seconds: number];
  play: [];
  pause: [];
  rate: [rate: number];
  /** The waveform's scale changed (px per second). */
  zoom: [pxPerSec: number];
  /** Someone asked the waveform to zoom in (1) or out (-1). */
  'zoom-request': [direction: 1 | -1];
};

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export class Player extends EventEmitter<PlayerEvents> implements PlaybackPort {
  readonly media: HTMLAudioElement;
  /** Seconds to go back when resuming after a pause; 0 turns it off. */
  autoRewind = 1;
  /** The waveform's scale, px per second (0 until one is drawn). */
  pxPerSec = 0;
  private range: { from: number; to: number; loop: boolean } | null = null;
  private frame = 0;
  private silence: ((t: number) => number | null) | null = null;

  constructor() {
    super();
    const media = document.createElement('audio');
    media.preload = 'auto';
    media.preservesPitch = true;
    media.addEventListener('play', () => { this.emit('play'); this.tick(); });
    media.addEventListener('pause', () => { this.range = null; cancelAnimationFrame(this.frame); this.emit('pause'); this.emit('time', media.currentTime); });
    media.addEventListener('seeked', () => this.emit('time', media.currentTime));
    media.addEventListener('loadedmetadata', () => { if (this.ready()) this.emit('ready', media.duration); });
    media.addEventListener('ratechange', () => this.emit('rate', media.playbackRate));
    this.media = media;
  }

  /** Plays `url` from the start, or empties the player (null). */
  load(url: string | null): void {
    if ((this.media.getAttribute('src') ?? null) === url) return;
    this.media.pause();
    this.range = null;
    if (url) this.media.src = url;
    else {
      this.media.removeAttribute('src');
      this.media.load();
    }
    this.emit('load', url);
    this.emit('time', 0);
  }

  get url(): string | null {
    return this.media.getAttribute('src');
  }

  ready(): boolean {
    return this.url !== null && this.media.readyState >= 1 && Number.isFinite(this.media.duration);
  }

  time(): number {
    return this.media.currentTime;
  }

  get duration(): number {
    return this.ready() ? this.media.duration : 0;
  }

  get playing(): boolean {
    return !this.media.paused;
  }

  get rate(): number {
    return this.media.playbackRate;
  }

  /** Pauses, or resumes: from `from` when given, else from the playhead less the auto-rewind. */
  playPause(from?: number): void {
    if (!this.media.paused) return this.media.pause();
    this.range = null;
    if (from !== undefined) this.seek(from);
    else if (this.autoRewind > 0) this.seek(this.media.currentTime - this.autoRewind);
    void this.media.play().catch(() => undefined);
  }

  seek(seconds: number): void {
    const duration = Number.isFinite(this.media.duration) ? this.media.duration : Infinity;
    this.media.currentTime = Math.min(Math.max(0, seconds), duration);
    this.emit('seek', this.media.currentTime);
    this.emit('time', this.media.currentTime);
  }

  seekBy(seconds: number): void {
    this.seek(this.media.currentTime + seconds);
  }

  changeRate(step: number): void {
    this.setRate(this.media.playbackRate + step);
  }

  setRate(rate: number): void {
    this.media.playbackRate = Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) * 10) / 10;
  }

  playRange(from: number, to: number, loop = false): void {
    if (!(to > from)) return;
    this.seek(from);
    this.range = { from, to, loop };
    void this.media.play().catch(() => undefined);
  }

  zoomBy(direction: 1 | -1): void {
    this.emit('zoom-request', direction);
  }

  /** Called by the waveform when its scale changes. */
  noteZoom(pxPerSec: number): void {
    this.pxPerSec = pxPerSec;
    this.emit('zoom', pxPerSec);
  }

  /** The waveform's silence finder (from its peaks), for snapping from the keyboard. */
  setSilenceFinder(find: ((t: number) => number | null) | null): void {
    this.silence = find;
  }

  silenceNear(t: number): number | null {
    return this.silence?.(t) ?? null;
  }

  private tick(): void {
    cancelAnimationFrame(this.frame);
    const step = () => {
      if (this.media.paused) return;
      const r = this.range;
      if (r && this.media.currentTime >= r.to) {
        if (r.loop) this.seek(r.from);
        else {
          this.range = null;
          this.media.pause();
          return;
        }
      }
      this.emit('time', this.media.currentTime);
      this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.load(null);
    this.unAll();
  }
}
