/**
 * Tells text from binary by the bytes, before any decoding: known file signatures
 * ("magic numbers": an MP3 or a PNG renamed `.vtt`) are named, and otherwise a file is
 * binary only when control bytes are a real share of it. One NUL is not enough: the
 * WebVTT parser reads NUL as U+FFFD, so a transcript with a stray NUL still opens.
 * UTF-16 without a BOM is recognised by its zero bytes (every other byte is 0 for
 * Latin text), instead of being called binary for them.
 *
 * Pure (no Node APIs): the file reader (electron/services/transcript-file.ts) calls
 * `classifyBytes` on what it read and decodes with the encoding found.
 */
export type TextEncodingFamily = 'utf-8' | 'utf-16le' | 'utf-16be';

export type ByteClass =
  /** `bom`: the bytes start with this encoding's byte-order mark. */
  | { kind: 'text'; encoding: TextEncodingFamily; bom: boolean }
  /** `what`: a phrase for a message, e.g. "an MP3 file" ("this is an MP3 file, not a transcript"). */
  | { kind: 'binary'; what: string };

/** Bytes looked at for UTF-16 and control-byte shares. */
export const SAMPLE_BYTES = 64 * 1024;
/** More than this share of control bytes (besides tab, line breaks, form feed) is binary. */
export const MAX_CONTROL_SHARE = 0.05;
/** ...and at least this many of them: a short file with two NULs is still text. */
const MIN_CONTROL_BYTES = 8;

type Magic = { at?: number; bytes: readonly number[] | string; what: string; also?: (b: Uint8Array) => boolean };

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const MAGIC: readonly Magic[] = [
  { bytes: 'ID3', what: 'an MP3 file', also: (b) => b[3]! >= 2 && b[3]! <= 4 && b[4]! < 0xff },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: 'GIF87a', what: 'a GIF image' },
  { bytes: 'GIF89a', what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a .docx/.odt, which are ZIPs)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive' },
  { bytes: '%PDF-', what: 'a PDF document' },
  { bytes: 'OggS\u0000', what: 'an Ogg audio file' },
  { bytes: 'fLaC', what: 'a FLAC audio file' },
  { bytes: 'RIFF', what: 'a WAV audio file', also: (b) => startsWith(b, ascii('WAVE'), 8) },
  { bytes: 'RIFF', what: 'a WebP image', also: (b) => startsWith(b, ascii('WEBP'), 8) },
  { bytes: 'RIFF', what: 'an AVI video', also: (b) => startsWith(b, ascii('AVI '), 8) },
  { bytes: 'RIFF', what: 'a RIFF media file' },
  { at: 4, bytes: 'ftyp', what: 'an MP4/M4A media file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a Matroska/WebM media file' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: 'Rar!\u001a\u0007', what: 'a RAR archive' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2 archive', also: (b) => startsWith(b, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4) },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document' },
  { bytes: 'SQLite format 3\u0000', what: 'an SQLite database' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
];

/** MPEG audio frame sync without an ID3 tag: 11 set bits, a valid layer (MP3 or AAC ADTS). */
function mpegAudio(b: Uint8Array): string | null {
  if (b.length < 4 || b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return null;
  const layer = (b[1]! >> 1) & 3;
  if (layer === 0) return (b[1]! & 0xf6) === 0xf0 ? 'an AAC audio file' : null;
  const bitrate = b[2]! >> 4;
  return bitrate !== 0 && bitrate !== 15 && (b[2]! & 0x0c) !== 0x0c ? 'an MP3 file' : null;
}

export function classifyBytes(bytes: Uint8Array): ByteClass {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bom: true };
  for (const m of MAGIC) {
    const sig = typeof m.bytes === 'string' ? ascii(m.bytes) : m.bytes;
    if (startsWith(bytes, sig, m.at ?? 0) && (!m.also || m.also(bytes))) return { kind: 'binary', what: m.what };
  }
  const mpeg = mpegAudio(bytes);
  if (mpeg) return { kind: 'binary', what: mpeg };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { kind: 'text', encoding: utf16, bom: false };
  let control = 0;
  // Indexed, not for-of: the iterator made this loop half of File ▸ Open's classification time.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  if (control >= MIN_CONTROL_BYTES && control > sample.length * MAX_CONTROL_SHARE) {
    return { kind: 'binary', what: `binary data (${Math.round((100 * control) / sample.length)}% control bytes)` };
  }
  return { kind: 'text', encoding: 'utf-8', bom: false };
}

/**
 * UTF-16 without a BOM: in Latin-script text every other byte is zero (the high byte
 * of each code unit). Most of one parity zero and almost none of the other decides it.
 */
function utf16WithoutBom(b: Uint8Array): TextEncodingFamily | null {
  const units = b.length >> 1;
  if (units < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  if (oddZero > units * 0.4 && evenZero < units * 0.05) return 'utf-16le';
  if (evenZero > units * 0.4 && oddZero < units * 0.05) return 'utf-16be';
  return null;
}
