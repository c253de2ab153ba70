import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePeaks, decodeWithAccumulator, type DecodedPeaks, type DecodePart } from '../decode-peaks';
import { readMp3Layout } from '../mp3-layout';
import { run, writeDamagedMp3 } from '../test-audio';
import { downsamplePairs, OVERVIEW_PER_SECOND, samplesPerPeakFor } from '../../../../shared/audio/peak-accumulator';
import { Mpg123Peaks, reducedRateFactor } from './mpg123-peaks';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DEMO = join(ROOT, 'resources', 'demo', 'demo.mp3');
const WHOLE: DecodePart = { startByte: 0, skipSamples: 0, startSample: 0, maxSamples: null, gapless: true };
const dir = mkdtempSync(join(tmpdir(), 'cueline-mpg123-peaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo episode's real speech, re-encoded: 44.1 kHz stereo VBR (a 4:1 decode). */
function demoAt44k(): string {
  const wav = join(dir, 'demo-44k.wav');
  const mp3 = join(dir, 'demo-44k-stereo.mp3');
  run('sox', [DEMO, '-r', '44100', '-c', '2', wav]);
  run('lame', ['--quiet', '-V', '2', '-m', 's', wav, mp3]);
  return mp3;
}

/** |a - b| per value: the mean and the share above `step`. */
function difference(a: Int8Array, b: Int8Array, step: number): { mean: number; above: number } {
  let sum = 0;
  let above = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > step) above++;
  }
  return { mean: sum / a.length, above: above / a.length };
}

function overview(peaks: DecodedPeaks): Int8Array {
  return downsamplePairs(peaks.pairs, peaks.pairs.length / 2, Math.round(peaks.sampleRate / peaks.samplesPerPeak / OVERVIEW_PER_SECOND));
}

/** Every pair of a whole-file run of the decoder, taken as it comes. */
async function runDirect(path: string, pruned: boolean): Promise<Int8Array> {
  const layout = (await readMp3Layout(path))!;
  const decoder = await Mpg123Peaks.create({
    factor: reducedRateFactor(layout.sampleRate), samplesPerPeak: samplesPerPeakFor(layout.sampleRate),
    firstSample: -layout.startTrim, keepFrom: 0, keepTo: layout.totalSamples, pruned,
  });
  const bytes = await readFile(path);
  const parts: Int8Array[] = [];
  for (let at = 0; at < bytes.length; at += 50_000) {
    decoder.feed(bytes.subarray(at, at + 50_000));
    const taken = decoder.take();
    if (taken) parts.push(taken.pairs);
  }
  decoder.finish();
  const last = decoder.take();
  if (last) parts.push(last.pairs);
  decoder.free();
  const all = new Int8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { all.set(p, at); at += p.length; }
  return all;
}

describe('mpg123-peaks (our MP3 peaks decoder)', () => {
  it('divides the rate by 4 where 8 kHz of output remains, else by 2, else not at all', () => {
    expect([48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000].map(reducedRateFactor)).toEqual([4, 4, 4, 2, 2, 2, 1, 1, 1]);
  });

  // The reduced rate drops the spectrum above 5.5 kHz (4:1 at 44.1 kHz) and samples the
  // rest at a quarter of the rate: on speech a pair moves by 0.5-1 step on average, and
  // the few pairs on a fricative's crest by more. Measured: mean 0.55-0.69 steps, 99% of
  // values within 8 steps (editing) and 6 (overview) of 127.
  it.each([
    ['22.05 kHz mono CBR (the demo, 2:1)', () => DEMO],
    ['44.1 kHz stereo VBR (4:1)', demoAt44k],
  ])('gives mpg123-decoder’s peaks within a stated tolerance, same length, at the editing and overview resolutions: %s', async (_name, file) => {
    const path = file();
    const ours = await decodePeaks(path);
    const theirs = await decodeWithAccumulator(path, WHOLE, {});
    expect(ours.samples).toBe(theirs.samples);
    expect(ours.samplesPerPeak).toBe(theirs.samplesPerPeak);
    expect(ours.pairs.length).toBe(theirs.pairs.length);
    for (const [a, b] of [[ours.pairs, theirs.pairs], [overview(ours), overview(theirs)]] as const) {
      const d = difference(a, b, 10);
      expect(d.mean).toBeLessThan(1.5);
      expect(d.above).toBeLessThan(0.01);
    }
    // Not the same decoder under another name: the reduced rate does show.
    expect(Buffer.compare(Buffer.from(ours.pairs), Buffer.from(theirs.pairs))).not.toBe(0);
  });

  it('decodePeaks gives exactly the decoder’s own pairs for an MP3 it can map', async () => {
    const path = demoAt44k();
    expect((await decodePeaks(path)).pairs).toEqual(await runDirect(path, true));
  });

  it('its pruned 4:1 synthesis gives the peaks of mpg123’s own 4:1 synthesis (float rounding aside)', async () => {
    const path = demoAt44k();
    const pruned = await runDirect(path, true);
    const own = await runDirect(path, false);
    expect(pruned.length).toBe(own.length);
    const d = difference(pruned, own, 1);
    expect(d.above).toBe(0);
    expect(d.mean).toBeLessThan(0.01);
  });

  it('goes on past damaged bytes as mpg123-decoder does (the damaged frames dropped), the pairs before them unchanged', async () => {
    const { clean: mp3, damaged: damagedPath } = await writeDamagedMp3(dir, 'tone', 8, ['sine', '300-2000'], [60_000, 64_000]);
    const clean = await decodePeaks(mp3);
    const damaged = await decodePeaks(damagedPath);
    const reference = await decodeWithAccumulator(damagedPath, WHOLE, {});
    expect(damaged.samples).toBe(reference.samples);
    expect(damaged.samples).toBeLessThan(clean.samples);
    expect(damaged.samples).toBeGreaterThan(clean.samples - 20 * 1152);
    // 60 000 bytes of 128 kbit/s are 3.75 s; stop a frame and its reservoir earlier.
    const before = Math.floor(3.6 * 200) * 2;
    expect(damaged.pairs.subarray(0, before)).toEqual(clean.pairs.subarray(0, before));
  });

  it('ships as a file of its own (LGPL-2.1: replaceable), beside the bundled worker and unpacked from the asar', () => {
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    expect(build).toContain('electron/services/audio/mpg123-peaks/mpg123-peaks.wasm`, `${root}dist/electron/mpg123-peaks.wasm`');
    // Its licence goes with it.
    expect(build).toContain('electron/services/audio/mpg123-peaks/COPYING.mpg123`, `${root}dist/electron/COPYING.mpg123`');
    const builder = JSON.parse(readFileSync(join(ROOT, 'build', 'electron-builder.json'), 'utf8')) as { asarUnpack: string[]; files: string[] };
    expect(builder.asarUnpack).toContain('dist/electron/mpg123-peaks.wasm');
    expect(builder.files).toContain('dist/electron/**/*');
  });

  it('makes nothing of bytes that are not MP3, without throwing or hanging', async () => {
    const decoder = await Mpg123Peaks.create({ factor: 4, samplesPerPeak: 220, firstSample: 0, keepFrom: 0, keepTo: null });
    const noise = new Uint8Array(300_000);
    for (let i = 0, x = 12345; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    decoder.feed(noise.map((b) => (b === 0xff ? 0 : b)));
    decoder.finish();
    expect(decoder.take()).toBeNull();
    expect(decoder.sampleRate).toBe(0);
    decoder.free();
  });
});
