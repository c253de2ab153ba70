import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStreamDecoder } from './stream-decoder';
import { openMp3Pcm } from './mp3-wav-stream';
import { wavRange } from './pcm-wav';
import { firstMismatch, readAll, run } from './test-audio';

const dir = mkdtempSync(join(tmpdir(), 'cueline-mp3wav-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The whole file decoded gaplessly in one pass: the reference time base (that of the peaks). */
async function gaplessDecode(path: string): Promise<Float32Array> {
  const decoder = await createStreamDecoder('mp3');
  const parts: Float32Array[] = [];
  const bytes = await readFile(path);
  for (let at = 0; at < bytes.length; at += 65536) {
    const chunk = await decoder.decode(bytes.subarray(at, at + 65536));
    if (chunk) parts.push(chunk.channelData[0]!.slice(0, chunk.samples));
  }
  decoder.free();
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) { out.set(p, k); k += p.length; }
  return out;
}


describe.each([
  ['CBR 128 mono', ['-b', '128', '-m', 'm']],
  ['VBR -V2 stereo', ['-V', '2']],
])('MP3 served as WAV (%s)', (name, flags) => {
  const wav = join(dir, `${name}.wav`);
  const mp3 = join(dir, `${name}.mp3`);
  // A sweep: every sample differs from its neighbours, so a one-sample slip shows.
  run('sox', ['-n', '-r', '44100', '-c', flags.includes('-m') ? '1' : '2', '-b', '16', wav, 'synth', '20', 'sine', '200-3000', 'vol', '0.5']);
  run('lame', ['--quiet', ...flags, wav, mp3]);

  it('has a WAV header with the gapless length, and any range starts on the gapless sample', async () => {
    const pcm = (await openMp3Pcm(mp3))!;
    const reference = await gaplessDecode(mp3);
    expect(pcm.totalSamples).toBe(reference.length);
    expect(pcm.totalSamples).toBe(20 * 44100);
    const header = await readAll(wavRange(pcm, 0, 43));
    const view = new DataView(header.buffer);
    expect(String.fromCharCode(...header.subarray(0, 4))).toBe('RIFF');
    expect(view.getUint32(40, true)).toBe(pcm.totalSamples * pcm.channels * 2);
    // Ranges from the start, mid-file (several frames and index entries in), and near the end.
    for (const sample of [0, 1, 123_456, 441_000 + 777, pcm.totalSamples - 2000]) {
      expect(await firstMismatch(pcm, reference, sample, 1000)).toBeNull();
    }
  });
});
