/**
 * Streaming WAV (RIFF/WAVE) reader: integer PCM 8/16/24/32-bit and 32/64-bit float,
 * plain or WAVE_FORMAT_EXTENSIBLE. Written here because it is a header walk and a
 * sample loop; a library would buffer the whole file, which is what we must avoid.
 */
import type { DecodedChunk, StreamDecoder } from './stream-decoder';

const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

interface WavFormat {
  code: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign: number;
}

export class WavDecoder implements StreamDecoder {
  /** Bytes not yet consumed: the header while it is incomplete, then a partial sample frame. */
  private pending: Uint8Array = new Uint8Array(0);
  private format: WavFormat | null = null;
  /** Bytes of the `data` chunk still to read (RIFF sizes bound it; trailing chunks are skipped). */
  private dataLeft = 0;
  private inData = false;
  private done = false;

  async decode(bytes: Uint8Array): Promise<DecodedChunk | null> {
    if (this.done) return null;
    this.pending = concat(this.pending, bytes);
    if (!this.inData && !this.readHeader()) return null;
    const format = this.format!;
    const usable = Math.min(this.pending.length, this.dataLeft);
    const frames = Math.floor(usable / format.blockAlign);
    if (frames === 0) return null;
    const take = frames * format.blockAlign;
    const chunk = this.convert(this.pending.subarray(0, take), frames, format);
    this.pending = this.pending.slice(take);
    this.dataLeft -= take;
    if (this.dataLeft < format.blockAlign) this.done = true;
    return chunk;
  }

  async flush(): Promise<DecodedChunk | null> {
    return null;
  }

  free(): void {
    this.pending = new Uint8Array(0);
  }

  /** Walks the RIFF chunks up to `data`; false while more bytes are needed. Throws on a non-WAV. */
  private readHeader(): boolean {
    const b = this.pending;
    if (b.length < 12) return false;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (tag(b, 0) !== 'RIFF' || tag(b, 8) !== 'WAVE') throw new Error('not a WAV file');
    let offset = 12;
    while (offset + 8 <= b.length) {
      const id = tag(b, offset);
      const size = view.getUint32(offset + 4, true);
      if (id === 'data') {
        if (!this.format) throw new Error('WAV data before its fmt chunk');
        // Streams written before their length is known carry 0 or 0xFFFFFFFF: read to the end.
        this.dataLeft = size === 0 || size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
        this.pending = b.slice(offset + 8);
        this.inData = true;
        return true;
      }
      if (offset + 8 + size > b.length) return false;
      if (id === 'fmt ') this.format = readFmt(view, offset + 8, size);
      offset += 8 + size + (size & 1);
    }
    return false;
  }

  private convert(bytes: Uint8Array, frames: number, f: WavFormat): DecodedChunk {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const channelData = Array.from({ length: f.channels }, () => new Float32Array(frames));
    const bytesPerSample = f.bitsPerSample / 8;
    const read = sampleReader(f);
    for (let i = 0; i < frames; i++) {
      const base = i * f.blockAlign;
      for (let c = 0; c < f.channels; c++) channelData[c]![i] = read(view, base + c * bytesPerSample);
    }
    return { channelData, samples: frames, sampleRate: f.sampleRate };
  }
}

function readFmt(view: DataView, at: number, size: number): WavFormat {
  let code = view.getUint16(at, true);
  const format: WavFormat = {
    code,
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    blockAlign: view.getUint16(at + 12, true),
    bitsPerSample: view.getUint16(at + 14, true),
  };
  if (code === EXTENSIBLE && size >= 26) code = view.getUint16(at + 24, true);
  format.code = code;
  if (code !== PCM && code !== FLOAT) throw new Error(`WAV encoding ${code} is not PCM`);
  if (format.channels < 1 || format.sampleRate < 1 || format.blockAlign < 1) throw new Error('WAV header is damaged');
  if (![8, 16, 24, 32, 64].includes(format.bitsPerSample)) throw new Error(`WAV with ${format.bitsPerSample}-bit samples is not supported`);
  return format;
}

function sampleReader(f: WavFormat): (view: DataView, at: number) => number {
  if (f.code === FLOAT) {
    return f.bitsPerSample === 64 ? (v, at) => v.getFloat64(at, true) : (v, at) => v.getFloat32(at, true);
  }
  switch (f.bitsPerSample) {
    case 8: return (v, at) => (v.getUint8(at) - 128) / 128;
    case 16: return (v, at) => v.getInt16(at, true) / 32768;
    case 24: return (v, at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608);
    default: return (v, at) => v.getInt32(at, true) / 2147483648;
  }
}

function tag(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
