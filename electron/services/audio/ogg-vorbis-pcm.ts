/**
 * Ogg Vorbis as a PcmSource (see pcm-wav.ts). Chromium's own seeking in Ogg Vorbis lands
 * up to 0.6 s off (`npm run bench -- seek`), so it is played as PCM decoded from the right
 * page instead. An index of the pages' granule positions (sample counts) is read once.
 * Decoding restarts after the header pages at two pages before the one holding the
 * sample; the decoder hands out a page's samples when the next page arrives, so after
 * feeding page p, its output ends at granule(p - 1): that places every block exactly
 * (checked against a decode from the start, sample for sample).
 */
import { open } from 'node:fs/promises';
import { readAt } from './read-at';
import type { PcmSource } from './pcm-wav';

interface OggPage {
  offset: number;
  size: number;
  granule: number;
}

const PRE_ROLL_PAGES = 2;

export interface VorbisPcm extends PcmSource {
  pages: readonly OggPage[];
}

/** Indexes the pages (one pass over their headers); null unless the file is an Ogg Vorbis stream. */
export async function openVorbisPcm(path: string): Promise<VorbisPcm | null> {
  const file = await open(path, 'r');
  const pages: OggPage[] = [];
  let channels = 0;
  let sampleRate = 0;
  try {
    const size = (await file.stat()).size;
    let at = 0;
    const head = new Uint8Array(27 + 255);
    while (at + 27 <= size) {
      const { bytesRead } = await file.read(head, 0, head.length, at);
      if (bytesRead < 27 || head[0] !== 0x4f || head[1] !== 0x67 || head[2] !== 0x67 || head[3] !== 0x53) break;
      const granule = Number(new DataView(head.buffer, 6, 8).getBigInt64(0, true));
      const segments = head[26]!;
      let body = 0;
      for (let i = 0; i < segments; i++) body += head[27 + i]!;
      if (pages.length === 0) {
        // The identification header: "\x01vorbis", version (4), channels (1), rate (4).
        const id = await readAt(file, at + 27 + segments, 16);
        if (String.fromCharCode(...id.subarray(1, 7)) !== 'vorbis') return null;
        channels = id[11]!;
        sampleRate = new DataView(id.buffer, id.byteOffset + 12, 4).getUint32(0, true);
      }
      pages.push({ offset: at, size: 27 + segments + body, granule });
      at += 27 + segments + body;
    }
  } finally {
    await file.close();
  }
  const firstAudio = pages.findIndex((p) => p.granule > 0);
  if (firstAudio < 1 || !channels || !sampleRate) return null;
  const totalSamples = pages[pages.length - 1]!.granule;
  return {
    pages,
    sampleRate,
    channels,
    totalSamples,
    async *from(sample: number) {
      const holding = pages.findIndex((p) => p.granule >= sample);
      const first = Math.max(firstAudio, (holding === -1 ? pages.length - 1 : holding) - PRE_ROLL_PAGES);
      const input = await open(path, 'r');
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      const decoder = new OggVorbisDecoder();
      await decoder.ready;
      try {
        await decoder.decode(await readAt(input, 0, pages[firstAudio]!.offset)); // the header pages
        for (let p = first; p < pages.length; p++) {
          const page = pages[p]!;
          const decoded = await decoder.decode(await readAt(input, page.offset, page.size));
          if (decoded.samplesDecoded > 0) {
            const end = pages[p - 1]!.granule;
            yield { start: end - decoded.samplesDecoded, channelData: decoded.channelData, samples: decoded.samplesDecoded };
          }
        }
        // The last page's samples come with the flush.
        const rest = await decoder.flush();
        if (rest.samplesDecoded > 0) yield { start: pages[pages.length - 1]!.granule - rest.samplesDecoded, channelData: rest.channelData, samples: rest.samplesDecoded };
      } finally {
        decoder.free();
        await input.close();
      }
    },
  };
}

