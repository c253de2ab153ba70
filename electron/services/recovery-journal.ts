/**
 * Crash recovery: a snapshot of every open document with unsaved changes, kept in the
 * app's data folder (`recovery/`), at most `flushMs` behind the editor (throttled, not
 * debounced, so continuous typing still reaches the disk). Each snapshot is written
 * atomically (temp file, fsync, rename), so a crash during a write leaves the previous
 * snapshot. An entry goes only when its document is saved or the user discards it;
 * after a crash the next start lists what can be recovered, with the file's current
 * content to compare against.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readTranscriptFile, writeTranscriptFile } from './transcript-file';
import { readBounded } from './user-file';

export interface JournalMeta {
  /** The file the document belongs to; null for a converted file not yet saved anywhere. */
  path: string | null;
  name: string;
}

export interface RecoverableDocument extends JournalMeta {
  key: string;
  text: string;
  /** When the snapshot was taken (ms since epoch). */
  savedAt: number;
  /** The file as it is on disk now; null when there is no file or it cannot be read. */
  diskText: string | null;
}

export interface RecoveryList {
  documents: RecoverableDocument[];
  /** Entries that could not be read (kept on disk, never deleted silently). */
  problems: string[];
}

interface Entry extends JournalMeta {
  version: 1;
  text: string;
  savedAt: number;
}

const SUFFIX = '.journal.json';

/** A stable key per document: its path, or its name within this run for unsaved conversions. */
export function journalKey(meta: JournalMeta, runId = ''): string {
  return createHash('sha256').update(meta.path ?? `untitled:${runId}:${meta.name}`).digest('hex').slice(0, 24);
}

export class RecoveryJournal {
  private readonly pending = new Map<string, Entry>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly dir: string, private readonly options: { flushMs?: number; log?: (m: string) => void } = {}) {}

  /** Notes the document's current text; it reaches the disk within `flushMs`. */
  record(key: string, meta: JournalMeta, text: string): void {
    this.pending.set(key, { version: 1, ...meta, text, savedAt: Date.now() });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.flushMs ?? 300);
  }

  /** Writes everything pending (in order with earlier writes). */
  flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    this.writing = this.writing.then(async () => {
      if (!batch.length) return;
      // Made on every batch (cheap when it exists): the folder may be removed while the app
      // runs, and one failure must not stop later snapshots or `forget`/`close`.
      try {
        await mkdir(this.dir, { recursive: true });
      } catch (error) {
        this.options.log?.(`recovery journal: cannot create ${this.dir} (${error instanceof Error ? error.message : String(error)}); ${batch.length} unsaved document(s) not journaled`);
        return;
      }
      for (const [key, entry] of batch) {
        try {
          await writeTranscriptFile(this.file(key), JSON.stringify(entry), 'utf-8');
        } catch (error) {
          this.options.log?.(`recovery journal: cannot write ${entry.name} (${error instanceof Error ? error.message : String(error)})`);
        }
      }
    });
    return this.writing;
  }

  /** The document was saved (its text is on disk) or the user discarded it: drop its entry. */
  async forget(key: string): Promise<void> {
    this.pending.delete(key);
    await this.writing;
    await unlink(this.file(key)).catch(() => {});
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private file(key: string): string {
    return join(this.dir, `${key}${SUFFIX}`);
  }
}

export interface ListOptions {
  /**
   * Whether an entry's file is one the user opened (the recent-files history). An entry
   * naming any other path (a tampered journal pointing at /etc/passwd) is reported and
   * never read, so no line of that file reaches the page.
   */
  isKnownPath(path: string): Promise<boolean>;
}

const KEY = /^[0-9a-f]{24}$/;
/** A journal entry is the app's own text, small next to the 64 MiB a transcript may have. */
const MAX_ENTRY_BYTES = 200 * 1024 * 1024;

/**
 * What a previous run left: documents with unsaved changes, compared with their files
 * now. One bad entry (unreadable, oddly named, a FIFO, pointing at a file never opened)
 * is reported in `problems` and the rest are still listed.
 */
export async function listRecoverable(dir: string, options: ListOptions): Promise<RecoveryList> {
  const documents: RecoverableDocument[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX));
  } catch {
    return { documents, problems };
  }
  for (const name of names.sort()) {
    const key = name.slice(0, -SUFFIX.length);
    if (!KEY.test(key)) {
      problems.push(`${join(dir, name)}: not named as a recovery entry (24 hex digits); left alone`);
      continue;
    }
    let entry: Entry;
    try {
      const read = await readBounded(join(dir, name), MAX_ENTRY_BYTES);
      if (!read.ok) throw new Error(read.message.replace(/^[^:]*: /, ''));
      const parsed: unknown = JSON.parse(read.bytes.toString('utf8'));
      if (!isEntry(parsed)) throw new Error('not a journal entry');
      entry = parsed;
    } catch (error) {
      problems.push(`${join(dir, name)}: unreadable recovery entry, kept (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (entry.path !== null && !(await options.isKnownPath(entry.path))) {
      problems.push(`${join(dir, name)}: points at a file never opened in Cueline; not offered, kept`);
      continue;
    }
    let diskText: string | null = null;
    if (entry.path) {
      const read = await readTranscriptFile(entry.path);
      if (read.ok) diskText = read.text;
    }
    documents.push({ key, path: entry.path, name: entry.name, text: entry.text, savedAt: entry.savedAt, diskText });
  }
  return { documents: documents.sort((a, b) => b.savedAt - a.savedAt), problems };
}

function isEntry(value: unknown): value is Entry {
  const e = value as Partial<Entry> | null;
  return typeof e === 'object' && e !== null && e.version === 1 && typeof e.text === 'string' && typeof e.name === 'string' &&
    (e.path === null || typeof e.path === 'string') && typeof e.savedAt === 'number' && Number.isFinite(e.savedAt);
}
