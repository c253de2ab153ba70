/**
 * The two checks every file the app touches goes through, before anything looks at its
 * name: where it really is (realpath, so a symlink's target is judged, not its name) and
 * what it is (a regular file; never a FIFO or device, which would block or never end).
 * Reads are bounded by the bytes actually read, since `stat().size` is 0 for /dev/zero.
 */
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';

export type Resolved = { ok: true; real: string; size: number } | { ok: false; message: string };

export interface ResolveOptions {
  /**
   * The folder the file must really be in (realpath'd too). Defaults to the folder the
   * path names, so a symlink to a file elsewhere (`ep.vtt -> /etc/passwd`) is refused
   * while a symlinked folder (`/tmp` on macOS) is fine.
   */
  folder?: string;
  /** What the file should be, for messages ("transcript file", "audio file"). */
  kind?: string;
}

/** Resolves `path` to a regular file inside its folder, or says why not (naming the file). */
export async function resolveRegularFile(path: string, options: ResolveOptions = {}): Promise<Resolved> {
  const abs = resolve(path);
  const name = basename(abs);
  let real: string;
  let folder: string;
  try {
    real = await realpath(abs);
    folder = await realpath(options.folder ?? dirname(abs));
  } catch (error) {
    return { ok: false, message: `${name}: cannot read (${errnoText(error)}).` };
  }
  if (!isInside(real, folder)) return { ok: false, message: `${name}: is a link to a file outside its folder; refused.` };
  // stat, never open: opening a FIFO for reading blocks until a writer comes.
  const info = await stat(real).catch(() => null);
  if (!info) return { ok: false, message: `${name}: cannot read (file not found).` };
  if (info.isDirectory()) return { ok: false, message: `${name}: is a folder, not a ${options.kind ?? 'file'}.` };
  if (!info.isFile()) return { ok: false, message: `${name}: is not a regular file (a FIFO, socket or device); refused.` };
  return { ok: true, real, size: info.size };
}

export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

export type BoundedRead =
  | { ok: true; bytes: Buffer; mtimeMs: number }
  | { ok: false; kind: 'missing' | 'folder' | 'not-regular' | 'too-large' | 'error'; message: string };

/**
 * Reads a whole regular file of at most `maxBytes`. The file is opened non-blocking and
 * checked on the open descriptor (so it cannot be swapped between the check and the
 * read); a FIFO or device is refused at once, and a file that grows past the limit while
 * read is refused when the limit is passed, not after reading it all.
 */
export async function readBounded(path: string, maxBytes: number): Promise<BoundedRead> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, kind: code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : 'error', message: `${name}: cannot read (${errnoText(error)}).` };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, kind: 'folder', message: `${name}: is a folder, not a transcript file.` };
    if (!info.isFile()) return { ok: false, kind: 'not-regular', message: `${name}: is not a regular file (a FIFO, socket or device); refused.` };
    const tooLarge = { ok: false as const, kind: 'too-large' as const, message: `${name}: larger than ${maxBytes >= 1048576 ? `${Math.round(maxBytes / 1048576)} MB` : `${maxBytes} bytes`}; refused.` };
    if (info.size > maxBytes) return tooLarge;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit tells "exactly the limit" from "more".
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(info.size - total + 1, 64 * 1024), maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return tooLarge;
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), mtimeMs: info.mtimeMs };
  } catch (error) {
    return { ok: false, kind: 'error', message: `${name}: cannot read (${errnoText(error)}).` };
  } finally {
    await handle.close();
  }
}

export function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
