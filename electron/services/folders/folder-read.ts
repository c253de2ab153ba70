/**
 * Reading a folder's transcripts for search, replace previews and the sidebar's figures,
 * at folder scale. File ▸ Open's reader (transcript-file.ts) costs about 1.2 ms a file
 * here, nearly all of it outside the disk: five awaited calls per file, a copy of the
 * bytes, the text-or-binary check (a JavaScript loop over the first 64 KB) and the
 * line-ending count. This reader gives the same text, encoding and messages with:
 * - one open, fstat, read and close, synchronous and into one buffer kept for the job
 *   (a 100 KB file is read in well under a millisecond, so the job still yields between files);
 * - the text-or-binary check of classifyBytes answered by the regex engine over its
 *   sample wherever that sample holds no control byte (see classifyQuickly);
 * - a pre-filter on the raw bytes: a file that holds none of the text every match needs
 *   (shared/folders/required-text.ts) is neither decoded nor parsed (a binary file is
 *   still reported);
 * - a small cache of each file's encoding keyed by (dev, ino, size, mtime), so a file
 *   read before as UTF-8 is decoded straight away; the text itself is never kept.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { classifyBytes, SAMPLE_BYTES, type ByteClass } from '../../../shared/formats/binary';
import { escapeRegExp } from '../../../shared/folders/folder-query';
import type { RequiredText } from '../../../shared/folders/required-text';
import { decodeTranscript, MAX_TRANSCRIPT_BYTES, type TextEncodingName } from '../transcript-file';
import { errnoText } from '../user-file';

export type FolderRead =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; message: string }
  /** The file cannot hold a match: not decoded. */
  | { ok: 'skipped' };

/** File signatures sit at the start of a file: this many bytes hold every one classifyBytes knows. */
const HEAD_BYTES = 4096;
/** What classifyBytes counts as control bytes: below 0x20 but tab, LF, FF and CR. */
const CONTROL_BYTE = /[\x00-\x08\x0b\x0e-\x1f]/;
/** Encodings remembered at most (about 100 bytes each). */
const CACHE_ENTRIES = 20_000;

interface Known { dev: number; ino: number; size: number; mtimeMs: number; encoding: TextEncodingName }

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });


/** Tells whether a file's raw bytes may hold a match. */
export type BytesFilter = (bytes: Buffer) => boolean;

/** A filter passing the bytes that hold one of `required` (and any it cannot tell about). */
export function bytesFilter(required: readonly RequiredText[]): BytesFilter {
  const exact = required.filter((r) => !r.ignoreCase).map((r) => Buffer.from(r.text, 'latin1'));
  const blind = required.filter((r) => r.ignoreCase).map((r) => new RegExp(escapeRegExp(r.text), 'i'));
  return (bytes) => {
    // UTF-16 (with a BOM, or found by its zero bytes) does not hold ASCII as ASCII bytes.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.indexOf(0) !== -1) return true;
    if (exact.some((text) => bytes.indexOf(text) !== -1)) return true;
    if (!blind.length) return false;
    // One character per byte, so a case-blind search for ASCII sees the bytes as they are.
    const latin1 = bytes.toString('latin1');
    return blind.some((re) => re.test(latin1));
  };
}

/**
 * classifyBytes(bytes), at a fraction of its cost (it walks its 64 KB sample twice in
 * JavaScript). When that sample holds no control byte, classifyBytes has no share of
 * control bytes and no zero bytes (its UTF-16 test) to count, so only the BOM and the
 * signatures at the start decide, and those a head of the bytes holds: the sample is
 * checked by the regex engine, and only the head is classified. Otherwise, all of it.
 */
export function classifyQuickly(bytes: Uint8Array): ByteClass {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (CONTROL_BYTE.test(view.toString('latin1', 0, Math.min(view.length, SAMPLE_BYTES)))) return classifyBytes(bytes);
  return classifyBytes(bytes.subarray(0, HEAD_BYTES));
}

export class FolderReader {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private readonly known = new Map<string, Known>();

  /**
   * The file's text as File ▸ Open reads it (same encoding rules and messages), or
   * 'skipped' when `filter` is given and says the file cannot match.
   */
  read(path: string, filter: BytesFilter | null = null): FolderRead {
    const raw = this.readBytes(path);
    if ('message' in raw) return { ok: false, message: raw.message };
    const { bytes, info } = raw;
    const known = this.known.get(path);
    const same = known !== undefined && known.dev === info.dev && known.ino === info.ino && known.size === info.size && known.mtimeMs === info.mtimeMs;
    // Text (or not) and UTF-8 (the usual case) from the encoding read before, or the quick check.
    const found = same || bytes.length === 0 ? null : classifyQuickly(bytes);
    const text = same || found?.kind === 'text';
    const utf8 = same ? known.encoding.startsWith('utf-8') : found?.kind === 'text' && found.encoding === 'utf-8';
    // A file that cannot match is passed over undecoded; one that is not text is reported.
    if (filter && text && !filter(bytes)) return { ok: 'skipped' };
    if (utf8) {
      try {
        const text = UTF8.decode(bytes);
        const encoding = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
        if (!same) this.remember(path, { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, encoding });
        return { ok: true, text, encoding };
      } catch {
        // Not valid UTF-8 (or changed within the same mtime): decoded as File ▸ Open decodes it, below.
      }
    }
    const decoded = decodeTranscript(bytes);
    if ('error' in decoded) return { ok: false, message: `${basename(path)}:${decoded.line}:${decoded.column}: ${decoded.error}` };
    this.remember(path, { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, encoding: decoded.encoding });
    return { ok: true, text: decoded.text, encoding: decoded.encoding };
  }

  /** Lets the buffer go after a job (it grows to the largest file read). */
  release(): void {
    if (this.buffer.length > 256 * 1024) this.buffer = Buffer.allocUnsafe(256 * 1024);
  }

  private remember(path: string, known: Known): void {
    this.known.delete(path);
    this.known.set(path, known);
    if (this.known.size > CACHE_ENTRIES) this.known.delete(this.known.keys().next().value!);
  }

  /**
   * The whole file, checked on its open descriptor as readBounded does (a FIFO or device
   * refused at once, never waited on; the size bounded by the bytes read, not by fstat).
   * The bytes are a view of the reader's buffer, valid until the next read.
   */
  private readBytes(path: string): { bytes: Buffer; info: Stats } | { message: string } {
    const name = basename(path);
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      return { message: `${name}: cannot read (${errnoText(error)}).` };
    }
    try {
      const info = fstatSync(fd);
      if (info.isDirectory()) return { message: `${name}: is a folder, not a transcript file.` };
      if (!info.isFile()) return { message: `${name}: is not a regular file (a FIFO, socket or device); refused.` };
      const tooLarge = { message: `${name}: too large for a transcript (limit ${MAX_TRANSCRIPT_BYTES / 1048576} MB).` };
      if (info.size > MAX_TRANSCRIPT_BYTES) return tooLarge;
      // One byte more than fstat says: a short read is the end, a full one means the file grew.
      if (this.buffer.length < info.size + 1) this.buffer = Buffer.allocUnsafe(Math.max(info.size + 1, this.buffer.length * 2));
      let total = 0;
      for (;;) {
        const n = readSync(fd, this.buffer, total, this.buffer.length - total, null);
        total += n;
        if (total > MAX_TRANSCRIPT_BYTES) return tooLarge;
        if (n === 0 || total < this.buffer.length) break;
        const grown = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, MAX_TRANSCRIPT_BYTES + 1));
        this.buffer.copy(grown);
        this.buffer = grown;
      }
      return { bytes: this.buffer.subarray(0, total), info };
    } catch (error) {
      return { message: `${name}: cannot read (${errnoText(error)}).` };
    } finally {
      closeSync(fd);
    }
  }
}
