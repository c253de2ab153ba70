/**
 * The in-app Open Recent list (`recent.json` in the app's data folder): the last ten
 * transcripts opened, newest first, one entry per real path. Files that are gone are
 * left out when listing; a damaged list starts over (and says so in the log). The file
 * keeps a longer history than it shows, because it is also the record of which files
 * the user opened at all: a crash-recovery entry may point only at one of those.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeTranscriptFile } from './transcript-file';
import { readBounded } from './user-file';

export const MAX_RECENT = 10;
/** Files remembered as opened by the user (for recovery entries), newest first. */
export const MAX_HISTORY = 500;

export interface RecentEntry {
  path: string;
  openedAt: number;
}

export class RecentFiles {
  private entries: RecentEntry[] | null = null;
  private loading: Promise<void> | null = null;
  private readonly file: string | null;
  /**
   * Adds run one at a time: two opens at once (a drop during a dialog) would otherwise
   * each build the list from the same old one and the later write would lose the other.
   */
  private adding: Promise<void> = Promise.resolve();

  constructor(dir: string | null, private readonly log: (m: string) => void = () => {}) {
    this.file = dir ? join(dir, 'recent.json') : null;
  }

  /** The list as read from disk once; every caller waits for the same read. */
  private async load(): Promise<RecentEntry[]> {
    this.loading ??= this.readList();
    await this.loading;
    return this.entries ?? [];
  }

  private async readList(): Promise<void> {
    this.entries = [];
    if (!this.file) return;
    try {
      const read = await readBounded(this.file, 16 * 1024 * 1024);
      if (!read.ok) {
        if (read.kind !== 'missing') this.log(`${this.file}: unreadable recent list, starting a new one (${read.message})`);
        return;
      }
      const raw: unknown = JSON.parse(read.bytes.toString('utf8'));
      if (!Array.isArray(raw)) throw new Error('not a list');
      const seen = new Set<string>();
      this.entries = raw
        .filter((e): e is RecentEntry => typeof e?.path === 'string' && typeof e?.openedAt === 'number' && !seen.has(e.path) && !!seen.add(e.path))
        .slice(0, MAX_HISTORY);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`${this.file}: unreadable recent list, starting a new one (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  add(path: string): Promise<void> {
    this.adding = this.adding.then(() => this.addNow(path));
    return this.adding;
  }

  private async addNow(path: string): Promise<void> {
    const real = await realpath(path).catch(() => path);
    const entries = (await this.load()).filter((e) => e.path !== real);
    entries.unshift({ path: real, openedAt: Date.now() });
    this.entries = entries.slice(0, MAX_HISTORY);
    if (!this.file) return;
    // The data folder may not exist yet (a first preview run): the record of opened files must still land.
    await mkdir(dirname(this.file), { recursive: true }).catch(() => {});
    await writeTranscriptFile(this.file, `${JSON.stringify(this.entries, null, 2)}\n`, 'utf-8').catch((e: Error) => this.log(`cannot write ${this.file}: ${e.message}`));
  }

  /** The newest ten entries whose files still exist. */
  async list(): Promise<RecentEntry[]> {
    const out: RecentEntry[] = [];
    for (const e of await this.load()) {
      if (out.length === MAX_RECENT) break;
      const info = await stat(e.path).catch(() => null);
      if (info?.isFile()) out.push(e);
    }
    return out;
  }

  /** Whether the user opened this file (by its real path) in this or an earlier run. */
  async wasOpened(path: string): Promise<boolean> {
    await this.adding;
    const real = await realpath(path).catch(() => path);
    return (await this.load()).some((e) => e.path === real || e.path === path);
  }
}

/** How the list shows an entry: file name and its folder's name, never the full path. */
export function recentLabel(path: string): { name: string; folder: string } {
  return { name: basename(path), folder: basename(dirname(path)) };
}
