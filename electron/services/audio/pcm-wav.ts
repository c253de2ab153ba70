/**
 * Any decodable audio as a virtual 16-bit PCM WAV file, served by byte range. A WAV is
 * seeked by arithmetic, so `<audio>` lands exactly where asked; the PCM comes from a
 * `PcmSource` that can start decoding near any sample (an MP3 frame index, an Ogg page
 * index) and says where each decoded block sits on the timeline the peaks use.
 */
export interface PcmBlock {
  /** Timeline position of the block's first sample. */
  start: number;
  channelData: readonly Float32Array[];
  samples: number;
}

export interface PcmSource {
  sampleRate: number;
  /** Output channels. */
  channels: number;
  /** Samples on the timeline (the WAV's length). */
  totalSamples: number;
  /** Blocks in order, the first starting at or before `sample`. Closed early with `return()`. */
  from(sample: number): AsyncGenerator<PcmBlock>;
}

export const WAV_HEADER_BYTES = 44;

/** A float sample as 16-bit PCM. */
export function toInt16(x: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(x * 32767)));
}

export function wavSize(pcm: Pick<PcmSource, 'totalSamples' | 'channels'>): number {
  return WAV_HEADER_BYTES + pcm.totalSamples * pcm.channels * 2;
}

export function wavHeader(pcm: Pick<PcmSource, 'totalSamples' | 'channels' | 'sampleRate'>): Uint8Array {
  const dataBytes = pcm.totalSamples * pcm.channels * 2;
  const b = new Uint8Array(WAV_HEADER_BYTES);
  const v = new DataView(b.buffer);
  const ascii = (at: number, s: string) => { for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i); };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, pcm.channels, true);
  v.setUint32(24, pcm.sampleRate, true);
  v.setUint32(28, pcm.sampleRate * pcm.channels * 2, true);
  v.setUint16(32, pcm.channels * 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  return b;
}

/** The bytes `[start, end]` of the virtual WAV, decoded as the reader pulls them. */
export function wavRange(pcm: PcmSource, start: number, end: number): ReadableStream<Uint8Array> {
  const channels = pcm.channels;
  const blockAlign = channels * 2;
  const header = wavHeader(pcm);
  let position = start;
  let blocks: AsyncGenerator<PcmBlock> | null = null;
  let next = 0; // timeline sample the next emitted byte belongs to
  let skipBytes = 0; // a range may start inside a sample frame

  const close = async () => {
    const b = blocks;
    blocks = null;
    await b?.return(undefined);
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (position > end) {
          await close();
          controller.close();
          return;
        }
        if (position < WAV_HEADER_BYTES) {
          const part = header.subarray(position, Math.min(WAV_HEADER_BYTES, end + 1));
          position += part.length;
          controller.enqueue(part);
          return;
        }
        if (!blocks) {
          const offset = position - WAV_HEADER_BYTES;
          next = Math.floor(offset / blockAlign);
          skipBytes = offset - next * blockAlign;
          blocks = pcm.from(next);
        }
        for (;;) {
          const r = await blocks.next();
          if (r.done) {
            // The audio ended before the length the WAV promised: pad with silence.
            const silence = new Uint8Array(Math.min(end + 1 - position, 64 * 1024));
            position += silence.length;
            controller.enqueue(silence);
            return;
          }
          const block = r.value;
          const from = Math.max(0, next - block.start);
          const count = Math.min(block.samples - from, pcm.totalSamples - next);
          if (count <= 0) {
            if (next >= pcm.totalSamples) {
              await close();
              controller.close();
              return;
            }
            continue;
          }
          let bytes = new Uint8Array(count * blockAlign);
          const v = new DataView(bytes.buffer);
          for (let i = 0; i < count; i++) {
            for (let c = 0; c < channels; c++) {
              const x = (block.channelData[c] ?? block.channelData[0]!)[from + i]!;
              v.setInt16((i * channels + c) * 2, toInt16(x), true);
            }
          }
          next += count;
          if (skipBytes) {
            bytes = bytes.subarray(skipBytes);
            skipBytes = 0;
          }
          const room = end + 1 - position;
          const out = bytes.length > room ? bytes.subarray(0, room) : bytes;
          position += out.length;
          controller.enqueue(out);
          return;
        }
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}
