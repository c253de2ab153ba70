import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeaksCache } from './peaks-cache';
import { decodeDat, encodeDat } from './peaks-dat';

function peaksOf(pixels: number, seed: number) {
  const pairs = new Int8Array(pixels * 2);
  for (let i = 0; i < pixels; i++) { pairs[2 * i] = -((i * seed) % 128); pairs[2 * i + 1] = (i * seed + 7) % 128; }
  return { sampleRate: 44100, samplesPerPeak: 220, pairs };
}

describe('.dat v2', () => {
  it('round-trips and has the audiowaveform header layout', () => {
    const peaks = peaksOf(1000, 3);
    const bytes = encodeDat(peaks);
    const view = new DataView(bytes.buffer);
    expect([view.getInt32(0, true), view.getUint32(4, true), view.getInt32(8, true), view.getInt32(12, true), view.getUint32(16, true), view.getInt32(20, true)])
      .toEqual([2, 1, 44100, 220, 1000, 1]);
    expect(bytes.length).toBe(24 + 2000);
    expect(decodeDat(bytes)).toEqual(peaks);
  });

  it('reads 16-bit stereo v2 by folding channels, and refuses truncated files', () => {
    const bytes = new Uint8Array(24 + 2 * 2 * 2 * 2);
    const view = new DataView(bytes.buffer);
    [2, 0, 8000, 40, 2, 2].forEach((v, i) => view.setInt32(4 * i, v, true));
    // pixel 0: L(-256, 512) R(-1024, 256); pixel 1: L(0, 32767) R(-32768, 0)
    [-256, 512, -1024, 256, 0, 32767, -32768, 0].forEach((v, i) => view.setInt16(24 + 2 * i, v, true));
    expect(decodeDat(bytes)).toEqual({ sampleRate: 8000, samplesPerPeak: 40, pairs: new Int8Array([-4, 2, -128, 127]) });
    expect(decodeDat(bytes.subarray(0, bytes.length - 1))).toBeNull();
  });
});

describe('PeaksCache', () => {
  it('keys by content: same file same key; changed bytes at the end give another key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-cache-key-'));
    const cache = new PeaksCache({ dir: join(dir, 'cache') });
    const audio = join(dir, 'a.mp3');
    const body = Buffer.alloc(3 * 1024 * 1024, 1);
    writeFileSync(audio, body);
    utimesSync(audio, 1000, 1000);
    const k1 = await cache.keyOf(audio);
    expect(await cache.keyOf(audio)).toBe(k1);
    body[body.length - 1] = 2;
    writeFileSync(audio, body);
    utimesSync(audio, 1000, 1000);
    expect(await cache.keyOf(audio)).not.toBe(k1);
  });

  it('evicts the least recently used entries beyond its size bound, keeping what was just read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-cache-lru-'));
    const entryBytes = encodeDat(peaksOf(1000, 1)).length;
    const cache = new PeaksCache({ dir, maxBytes: entryBytes * 3 });
    const keys = ['a', 'b', 'c', 'd'].map((c) => c.repeat(64));
    await cache.put(keys[0]!, peaksOf(1000, 1));
    await cache.put(keys[1]!, peaksOf(1000, 2));
    await cache.put(keys[2]!, peaksOf(1000, 3));
    // Make the use order explicit (mtime resolution), then touch "a" by reading it.
    keys.slice(0, 3).forEach((k, i) => utimesSync(join(dir, `${k}.dat`), 100 + i, 100 + i));
    expect(await cache.get(keys[0]!)).toEqual(peaksOf(1000, 1));
    await cache.put(keys[3]!, peaksOf(1000, 4));
    expect(readdirSync(dir).sort()).toEqual([keys[0], keys[2], keys[3]].map((k) => `${k}.dat`));
    expect(await cache.get(keys[1]!)).toBeNull();
    const total = readdirSync(dir).reduce((n, name) => n + statSync(join(dir, name)).size, 0);
    expect(total).toBeLessThanOrEqual(entryBytes * 3);
  });
});
