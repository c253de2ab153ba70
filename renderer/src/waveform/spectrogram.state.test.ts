import { describe, expect, it } from 'vitest';
import { CEIL_DB, FLOOR_DB, rowFrequency, SpectrumAnalyser, spectrumLayout } from './spectrogram-dsp';
import { frameMixer, parseWavHeader } from './spectrogram-pcm';
import { MAX_TILE_SAMPLES, minSpectrogramPxPerSec, TILE_COLUMNS, TileCache, tilesForView } from './spectrogram-tiles';

const RATE = 44_100;

function sine(hz: number, seconds: number, amplitude: number, rate = RATE): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** The loudest row of column `c`. */
function loudestRow(levels: Uint8Array, rows: number, c: number): number {
  let best = 0;
  for (let r = 1; r < rows; r++) if (levels[c * rows + r]! > levels[c * rows + best]!) best = r;
  return best;
}

describe('spectrum columns', () => {
  const layout = spectrumLayout(RATE, 96);
  const analyser = new SpectrumAnalyser(layout);

  it('puts a tone in the row of its frequency, at its level on the dBFS scale', () => {
    for (const hz of [300, 1000, 4000]) {
      const levels = analyser.columns(sine(hz, 1, 0.05), 22_050, 441, 4);
      const row = loudestRow(levels, 96, 1);
      // Low rows are narrower than an FFT bin: the tone fills every row sharing its bin.
      let top = row;
      while (levels[96 + top + 1] === levels[96 + row]) top++;
      const [lo, hi] = [rowFrequency(layout, row - 1), rowFrequency(layout, top + 1)];
      expect(hz).toBeGreaterThan(lo);
      expect(hz).toBeLessThan(hi);
      // -26 dBFS (amplitude 0.05), within the Hann window's scalloping loss (1.4 dB).
      const expected = ((-26 - FLOOR_DB) * 255) / (CEIL_DB - FLOOR_DB);
      expect(levels[96 + row]!).toBeGreaterThan(expected - 6);
      expect(levels[96 + row]!).toBeLessThanOrEqual(Math.ceil(expected) + 1);
    }
  });

  it('draws silence as level 0 and places a tone by time', () => {
    // 1 s silence, then 1 s of 1 kHz: columns every 0.1 s.
    const signal = new Float32Array(2 * RATE);
    signal.set(sine(1000, 1, 0.5), RATE);
    const levels = analyser.columns(signal, 0.05 * RATE, 0.1 * RATE, 20);
    const toneRow = loudestRow(levels, 96, 15);
    for (let c = 0; c < 9; c++) expect(Math.max(...levels.subarray(c * 96, (c + 1) * 96))).toBe(0);
    for (let c = 11; c < 20; c++) expect(levels[c * 96 + toneRow]!).toBeGreaterThan(180);
  });

  it('spans 0 to 8 kHz on a mel scale (rows widen with frequency)', () => {
    expect(rowFrequency(layout, 0)).toBeLessThan(60);
    expect(rowFrequency(layout, 95)).toBeGreaterThan(7700);
    expect(rowFrequency(layout, 95)).toBeLessThan(8000);
    expect(rowFrequency(layout, 95) - rowFrequency(layout, 94)).toBeGreaterThan(3 * (rowFrequency(layout, 1) - rowFrequency(layout, 0)));
  });
});

describe('spectrogram tiles', () => {
  it('covers the view, centre first, and prefetches one tile each side', () => {
    const { visible, ahead } = tilesForView(10 * TILE_COLUMNS + 40, 3 * TILE_COLUMNS, 50, 3 * 3600);
    expect(visible.map((t) => t.first / TILE_COLUMNS).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(visible[0]!.first / TILE_COLUMNS).toBe(11);
    expect(ahead.map((t) => t.first / TILE_COLUMNS)).toEqual([14, 9]);
    expect(visible[0]!.secondsPerColumn).toBe(1 / 50);
  });

  it('clips the last tile at the end of the audio', () => {
    const { visible, ahead } = tilesForView(0, 1000, 100, (2 * TILE_COLUMNS + 44) / 100);
    expect(visible.map((t) => [t.first, t.columns]).sort((x, y) => x[0]! - y[0]!)).toEqual([[0, TILE_COLUMNS], [TILE_COLUMNS, TILE_COLUMNS], [2 * TILE_COLUMNS, 44]]);
    expect(ahead).toEqual([]);
  });

  it('keys tiles by zoom, so another zoom never reuses them', () => {
    expect(tilesForView(0, 10, 50, 60).visible[0]!.key).not.toBe(tilesForView(0, 10, 62.5, 60).visible[0]!.key);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new TileCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c'), cache.size]).toEqual([true, false, true, 2]);
  });

  it('keeps the bytes of its entries within its bound, dropping the least recently used', () => {
    const cache = new TileCache<Uint8Array>(Infinity, 3000, (levels) => levels.byteLength);
    for (const key of ['a', 'b', 'c']) cache.set(key, new Uint8Array(1000));
    cache.get('a');
    cache.set('d', new Uint8Array(500));
    expect([cache.has('a'), cache.has('b'), cache.has('c'), cache.has('d'), cache.bytes]).toEqual([true, false, true, true, 2500]);
    // Replacing an entry counts its new size, not both.
    cache.set('c', new Uint8Array(1500));
    expect([cache.size, cache.bytes]).toEqual([3, 3000]);
    // One entry over the bound on its own stays: it is the tile being drawn.
    cache.set('e', new Uint8Array(4000));
    expect([cache.size, cache.has('e'), cache.bytes]).toEqual([1, true, 4000]);
  });

  it('never asks a tile to read more than MAX_TILE_SAMPLES', () => {
    const px = minSpectrogramPxPerSec(RATE);
    expect((TILE_COLUMNS / px) * RATE).toBeCloseTo(MAX_TILE_SAMPLES);
  });
});

describe('WAV header', () => {
  function header(format: number, bits: number, extra = 0): Uint8Array {
    const b = new Uint8Array(44 + extra);
    const v = new DataView(b.buffer);
    const ascii = (at: number, s: string) => { for (let i = 0; i < 4; i++) b[at + i] = s.charCodeAt(i); };
    ascii(0, 'RIFF');
    ascii(8, 'WAVE');
    ascii(12, 'fmt ');
    v.setUint32(16, 16, true);
    v.setUint16(20, format, true);
    v.setUint16(22, 2, true);
    v.setUint32(24, 48_000, true);
    v.setUint16(34, bits, true);
    if (extra) {
      ascii(36, 'LIST');
      v.setUint32(40, extra - 8, true);
    }
    ascii(36 + extra, 'data');
    v.setUint32(40 + extra, 4000, true);
    return b;
  }

  it('finds the data of 16-bit PCM past other chunks', () => {
    expect(parseWavHeader(header(1, 16))).toEqual({ channels: 2, sampleRate: 48_000, dataOffset: 44, dataBytes: 4000 });
    expect(parseWavHeader(header(1, 16, 26))?.dataOffset).toBe(70);
  });

  it('leaves float or 24-bit WAV and other files to the decoder', () => {
    expect(parseWavHeader(header(3, 32))).toBeNull();
    expect(parseWavHeader(header(1, 24))).toBeNull();
    expect(parseWavHeader(new TextEncoder().encode('ID3\u0004 not a wav at all'))).toBeNull();
  });
});

describe('WAV frames in chunks', () => {
  it('mixes 16-bit stereo to mono the same however the bytes are cut, and stops at the window', () => {
    const left = [0, 16384, -32768, 32767, -2, 100];
    const right = [0, 16384, -32768, -32767, 2, -300];
    const bytes = new Uint8Array(new Int16Array(left.flatMap((l, i) => [l, right[i]!])).buffer);
    const expected = left.map((l, i) => (l + right[i]!) / 65536);
    for (const cuts of [[bytes.length], [1, 3, 5, 24], [2, 7, 8, 9, 23], [4, 4, 4, 12]]) {
      // Room for 5 frames after 2 of silence: the sixth frame is dropped.
      const out = new Float32Array(7);
      const mix = frameMixer(2, out, 2);
      let at = 0;
      for (const size of cuts) {
        mix(bytes.subarray(at, Math.min(bytes.length, at + size)));
        at += size;
      }
      expect(Array.from(out)).toEqual([0, 0, ...expected.slice(0, 5)]);
    }
  });
});
