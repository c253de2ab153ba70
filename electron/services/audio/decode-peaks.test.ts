import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePeaks, type PeaksProgress } from './decode-peaks';
import { PEAKS_PER_SECOND } from '../../../shared/audio/peak-accumulator';
import { CLICK_TIMES, clickTimesInPeaks, run, writeClickWav } from './test-audio';

const dir = mkdtempSync(join(tmpdir(), 'cueline-peaks-'));
const wav = join(dir, 'clicks.wav');

beforeAll(() => {
  writeClickWav(wav);
});

/** Every click within ±5 ms of where it was written: peaks share the cue time base. */
function expectClicksAtTruth(found: number[]): void {
  expect(found.length).toBe(CLICK_TIMES.length);
  found.forEach((t, i) => expect(Math.abs(t - CLICK_TIMES[i]!)).toBeLessThanOrEqual(0.005));
}

describe('decodePeaks', () => {
  it('reads WAV: one min/max pair per 5 ms, clicks where they were written, exact length', async () => {
    const peaks = await decodePeaks(wav);
    expect(peaks.sampleRate).toBe(44100);
    expect(peaks.samples).toBe(441000);
    expect(peaks.sampleRate / peaks.samplesPerPeak).toBeGreaterThanOrEqual(PEAKS_PER_SECOND);
    expect(peaks.pairs.length / 2).toBe(Math.ceil(441000 / peaks.samplesPerPeak));
    expectClicksAtTruth(clickTimesInPeaks(peaks.pairs, peaks.samplesPerPeak, peaks.sampleRate));
  });

  it('reads 24-bit stereo 48 kHz WAV written by sox', async () => {
    const path = join(dir, 'clicks-24.wav');
    run('sox', [wav, '-b', '24', '-c', '2', '-r', '48000', path]);
    const peaks = await decodePeaks(path);
    expect(peaks.sampleRate).toBe(48000);
    expect(Math.abs(peaks.samples - 480000)).toBeLessThanOrEqual(1);
    expectClicksAtTruth(clickTimesInPeaks(peaks.pairs, peaks.samplesPerPeak, peaks.sampleRate));
  });

  it.each([
    ['CBR 128 kbit/s', ['-b', '128']],
    ['VBR -V 4', ['-V', '4']],
    ['VBR -V 2 at 22.05 kHz', ['-V', '2', '--resample', '22.05']],
  ])('trims the MP3 encoder delay and padding (lame %s): clicks within ±5 ms, length exact', async (_name, flags) => {
    const path = join(dir, `clicks-${flags.join('')}.mp3`);
    run('lame', ['--quiet', ...flags, wav, path]);
    const peaks = await decodePeaks(path);
    expect(Math.abs(peaks.samples / peaks.sampleRate - 10)).toBeLessThan(0.001);
    expectClicksAtTruth(clickTimesInPeaks(peaks.pairs, peaks.samplesPerPeak, peaks.sampleRate));
  });

  it('without a LAME tag drops the decoder delay: clicks within the unknown encoder delay (576 samples, 13 ms)', async () => {
    const path = join(dir, 'clicks-notag.mp3');
    run('lame', ['--quiet', '-b', '128', '-t', wav, path]);
    const peaks = await decodePeaks(path);
    const found = clickTimesInPeaks(peaks.pairs, peaks.samplesPerPeak, peaks.sampleRate);
    expect(found).toHaveLength(CLICK_TIMES.length);
    found.forEach((t, i) => {
      const late = t - CLICK_TIMES[i]!;
      expect(late).toBeGreaterThanOrEqual(0);
      // LAME's encoder delay (576) plus one peak bucket of resolution.
      expect(late).toBeLessThanOrEqual((576 + peaks.samplesPerPeak) / peaks.sampleRate);
    });
  });

  // The FLAC decoder rounds the last (short) frame to a whole block, so its length is
  // only right to one block (4096 samples, 93 ms) at the end; the start is exact.
  it.each([
    ['FLAC', 'clicks.flac', ['sox', wav], 0.1],
    ['Ogg Vorbis', 'clicks.ogg', ['sox', wav], 0.005],
    ['Ogg Opus', 'clicks.opus', ['ffmpeg', '-v', 'error', '-y', '-i', wav, '-c:a', 'libopus'], 0.03],
  ] as const)('reads %s with clicks within ±5 ms', async (_name, file, [command, ...args], lengthTolerance) => {
    const path = join(dir, file);
    run(command, [...args, path]);
    const peaks = await decodePeaks(path);
    expect(Math.abs(peaks.samples / peaks.sampleRate - 10)).toBeLessThan(lengthTolerance);
    expectClicksAtTruth(clickTimesInPeaks(peaks.pairs, peaks.samplesPerPeak, peaks.sampleRate));
  });

  it('reports the start of the file first, then the rest in order, adding up to the final peaks', async () => {
    const path = join(dir, 'long.mp3');
    const longWav = join(dir, 'long.wav');
    writeClickWav(longWav, { seconds: 120, times: [1, 60, 119] });
    run('lame', ['--quiet', '-b', '128', longWav, path]);
    const reports: PeaksProgress[] = [];
    const peaks = await decodePeaks(path, { onProgress: (p) => reports.push(p), progressIntervalMs: 0 });
    expect(reports.length).toBeGreaterThan(3);
    expect(reports[0]!.from).toBe(0);
    expect(reports[0]!.bytesRead).toBeLessThan(reports[0]!.totalBytes / 10);
    let next = 0;
    const joined = new Int8Array(peaks.pairs.length);
    for (const r of reports) {
      expect(r.from).toBe(next);
      joined.set(r.pairs, 2 * r.from);
      next = r.from + r.pairs.length / 2;
    }
    expect(next).toBe(peaks.pairs.length / 2);
    expect(joined).toEqual(peaks.pairs);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(decodePeaks(wav, { signal: controller.signal })).rejects.toThrow();
  });

  it('names what it cannot read instead of drawing garbage', async () => {
    const path = join(dir, 'not-audio.mp3');
    run('sh', ['-c', `printf 'this is not audio' > '${path}'`]);
    await expect(decodePeaks(path)).rejects.toThrow(/unrecognised audio format/);
    const m4a = join(dir, 'speech.m4a');
    run('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'aac', m4a]);
    await expect(decodePeaks(m4a)).rejects.toThrow(/M4A/);
  });
});
