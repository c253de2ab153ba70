/**
 * Reads and writes transcript files as users have them: the encoding (UTF-8 with or
 * without BOM, UTF-16 LE/BE with BOM, Windows-1252 when the bytes are not UTF-8) and the
 * line endings are detected on read and kept on save, and saves are atomic (temp file in
 * the same folder, fsync, rename) so a crash or power cut leaves the old or the new file,
 * never half of one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, readdir } from 'node:fs/promises';
import { classifyBytes } from '../../shared/formats/binary';
import { readBounded } from './user-file';
import { basename, dirname, join } from 'node:path';

/** `-nobom`: UTF-16 found by its zero bytes, with no byte-order mark; saved without one too. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-nobom' | 'utf-16be-nobom' | 'windows-1252';
export type LineEnding = '\n' | '\r\n' | '\r' | 'mixed' | 'none';

export interface ReadOk {
  ok: true;
  path: string;
  text: string;
  encoding: TextEncodingName;
  eol: LineEnding;
  /** Something the user should know about how the file was read. */
  notice?: string;
  size: number;
  mtimeMs: number;
}
export interface ReadFailed {
  ok: false;
  path: string;
  message: string;
}

/** Larger files are refused before reading: a 3-hour transcript is ~200 KB. */
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

export async function readTranscriptFile(path: string): Promise<ReadOk | ReadFailed> {
  const name = basename(path);
  // Bounded by the bytes read (stat says 0 for /dev/zero); a FIFO or device is refused, never waited on.
  const read = await readBounded(path, MAX_TRANSCRIPT_BYTES);
  if (!read.ok) {
    if (read.kind === 'too-large') return { ok: false, path, message: `${name}: too large for a transcript (limit ${MAX_TRANSCRIPT_BYTES / 1048576} MB).` };
    return { ok: false, path, message: read.message };
  }
  const bytes = read.bytes;
  const decoded = decodeTranscript(bytes);
  if ('error' in decoded) return { ok: false, path, message: `${name}:${decoded.line}:${decoded.column}: ${decoded.error}` };
  return { ok: true, path, ...decoded, eol: detectLineEnding(decoded.text), size: bytes.length, mtimeMs: read.mtimeMs };
}

type Decoded = { text: string; encoding: TextEncodingName; notice?: string } | { error: string; line: number; column: number };

export function decodeTranscript(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: 'the file is empty.', line: 1, column: 1 };
  // Text or binary by magic numbers and the share of control bytes, not by one NUL: a
  // few NULs stay in the text (the WebVTT parser reads them as U+FFFD and says so).
  const kind = classifyBytes(bytes);
  if (kind.kind === 'binary') {
    // A known signature is at the start; a share of control bytes, at the first of them.
    const { line, column } = position(bytes, kind.what.startsWith('binary data') ? firstControlByte(bytes) : 0);
    return { error: `this is a binary file (${kind.what}), not a transcript.`, line, column };
  }
  if (kind.encoding !== 'utf-8') {
    const le = kind.encoding === 'utf-16le';
    const text = new TextDecoder(kind.encoding).decode(kind.bom ? bytes.subarray(2) : bytes);
    if (kind.bom) return { text, encoding: kind.encoding };
    return {
      text,
      encoding: le ? 'utf-16le-nobom' : 'utf-16be-nobom',
      notice: `UTF-16 ${le ? 'LE' : 'BE'} without a byte-order mark; read as such and will be saved the same way.`,
    };
  }
  try {
    // ignoreBOM keeps U+FEFF in the text, so the editor and the parser see the file as it is.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: kind.bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = position(bytes, bad);
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      notice: `Not valid UTF-8 (first at line ${line}, column ${column}); read as Windows-1252 and will be saved the same way.`,
    };
  }
}

function firstControlByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! < 0x20 && ![9, 10, 12, 13].includes(bytes[i]!)) return i;
  return 0;
}

export function encodeTranscript(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom': {
      // The BOM, if any, is part of the text (U+FEFF), as it was read.
      const out = Buffer.from(text, 'utf8');
      return encoding === 'utf-8-bom' && !text.startsWith('\uFEFF') ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), out]) : out;
    }
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
    case 'utf-16be-nobom': {
      const be = Buffer.from(text, 'utf16le').swap16();
      return encoding === 'utf-16be' ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
    }
    case 'windows-1252':
      return encodeWindows1252(text);
  }
}

/**
 * Windows-1252 bytes 0x80-0x9F (the rest is Latin-1). Written out because Node's
 * TextDecoder('windows-1252') decodes that range as ISO-8859-1 control characters, and
 * Node has no 1252 encoder at all; the five unassigned bytes map to the same C1 code.
 */
const CP1252_HIGH = [0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}

let cp1252: Map<number, number> | null = null;
function encodeWindows1252(text: string): Uint8Array {
  if (!cp1252) {
    cp1252 = new Map();
    for (let b = 0; b < 256; b++) cp1252.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b, b);
  }
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = cp1252.get(text.charCodeAt(i));
    if (b === undefined) {
      throw new Error(`the character ${JSON.stringify(text[i])} cannot be saved in Windows-1252; save as UTF-8 instead`);
    }
    out[i] = b;
  }
  return out;
}

export function detectLineEnding(text: string): LineEnding {
  let crlf = 0, lf = 0, cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf ? 1 : 0) + (lf ? 1 : 0) + (cr ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? '\r\n' : lf ? '\n' : '\r';
}

/**
 * Writes atomically: a temp file beside the target (same file system, so rename is
 * atomic), fsync, rename over the target, fsync the folder. The target's mode is kept.
 */
export async function writeTranscriptFile(path: string, text: string, encoding: TextEncodingName): Promise<void> {
  const bytes = encodeTranscript(text, encoding);
  const dir = dirname(path);
  let mode = 0o644;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch {
    // New file: default mode.
  }
  await removeStaleTemps(dir, basename(path));
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDir(dir);
}

const TEMP_SUFFIX = '.cueline-tmp';

/** Temp files left by a save that was killed mid-way (the target itself is intact). */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX)).map((n) => unlink(join(dir, n)).catch(() => {})),
  );
}

async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename durable on Linux/macOS; Windows cannot open folders.
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try { await handle.sync(); } finally { await handle.close(); }
  } catch {
    // Some file systems refuse fsync on directories; the rename itself has happened.
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}

/** 1-based line and column of a byte offset (columns counted in bytes: the text is undecodable there). */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) { line++; start = i + 1; }
  return { line, column: offset - start + 1 };
}
