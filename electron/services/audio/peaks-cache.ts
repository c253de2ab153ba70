/**
 * Computed peaks kept in the app's data folder so reopening an episode draws at once.
 * A file is known by its size, modification time and a hash of its first and last MiB:
 * cheap to compute for a 3-hour file, and it changes when the audio is replaced or
 * re-encoded. Entries are `.dat` files (see peaks-dat.ts) named by that key. Reading an
 * entry bumps its mtime, and writing evicts the least recently used entries beyond the
 * size bound. Anything in the folder may be deleted at any time: a missing or damaged
 * entry is recomputed.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeDat, encodeDat, type StoredPeaks } from './peaks-dat';

const EDGE_BYTES = 1024 * 1024;
/** Bumped when the peaks' computation changes, so old entries are not reused. */
const CACHE_VERSION = 'peaks-v1';
const ENTRY = /^[0-9a-f]{64}\.dat$/;

export interface PeaksCacheOptions {
  dir: string;
  /** Largest total size of the entries; a 3-hour episode's entry is ~4 MB. */
  maxBytes?: number;
}

export class PeaksCache {
  readonly dir: string;
  private readonly maxBytes: number;

  constructor(options: PeaksCacheOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  }

  /** The identity of the audio file's content, as a cache key. */
  async keyOf(path: string): Promise<string> {
    const file = await open(path, 'r');
    try {
      const info = await file.stat();
      const hash = createHash('sha256').update(`${CACHE_VERSION}\0${info.size}\0${info.mtimeMs}\0`);
      const head = Buffer.alloc(Math.min(EDGE_BYTES, info.size));
      await file.read(head, 0, head.length, 0);
      hash.update(head);
      const tailStart = Math.max(head.length, info.size - EDGE_BYTES);
      const tail = Buffer.alloc(info.size - tailStart);
      await file.read(tail, 0, tail.length, tailStart);
      hash.update(tail);
      return hash.digest('hex');
    } finally {
      await file.close();
    }
  }

  async get(key: string): Promise<StoredPeaks | null> {
    const path = this.entryPath(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return null;
    }
    const peaks = decodeDat(bytes);
    if (!peaks) {
      await unlink(path).catch(() => undefined);
      return null;
    }
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return peaks;
  }

  /** Stores an entry (written aside, then renamed, so a crash never leaves half a file) and evicts. */
  async put(key: string, peaks: StoredPeaks): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const path = this.entryPath(key);
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, encodeDat(peaks));
    await rename(temp, path);
    await this.evict(key);
  }

  /** Deletes least recently used entries until the total fits; the entry just written stays. */
  private async evict(keep: string): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => ENTRY.test(n));
    const entries = await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(this.dir, name)).catch(() => null);
        return info ? { name, size: info.size, used: info.mtimeMs } : null;
      }),
    );
    const present = entries.filter((e) => e !== null);
    let total = present.reduce((sum, e) => sum + e.size, 0);
    present.sort((a, b) => a.used - b.used);
    for (const entry of present) {
      if (total <= this.maxBytes) break;
      if (entry.name === `${keep}.dat`) continue;
      await unlink(join(this.dir, entry.name)).catch(() => undefined);
      total -= entry.size;
    }
  }

  private entryPath(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('bad peaks cache key');
    return join(this.dir, `${key}.dat`);
  }
}
