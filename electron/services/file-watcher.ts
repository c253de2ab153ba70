/**
 * Notices when an open file changes on disk behind the app's back (another editor, git
 * checkout, a sync tool). Watches the file's folder, not the file: editors and git
 * replace files by rename, which a watch on the old inode would miss. Events are
 * debounced and confirmed by content: a change counts only when the file's text differs
 * from what the app last read or wrote, so the app's own saves never trigger it.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readTranscriptFile } from './transcript-file';

export type ExternalChange = 'changed' | 'deleted';

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface Watched {
  /** Hash of the text the app last read or wrote ('deleted' once the file is gone). */
  hash: string;
  /**
   * Hashes the file may still show while an own save is under way: what was on disk
   * before `noteOwnWrite`. A check that runs before the save's rename lands reads the
   * old text, which is not an external change. Cleared once the disk shows `hash`.
   */
  superseded: Set<string>;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Own saves in flight per file; more than this many unconfirmed saves means the oldest failed. */
const MAX_SUPERSEDED = 4;

export class ExternalChangeWatcher {
  private readonly files = new Map<string, Watched>();
  private readonly folders = new Map<string, { watcher: FSWatcher; count: number }>();

  constructor(
    private readonly onChange: (path: string, kind: ExternalChange) => void,
    private readonly options: { debounceMs?: number; log?: (m: string) => void } = {},
  ) {}

  /** Starts watching `path`, whose text the app holds as `text`. */
  watch(path: string, text: string): void {
    const known = this.files.get(path);
    if (known) {
      known.hash = textHash(text);
      known.superseded.clear();
      return;
    }
    this.files.set(path, { hash: textHash(text), superseded: new Set(), timer: null });
    const folder = dirname(path);
    const entry = this.folders.get(folder);
    if (entry) {
      entry.count++;
      return;
    }
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        for (const [file, w] of this.files) {
          if (dirname(file) === folder && (name === null || String(name) === basename(file))) this.schedule(file, w);
        }
      });
      watcher.on('error', (error) => this.options.log?.(`watching ${folder}: ${error.message}`));
      this.folders.set(folder, { watcher, count: 1 });
    } catch (error) {
      this.options.log?.(`cannot watch ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The app wrote `text` to `path` itself: the coming file events are ours. */
  noteOwnWrite(path: string, text: string): void {
    const w = this.files.get(path);
    if (!w) return;
    const hash = textHash(text);
    if (hash === w.hash) return;
    w.superseded.add(w.hash);
    if (w.superseded.size > MAX_SUPERSEDED) w.superseded.delete(w.superseded.values().next().value!);
    w.hash = hash;
  }

  unwatch(path: string): void {
    const w = this.files.get(path);
    if (!w) return;
    if (w.timer) clearTimeout(w.timer);
    this.files.delete(path);
    const folder = dirname(path);
    const entry = this.folders.get(folder);
    if (entry && --entry.count === 0) {
      entry.watcher.close();
      this.folders.delete(folder);
    }
  }

  close(): void {
    for (const path of [...this.files.keys()]) this.unwatch(path);
  }

  private schedule(path: string, w: Watched): void {
    if (w.timer) clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      w.timer = null;
      void this.check(path, w);
    }, this.options.debounceMs ?? 150);
  }

  private async check(path: string, w: Watched): Promise<void> {
    const read = await readTranscriptFile(path);
    if (this.files.get(path) !== w) return; // unwatched meanwhile
    if (!read.ok) {
      if (/file not found/.test(read.message)) {
        // Already reported, or our save that recreates the file has not landed yet.
        if (w.hash !== 'deleted' && !w.superseded.has('deleted')) {
          w.hash = 'deleted';
          this.onChange(path, 'deleted');
        }
      }
      return;
    }
    const hash = textHash(read.text);
    if (hash === w.hash) {
      w.superseded.clear();
      return;
    }
    // Our save has not landed yet (its rename will bring another event).
    if (w.superseded.has(hash)) return;
    w.hash = hash;
    w.superseded.clear();
    this.onChange(path, 'changed');
  }
}
