/**
 * Peaks on disk in BBC audiowaveform's binary `.dat` format, version 2, so the cache
 * files can be inspected with `audiowaveform` itself. Layout (all little-endian):
 *
 *   offset  size  field
 *   0       i32   version = 2
 *   4       u32   flags: bit 0 set = 8-bit samples, clear = 16-bit
 *   8       i32   sample rate of the audio (Hz)
 *   12      i32   samples per pixel (audio samples folded into one min/max pair)
 *   16      u32   length: number of pixels (min/max pairs per channel)
 *   20      i32   channels (v2 only)
 *   24      ...   data: for each pixel, for each channel, min then max
 *                 (int8 when 8-bit, int16 when 16-bit)
 *
 * We write 8-bit, one channel (the min/max over all channels).
 */
import type { PeaksHeader } from './decode-peaks';

const HEADER_BYTES = 24;
const FLAG_8_BIT = 1;

export interface StoredPeaks extends PeaksHeader {
  pairs: Int8Array;
}

export function encodeDat(peaks: StoredPeaks): Uint8Array {
  const pixels = peaks.pairs.length / 2;
  const out = new Uint8Array(HEADER_BYTES + peaks.pairs.length);
  const view = new DataView(out.buffer);
  view.setInt32(0, 2, true);
  view.setUint32(4, FLAG_8_BIT, true);
  view.setInt32(8, peaks.sampleRate, true);
  view.setInt32(12, peaks.samplesPerPeak, true);
  view.setUint32(16, pixels, true);
  view.setInt32(20, 1, true);
  out.set(new Uint8Array(peaks.pairs.buffer, peaks.pairs.byteOffset, peaks.pairs.byteLength), HEADER_BYTES);
  return out;
}

/** Reads a `.dat` v1 or v2 file (8- or 16-bit, any channel count, folded to one); null when damaged. */
export function decodeDat(bytes: Uint8Array): StoredPeaks | null {
  if (bytes.length < 20) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getInt32(0, true);
  if (version !== 1 && version !== 2) return null;
  const eightBit = (view.getUint32(4, true) & FLAG_8_BIT) !== 0;
  const sampleRate = view.getInt32(8, true);
  const samplesPerPeak = view.getInt32(12, true);
  const pixels = view.getUint32(16, true);
  const channels = version === 2 ? view.getInt32(20, true) : 1;
  const start = version === 2 ? HEADER_BYTES : 20;
  const width = eightBit ? 1 : 2;
  if (sampleRate <= 0 || samplesPerPeak <= 0 || channels <= 0) return null;
  if (bytes.length !== start + pixels * channels * 2 * width) return null;
  const pairs = new Int8Array(pixels * 2);
  if (eightBit && channels === 1) {
    pairs.set(new Int8Array(bytes.buffer, bytes.byteOffset + start, pixels * 2));
  } else {
    for (let p = 0; p < pixels; p++) {
      let min = 127;
      let max = -128;
      for (let c = 0; c < channels; c++) {
        const at = start + (p * channels + c) * 2 * width;
        const lo = eightBit ? view.getInt8(at) : view.getInt16(at, true) >> 8;
        const hi = eightBit ? view.getInt8(at + width) : view.getInt16(at + width, true) >> 8;
        if (lo < min) min = lo;
        if (hi > max) max = hi;
      }
      pairs[2 * p] = min;
      pairs[2 * p + 1] = max;
    }
  }
  return { sampleRate, samplesPerPeak, pairs };
}
