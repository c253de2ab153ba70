/**
 * Transcription playback on the waveform's `<audio>` element: play/pause with
 * auto-rewind on resume (oTranscribe), short/long jumps, speed 0.5-2x in 0.1 steps with
 * pitch kept, and playing a range once or looped (current cue, Aegisub's probes before
 * the start / after the end). Range ends are checked every animation frame, not on
 * `timeupdate` (which fires only every ~250 ms and would overrun a 500 ms probe).
 */
import type { PlaybackPort } from './editor/playback-port';

export interface PlaybackOptions {
  /** Seconds to go back when resuming after a pause; 0 turns it off. */
  autoRewind: number;
  onRate?(rate: number): void;
}

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export class PlaybackController implements Omit<PlaybackPort, 'silenceNear'> {
  private range: { from: number; to: number; loop: boolean } | null = null;
  private frame = 0;

  constructor(private readonly media: HTMLMediaElement, public options: PlaybackOptions) {
    media.preservesPitch = true;
    media.addEventListener('pause', () => this.stopWatching());
  }

  ready(): boolean {
    return this.media.readyState >= 1 && Number.isFinite(this.media.duration);
  }

  time(): number {
    return this.media.currentTime;
  }

  get playing(): boolean {
    return !this.media.paused;
  }

  playPause(): void {
    if (this.media.paused) {
      this.range = null;
      if (this.options.autoRewind > 0) this.seek(this.media.currentTime - this.options.autoRewind);
      void this.media.play().catch(() => undefined);
    } else this.media.pause();
  }

  seek(seconds: number): void {
    const duration = Number.isFinite(this.media.duration) ? this.media.duration : Infinity;
    this.media.currentTime = Math.min(Math.max(0, seconds), duration);
  }

  seekBy(seconds: number): void {
    this.seek(this.media.currentTime + seconds);
  }

  changeRate(step: number): void {
    const rate = Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, this.media.playbackRate + step)) * 10) / 10;
    this.setRate(rate);
  }

  setRate(rate: number): void {
    this.media.playbackRate = rate;
    this.options.onRate?.(rate);
  }

  playRange(from: number, to: number, loop = false): void {
    if (!(to > from)) return;
    this.range = { from, to, loop };
    this.seek(from);
    void this.media.play().catch(() => undefined);
    this.watch();
  }

  private watch() {
    cancelAnimationFrame(this.frame);
    const tick = () => {
      const r = this.range;
      if (!r) return;
      if (this.media.currentTime >= r.to) {
        if (r.loop) this.seek(r.from);
        else {
          this.range = null;
          this.media.pause();
          return;
        }
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private stopWatching() {
    cancelAnimationFrame(this.frame);
    this.range = null;
  }

  destroy(): void {
    this.stopWatching();
  }
}
