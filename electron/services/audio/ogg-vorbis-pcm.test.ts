import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVorbisPcm } from './ogg-vorbis-pcm';
import { firstMismatch, run } from './test-audio';

const dir = mkdtempSync(join(tmpdir(), 'cueline-vorbis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('Ogg Vorbis served as WAV', () => {
  const wav = join(dir, 'sweep.wav');
  const ogg = join(dir, 'sweep.ogg');
  // A sweep: every sample differs from its neighbours, so a one-sample slip shows.
  run('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', wav, 'synth', '30', 'sine', '200-3000', 'vol', '0.5']);
  run('sox', [wav, ogg]);

  it('starts any range on the sample a decode from the beginning gives there', async () => {
    const pcm = (await openVorbisPcm(ogg))!;
    expect(pcm.channels).toBe(2);
    expect(pcm.sampleRate).toBe(44100);
    expect(pcm.totalSamples).toBe(30 * 44100);
    // The reference: the whole stream decoded in one go.
    const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
    const decoder = new OggVorbisDecoder();
    await decoder.ready;
    const whole = await decoder.decodeFile(new Uint8Array(readFileSync(ogg)));
    decoder.free();
    const reference = whole.channelData[0]!;
    for (const sample of [0, 5, 100_000, 654_321, pcm.totalSamples - 3000]) {
      expect(await firstMismatch(pcm, reference, sample, 2000)).toBeNull();
    }
  });

  it('is not an Ogg Vorbis file: no source', async () => {
    expect(await openVorbisPcm(wav)).toBeNull();
  });
});
