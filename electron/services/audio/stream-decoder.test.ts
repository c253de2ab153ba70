import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStreamDecoder, type StreamDecoder } from './stream-decoder';
import { run, writeDamagedMp3 } from './test-audio';

const dir = mkdtempSync(join(tmpdir(), 'cueline-stream-decoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both channels of the whole file, fed in 40 KiB reads, through `decode` or `decodeEach`. */
async function decodeAll(path: string, borrow: boolean): Promise<Float32Array[]> {
  const decoder: StreamDecoder = await createStreamDecoder('mp3');
  const parts: Float32Array[][] = [];
  const bytes = await readFile(path);
  for (let at = 0; at < bytes.length; at += 40_000) {
    const input = bytes.subarray(at, at + 40_000);
    if (borrow) decoder.decodeEach!(input, (c) => parts.push(c.channelData.map((x) => x.slice(0, c.samples))));
    else {
      const c = await decoder.decode(input);
      if (c) parts.push(c.channelData.map((x) => x.slice(0, c.samples)));
    }
  }
  decoder.free();
  return [0, 1].map((ch) => {
    const out = new Float32Array(parts.reduce((n, p) => n + p[ch]!.length, 0));
    let k = 0;
    for (const p of parts) { out.set(p[ch]!, k); k += p[ch]!.length; }
    return out;
  });
}

describe('MP3 decodeEach (views into the decoder, for the peaks)', () => {
  it.each([['mono CBR', ['-b', '96', '-m', 'm'], 1], ['stereo VBR', ['-V', '4'], 2]] as const)('gives exactly the samples decode gives (%s)', async (name, flags, channels) => {
    const wav = join(dir, `${name}.wav`);
    const mp3 = join(dir, `${name}.mp3`);
    run('sox', ['-n', '-r', '44100', '-c', String(channels), '-b', '16', wav, 'synth', '8', 'sine', '300-2000', 'vol', '0.5']);
    run('lame', ['--quiet', ...flags, wav, mp3]);
    const copied = await decodeAll(mp3, false);
    const borrowed = await decodeAll(mp3, true);
    expect(borrowed[0]!.length).toBe(copied[0]!.length);
    expect(borrowed[0]!.length).toBeGreaterThan(8 * 44_100 - 2000);
    for (const ch of [0, 1]) expect(Buffer.compare(Buffer.from(borrowed[ch]!.buffer), Buffer.from(copied[ch]!.buffer))).toBe(0);
  });

  it('skips damaged bytes and goes on, as decode does', async () => {
    const { damaged } = await writeDamagedMp3(dir, 'damaged', 4, ['sine', '440'], [20_000, 24_000]);
    const copied = await decodeAll(damaged, false);
    const borrowed = await decodeAll(damaged, true);
    expect(borrowed[0]!.length).toBe(copied[0]!.length);
    expect(borrowed[0]!.length).toBeGreaterThan(3 * 44_100);
  });
});
