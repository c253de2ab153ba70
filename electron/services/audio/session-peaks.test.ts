import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionPeaks } from './session-peaks';
import { run, writeClickWav } from './test-audio';

describe('SessionPeaks', () => {
  it('serves peaks as base64 int8 pairs, and opening another audio stops the previous one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-session-peaks-'));
    const wav = join(dir, 'a.wav');
    writeClickWav(wav, { seconds: 30, times: [10] });
    const mp3 = join(dir, 'b.mp3');
    run('lame', ['--quiet', '-b', '64', wav, mp3]);
    const peaks = new SessionPeaks({ cacheDir: null });
    try {
      peaks.openAudio('a'.repeat(32), wav);
      // Ask from what is already there (as the renderer does) until done, then for everything.
      let read = await peaks.read('a'.repeat(32), 0);
      while (read.status === 'decoding') read = await peaks.read('a'.repeat(32), read.available);
      expect(read.status).toBe('done');
      read = await peaks.read('a'.repeat(32), 0);
      const pairs = new Int8Array(Buffer.from(read.pairs, 'base64'));
      expect(pairs.length).toBe(2 * read.available);
      const loudest = pairs.reduce((best, v, i) => (v > pairs[best]! ? i : best), 0);
      expect(Math.round(((loudest >> 1) * read.samplesPerPeak) / read.sampleRate)).toBe(10);

      peaks.openAudio('b'.repeat(32), mp3);
      await expect(peaks.read('a'.repeat(32), 0)).rejects.toThrow(/not open/);
      expect((await peaks.read('b'.repeat(32), 0)).status).not.toBe('error');
    } finally {
      peaks.dispose();
    }
  });
});
