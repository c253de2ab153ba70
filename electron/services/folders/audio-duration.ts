/**
 * An audio file's duration from its header, where that is cheap: an MP3's frame count
 * (Xing/Info header or LAME tag, else its size over the first frame's), a WAV's data size
 * over its byte rate. Other formats (FLAC, Ogg, M4A) give null: the sidebar shows no
 * duration rather than decode a file to learn it.
 */
import { open } from 'node:fs/promises';
import { sniffAudioFormat } from '../audio/audio-format';
import { readMp3Layout } from '../audio/mp3-layout';
import { readAt } from '../audio/read-at';

export async function audioDuration(path: string): Promise<number | null> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return null;
  try {
    const head = await readAt(file, 0, 4096);
    const format = sniffAudioFormat(head);
    if (format === 'wav') return wavDuration(head, (await file.stat()).size);
    if (format !== 'mp3') return null;
  } finally {
    await file.close();
  }
  const layout = await readMp3Layout(path).catch(() => null);
  if (!layout) return null;
  return (layout.totalSamples ?? layout.frames * layout.samplesPerFrame) / layout.sampleRate;
}

/** RIFF chunks: `fmt ` gives the byte rate, `data` the size (clipped to the file, as writers that stream leave it 0 or huge). */
function wavDuration(head: Uint8Array, fileSize: number): number | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.length;) {
    const id = String.fromCharCode(...head.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 20 <= head.length) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      if (!byteRate) return null;
      const bytes = Math.min(size || Infinity, fileSize - at - 8);
      return bytes / byteRate;
    }
    at += 8 + size + (size & 1);
  }
  return null;
}
