/**
 * Tells which decoder a file needs from its first bytes (never from its extension: users
 * rename files, and podcast hosts serve MP3 as `.m4a` and the reverse).
 */
export type AudioFormat = 'mp3' | 'wav' | 'flac' | 'ogg-vorbis' | 'ogg-opus' | 'mp4' | 'unknown';

/** Reads the container/codec from the file's first bytes (4 KiB is plenty). */
export function sniffAudioFormat(head: Uint8Array): AudioFormat {
  const ascii = (from: number, length: number) => String.fromCharCode(...head.subarray(from, from + length));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') {
    // The first page holds the codec's identification header right after the segment table.
    const segments = head[26] ?? 0;
    const body = 27 + segments;
    if (ascii(body, 8) === 'OpusHead') return 'ogg-opus';
    if (ascii(body + 1, 6) === 'vorbis') return 'ogg-vorbis';
    return 'unknown';
  }
  if (ascii(4, 4) === 'ftyp') return 'mp4';
  if (ascii(0, 3) === 'ID3') return 'mp3';
  // A bare MPEG audio frame: 11 sync bits, layer III.
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ((head[1] ?? 0) & 0x06) === 0x02) return 'mp3';
  return 'unknown';
}
