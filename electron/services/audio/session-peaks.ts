/**
 * The peaks side of a window's session: the audio the window has open gets its peaks
 * job, opening another audio closes the previous job (stopping its decode), and reads
 * come back in the IPC contract's shape (pairs as base64, which crosses Electron IPC and
 * the test harness alike and is checked by zod as one string, not 1.4 M numbers).
 */
import type { AudioOverview, AudioPeaks } from '../../../shared/ipc/contract';
import { basename } from 'node:path';
import { PeaksService, type PeaksServiceOptions } from './peaks-service';
import { sniffAudioFile } from './read-at';

export class SessionPeaks {
  private readonly service: PeaksService;
  private open: string | null = null;

  constructor(options: PeaksServiceOptions) {
    this.service = new PeaksService(options);
  }

  /** Starts the peaks of the audio the window now shows; the previous audio's decode stops. */
  openAudio(media: string, path: string): void {
    if (this.open && this.open !== media) this.service.close(this.open);
    this.open = media;
    this.service.start(media, path);
  }

  async read(media: string, from: number): Promise<AudioPeaks> {
    const snap = await this.service.read(media, from);
    return {
      status: snap.status,
      ...(snap.message ? { message: snap.message } : {}),
      sampleRate: snap.sampleRate,
      samplesPerPeak: snap.samplesPerPeak,
      from: snap.from,
      pairs: Buffer.from(snap.pairs.buffer, snap.pairs.byteOffset, snap.pairs.byteLength).toString('base64'),
      available: snap.available,
      progress: snap.progress,
      fromCache: snap.fromCache,
    };
  }

  /** The whole-file overview (two resolutions: this and the editing peaks), once decoding is done. */
  overview(media: string): AudioOverview {
    const o = this.service.overview(media);
    if (!o) return { ready: false, sampleRate: 0, samplesPerPeak: 0, pairs: '' };
    return { ready: true, sampleRate: o.sampleRate, samplesPerPeak: o.samplesPerPeak, pairs: Buffer.from(o.pairs.buffer, o.pairs.byteOffset, o.pairs.byteLength).toString('base64') };
  }

  /**
   * Caches peaks the page computed (base64 pairs), only for audio this process cannot
   * decode: its own peaks of other formats can never be replaced from the page.
   */
  async storeFromPage(path: string, peaks: { sampleRate: number; samplesPerPeak: number; pairs: string }, log: (m: string) => void = () => {}): Promise<boolean> {
    if ((await sniffAudioFile(path)) !== 'mp4') {
      log(`refused page peaks for ${basename(path)}: this process decodes that format itself`);
      return false;
    }
    const bytes = Buffer.from(peaks.pairs, 'base64');
    if (bytes.length % 2 !== 0) return false;
    return this.service.store(path, { sampleRate: peaks.sampleRate, samplesPerPeak: peaks.samplesPerPeak, pairs: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) });
  }

  /** Stops every decode (window closed, app quitting). */
  dispose(): void {
    this.service.closeAll();
    this.open = null;
  }
}
