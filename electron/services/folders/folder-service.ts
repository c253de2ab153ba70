/**
 * The folder a window has open (File ▸ Open Folder, or a folder named on the command
 * line): its listing with ids the renderer names episodes and files by, git status, the
 * episodes' figures, and search / replace jobs over it. The folder itself comes only from
 * the user (dialog or launch arguments); every file in it is resolved with realpath and
 * checked again before it is opened or written.
 */
import { statSync } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseRules } from '../../../shared/corrections';
import { formatDiagnostic } from '../../../shared/model/diagnostic';
import type { OpenedSession } from '../../../shared/ipc/contract';
import type { EpisodeStats, FolderListing } from '../../../shared/ipc/folder-contract';
import { queryRule, type FolderQuery } from '../../../shared/folders/folder-query';
import { CORRECTIONS_FILE } from '../../../shared/folders/corrections-document';
import { transcriptFigures } from '../../../shared/folders/episode-figures';
import type { QaProfileName, QaRules } from '../../../shared/timing/qa';
import type { DocumentStore } from '../document-store';
import { readTranscriptFile, writeTranscriptFile, type TextEncodingName } from '../transcript-file';
import { isInside, resolveRegularFile } from '../user-file';
import { audioDuration } from './audio-duration';
import { FolderJobs } from './folder-jobs';
import { listFolder, type ListedEpisode, type ListedFile } from './folder-listing';
import { FolderReader } from './folder-read';
import { applyPreview, searchFiles, type Preview, type SearchFile } from './folder-search';
import { readGitStatus } from './git-status';

export interface FolderServiceOptions {
  store: DocumentStore;
  chooseFolder(): Promise<string | null>;
  /** Opens a transcript as File ▸ Open does (partner and audio found beside it). */
  openPaths(paths: string[]): Promise<OpenedSession>;
  /** A folder named on the command line, opened on the first 'folder:current'. */
  launchFolder?: string | null;
  qaSettings(): Promise<{ profile: QaProfileName | 'auto'; qa: Partial<QaRules> }>;
  log(message: string): void;
}

/** Command-line paths split into files (opened as documents) and the first folder (opened as the folder). */
export function splitLaunchPaths(paths: readonly string[]): { files: string[]; folder: string | null } {
  const isDir = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };
  const folder = paths.find(isDir) ?? null;
  return { files: paths.filter((p) => !isDir(p)), folder };
}


interface Indexed {
  root: string;
  episodes: Map<string, ListedEpisode>;
  files: Map<string, SearchFile & { listed: ListedFile }>;
}

export class FolderService {
  readonly jobs = new FolderJobs();
  private current: Indexed | null = null;
  private pendingLaunch: string | null;
  private nextId = 1;
  /** Figures by real path, valid while size and mtime stay as they were. */
  private readonly figures = new Map<string, { key: string; stats: Omit<EpisodeStats, 'episode'> }>();
  /** Reads the folder's transcripts for every job (and remembers their encodings). */
  private readonly reader = new FolderReader();

  constructor(private readonly options: FolderServiceOptions) {
    this.pendingLaunch = options.launchFolder ?? null;
  }

  async openDialog(): Promise<FolderListing | null> {
    const chosen = await this.options.chooseFolder();
    return chosen ? this.open(chosen) : null;
  }

  /** The open folder listed afresh (first call: the one named on the command line). */
  async currentListing(): Promise<FolderListing | null> {
    const launch = this.pendingLaunch;
    this.pendingLaunch = null;
    if (launch) return this.open(launch);
    return this.current ? this.list(this.current.root) : null;
  }

  async open(path: string): Promise<FolderListing> {
    const root = await realpath(path).catch(() => null);
    if (!root || !statSync(root).isDirectory()) throw new Error(`${basename(path)}: is not a folder that can be read.`);
    this.jobs.cancelAll();
    this.options.log(`opened folder ${root}`);
    return this.list(root);
  }

  private async list(root: string): Promise<FolderListing> {
    const [listing, git] = await Promise.all([listFolder(root), readGitStatus(root)]);
    // Ids stay with their files across a refresh, so what the page holds stays valid.
    const previous = new Map([...(this.current?.root === root ? this.current.files.values() : [])].map((f) => [f.path, f]));
    const previousEpisodes = new Map([...(this.current?.root === root ? this.current.episodes : [])].map(([id, e]) => [e.name, id]));
    const indexed: Indexed = { root, episodes: new Map(), files: new Map() };
    const episodes = listing.episodes.map((episode) => {
      const id = previousEpisodes.get(episode.name) ?? `ep-${this.nextId++}`;
      indexed.episodes.set(id, episode);
      return {
        id,
        name: episode.name,
        files: episode.files.map((listed) => {
          const fileId = previous.get(listed.path)?.id ?? `file-${this.nextId++}`;
          indexed.files.set(fileId, { id: fileId, episode: id, kind: listed.kind, name: listed.name, path: listed.path, listed });
          return { id: fileId, kind: listed.kind, name: listed.name, git: git?.files.get(listed.path) ?? null };
        }),
      };
    });
    this.current = indexed;
    for (const r of listing.refused) this.options.log(`folder ${root}: ${r}`);
    return { name: basename(root), git: git ? { branch: git.branch } : null, episodes, refused: listing.refused };
  }

  private require(): Indexed {
    if (!this.current) throw new Error('No folder is open.');
    return this.current;
  }

  /** Duration (audio header), cue and problem counts of every episode, as a job. */
  startStats(): string {
    const { episodes } = this.require();
    return this.jobs.start(async (ctx) => {
      const settings = await this.options.qaSettings();
      const stats: EpisodeStats[] = [];
      let done = 0;
      for (const [id, episode] of episodes) {
        if (!(await ctx.step(done++, episodes.size))) break;
        stats.push({ episode: id, ...(await this.episodeFigures(episode, settings)) });
      }
      return { status: { status: 'done', stats } };
    });
  }

  private async episodeFigures(episode: ListedEpisode, settings: Awaited<ReturnType<FolderServiceOptions['qaSettings']>>): Promise<Omit<EpisodeStats, 'episode'>> {
    const transcript = episode.files.find((f) => f.kind !== 'audio')!;
    const audio = episode.files.find((f) => f.kind === 'audio');
    const key = [transcript.path, transcript.size, transcript.mtimeMs, audio?.path, audio?.size, audio?.mtimeMs, settings.profile, JSON.stringify(settings.qa)].join('|');
    const cached = this.figures.get(transcript.path);
    if (cached?.key === key) return cached.stats;
    const read = this.reader.read(transcript.path);
    const figures = read.ok === true ? transcriptFigures(read.text, basename(transcript.path), settings) : null;
    const stats = { duration: audio ? await audioDuration(audio.path) : null, cues: figures?.cues ?? null, problems: figures?.problems ?? null };
    this.figures.set(transcript.path, { key, stats });
    return stats;
  }

  /** A search (or, with `replace`, a replace preview) over every transcript file, as a job. */
  startSearch(query: FolderQuery): string {
    const compiled = queryRule(query);
    if (!compiled.ok) throw new Error(compiled.message);
    const files = [...this.require().files.values()].filter((f) => f.kind !== 'audio');
    const withReplace = query.replace !== undefined;
    return this.jobs.start(async (ctx) => {
      const { result, preview } = await searchFiles(files, [compiled.rule], withReplace, ctx, false, this.reader);
      this.reader.release();
      return { status: { status: 'done', search: result }, keep: withReplace ? preview : undefined };
    });
  }

  /**
   * A preview of the folder's `corrections.tsv` (at its root) applied to every transcript
   * file, as `cli fix --dry-run` would: a job, applied like any preview. A bad rule is
   * refused as `corrections.tsv:LINE:COL: message`.
   */
  async startCorrections(text?: string): Promise<string> {
    const { files } = this.require();
    const source = text ?? (await this.readCorrections())?.text;
    if (source === undefined) throw new Error(`There is no ${CORRECTIONS_FILE} in the folder.`);
    const { rules, diagnostics } = parseRules(source);
    if (diagnostics.length) throw new Error(diagnostics.map((d) => formatDiagnostic(CORRECTIONS_FILE, d)).join('\n'));
    if (!rules.length) throw new Error(`${CORRECTIONS_FILE}: no rules.`);
    const transcripts = [...files.values()].filter((f) => f.kind !== 'audio');
    return this.jobs.start(async (ctx) => {
      const { result, preview } = await searchFiles(transcripts, rules, true, ctx, true, this.reader);
      this.reader.release();
      return { status: { status: 'done', search: result }, keep: preview };
    });
  }

  /** The folder's corrections.tsv: a regular file really at its root, or null. */
  async readCorrections(): Promise<{ name: string; text: string } | null> {
    const { root } = this.require();
    const resolved = await resolveRegularFile(join(root, CORRECTIONS_FILE), { folder: root });
    if (!resolved.ok) return null;
    const read = await readTranscriptFile(resolved.real);
    if (!read.ok) throw new Error(read.message);
    return { name: CORRECTIONS_FILE, text: read.text };
  }

  /** Writes corrections.tsv at the folder's root (atomically, in its own encoding when it exists). */
  async saveCorrections(text: string): Promise<{ name: string }> {
    const { root } = this.require();
    const path = join(root, CORRECTIONS_FILE);
    const resolved = await resolveRegularFile(path, { folder: root });
    let encoding: TextEncodingName = 'utf-8';
    if (resolved.ok) {
      const read = await readTranscriptFile(resolved.real);
      if (read.ok) encoding = read.encoding;
    } else if (await lstat(path).then(() => true, () => false)) {
      throw new Error(resolved.message);
    }
    await writeTranscriptFile(resolved.ok ? resolved.real : path, text, encoding);
    this.options.log(`wrote ${path}`);
    return { name: CORRECTIONS_FILE };
  }

  /** Writes a finished preview, minus the unticked matches; files of `unsaved` (an open document) are left alone. */
  async apply(job: string, exclude: readonly { file: string; index: number }[], unsaved?: string) {
    const preview = this.jobs.kept<Preview>(job);
    const byFile = new Map<string, Set<number>>();
    for (const { file, index } of exclude) byFile.set(file, (byFile.get(file) ?? new Set()).add(index));
    const doc = unsaved ? this.options.store.get(unsaved) : undefined;
    const protect = new Set([doc?.path, doc?.pair?.path].filter((p): p is string => !!p));
    // Each file again: still a regular file really inside the folder.
    const root = this.require().root;
    for (const { file } of preview.files.values()) {
      const resolved = await resolveRegularFile(file.path, { folder: dirname(file.path) });
      if (!resolved.ok || !isInside(resolved.real, root)) protect.add(file.path);
    }
    const result = await applyPreview(preview, byFile, protect, null);
    this.options.log(`folder replace: ${result.replacements} replacements in ${result.written.length} files`);
    return result;
  }

  /** Opens an episode's transcript (the VTT of a pair) with its partner and audio. */
  async openEpisode(id: string): Promise<OpenedSession> {
    const { root, episodes } = this.require();
    const episode = episodes.get(id);
    if (!episode) throw new Error(`No episode ${id} in the open folder.`);
    const transcript = ['vtt', 'srt', 'txt'].map((k) => episode.files.find((f) => f.kind === k)).find((f) => f !== undefined)!;
    const resolved = await resolveRegularFile(transcript.path, { folder: dirname(transcript.path) });
    if (!resolved.ok || !isInside(resolved.real, root)) {
      return { transcript: null, audio: null, messages: [{ level: 'error', text: resolved.ok ? `${transcript.name}: is no longer inside the folder; not opened.` : resolved.message }] };
    }
    return this.options.openPaths([resolved.real]);
  }

  /** Opens the folder's corrections.tsv as a document (through the opener, as File ▸ Open would). */
  async openCorrections(): Promise<OpenedSession> {
    const { root } = this.require();
    const resolved = await resolveRegularFile(join(root, CORRECTIONS_FILE), { folder: root });
    if (!resolved.ok) {
      const missing = !(await lstat(join(root, CORRECTIONS_FILE)).then(() => true, () => false));
      return { transcript: null, audio: null, messages: [{ level: 'error', text: missing ? `There is no ${CORRECTIONS_FILE} in the folder yet: save one from the Corrections tab first.` : resolved.message }] };
    }
    return this.options.openPaths([resolved.real]);
  }

  dispose(): void {
    this.jobs.cancelAll();
  }
}
