/**
 * Peaks for audio the main process cannot decode (M4A/AAC: the free AAC decoder, FAAD2,
 * is GPL), computed in a worker with the browser's own decoder (WebCodecs, via
 * mediabunny's demuxer), streaming: the file is read by Range requests through the
 * app's audio URL and each decoded block is folded into min/max pairs and dropped.
 * Samples are placed by their timestamps, so AAC priming (edit list) is trimmed as the
 * `<audio>` element trims it and the waveform matches playback.
 */
import { ALL_FORMATS, AudioSampleSink, Input, UrlSource } from 'mediabunny';
import { PeakAccumulator } from '../../../shared/audio/peak-accumulator';

export type WorkerRequest = { url: string };
export type WorkerReply =
  | { type: 'progress'; sampleRate: number; samplesPerPeak: number; from: number; pairs: Int8Array; progress: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

const post = (reply: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  try {
    const input = new Input({ source: new UrlSource(event.data.url), formats: ALL_FORMATS });
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new Error('the file has no audio track');
    if (!(await track.canDecode())) throw new Error(`this system has no decoder for ${track.codec ?? 'this codec'}`);
    const duration = (await track.getDurationFromMetadata()) ?? (await input.computeDuration([track]));
    const sampleRate = track.sampleRate;
    const peaks = new PeakAccumulator(sampleRate);
    let sent = 0;
    let lastPost = 0;
    let expected = 0; // next sample position on the timeline
    const flush = (progress: number) => {
      const pairs = peaks.slice(sent);
      if (!pairs.length) return;
      post({ type: 'progress', sampleRate, samplesPerPeak: peaks.samplesPerPeak, from: sent, pairs, progress }, [pairs.buffer]);
      sent = peaks.peakCount;
    };
    for await (const sample of new AudioSampleSink(track).samples()) {
      const frames = sample.numberOfFrames;
      const start = Math.round(sample.timestamp * sampleRate);
      // Priming before 0 is not played; a gap is silence.
      const drop = Math.max(0, Math.max(expected, 0) - start);
      const channelData: Float32Array[] = [];
      for (let c = 0; c < sample.numberOfChannels; c++) {
        const plane = new Float32Array(frames);
        sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
        channelData.push(drop ? plane.subarray(drop) : plane);
      }
      sample.close();
      if (start > expected && expected > 0) {
        const gap = start - expected;
        peaks.add({ channelData: channelData.map(() => new Float32Array(gap)), samples: gap });
      }
      if (frames > drop) peaks.add({ channelData, samples: frames - drop });
      expected = Math.max(expected, start + frames);
      if (performance.now() - lastPost > 200) {
        lastPost = performance.now();
        flush(duration > 0 ? Math.min(1, sample.timestamp / duration) : 0);
      }
    }
    peaks.finish();
    flush(1);
    post({ type: 'done' });
    input.dispose();
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
