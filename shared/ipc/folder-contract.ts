/**
 * The IPC schemas of File ▸ Open Folder: a folder of episodes (`NNN-slug.vtt` +
 * `NNN-slug.txt` + audio) listed in a sidebar, searched, and replaced across with a
 * preview. The renderer never names a path: the main process issues ids for the folder's
 * episodes and files (`ep-N`, `file-N`) and for its jobs (`folder-job-N`), and answers
 * only for those. Search, preview and the episode figures run as jobs: start, poll the
 * progress (a long poll, like 'align:status'), cancel. Merged into the app's table in channels.ts.
 */
import { z } from 'zod';
import { openedSession } from './contract';

const documentId = z.string().regex(/^doc-\d+$/);
export const episodeId = z.string().regex(/^ep-\d+$/);
export const folderFileId = z.string().regex(/^file-\d+$/);
export const folderJobId = z.string().regex(/^folder-job-\d+$/);

export const folderFileKind = z.enum(['vtt', 'txt', 'srt', 'audio']);
export type FolderFileKind = z.infer<typeof folderFileKind>;

/** What git says of a file (porcelain status), when the folder is in a git work tree. */
export const gitFileStatus = z.enum(['modified', 'added', 'deleted', 'renamed', 'untracked', 'conflicted']);
export type GitFileStatus = z.infer<typeof gitFileStatus>;

export const folderEpisode = z.object({
  id: episodeId,
  /** The shared basename (`515-temporal`). */
  name: z.string(),
  files: z.array(z.object({ id: folderFileId, kind: folderFileKind, name: z.string(), git: gitFileStatus.nullable() })),
});
export type FolderEpisode = z.infer<typeof folderEpisode>;

export const folderListing = z.object({
  /** The folder's own name (never its path). */
  name: z.string(),
  /** Null when the folder is not in a git work tree or git is not installed. */
  git: z.object({ branch: z.string().nullable() }).nullable(),
  episodes: z.array(folderEpisode),
  /** Files left out, each named with the reason (a link out of the folder, a FIFO). */
  refused: z.array(z.string()),
});
export type FolderListing = z.infer<typeof folderListing>;

export const episodeStats = z.object({
  episode: episodeId,
  /** Seconds, from the audio's header (MP3 frame count, WAV data size); null when unknown or no audio. */
  duration: z.number().nullable(),
  cues: z.number().int().nullable(),
  /** Parser problems plus timing QA problems of the transcript. */
  problems: z.number().int().nullable(),
});
export type EpisodeStats = z.infer<typeof episodeStats>;

export const folderQuery = z.object({
  text: z.string().min(1).max(1000),
  replace: z.string().max(1000).optional(),
  regex: z.boolean(),
  wholeWord: z.boolean(),
  caseSensitive: z.boolean(),
}).strict();

export const folderMatch = z.object({
  /** The corrections.tsv line of the rule that matched (1 for a typed search). */
  rule: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
  context: z.string(),
  contextFrom: z.number().int(),
  contextTo: z.number().int(),
  /** The context with this match replaced (equal to `context` for a search). */
  replaced: z.string(),
  /** Start of the cue or entry, seconds. */
  time: z.number().nullable(),
  /** Offset of the match in the file's text (a VTT's offset is the editor's). */
  offset: z.number().int(),
});
export type FolderMatch = z.infer<typeof folderMatch>;

/** Text differing from a corrections rule's FIND only in case or spacing: left alone, shown for a decision. */
export const folderNearMiss = z.object({
  rule: z.number().int(),
  found: z.string(),
  why: z.enum(['case', 'spacing']),
  line: z.number().int(),
  column: z.number().int(),
  context: z.string(),
  contextFrom: z.number().int(),
  contextTo: z.number().int(),
  time: z.number().nullable(),
  offset: z.number().int(),
});
export type FolderNearMiss = z.infer<typeof folderNearMiss>;

export const folderFileMatches = z.object({
  episode: episodeId,
  file: folderFileId,
  name: z.string(),
  kind: folderFileKind,
  matches: z.array(folderMatch),
  /** Case and spacing variants of the rules (a corrections preview only). */
  nearMisses: z.array(folderNearMiss),
  /** Matches left alone because the replacement would write markup. */
  refused: z.number().int(),
});
export type FolderFileMatches = z.infer<typeof folderFileMatches>;

export const folderSearchResult = z.object({
  files: z.array(folderFileMatches),
  filesSearched: z.number().int(),
  /** More matches than the panel lists: the first MAX are shown (and a preview applies only those). */
  truncated: z.boolean(),
  /** Files that could not be read, named with the reason. */
  problems: z.array(z.string()),
});
export type FolderSearchResult = z.infer<typeof folderSearchResult>;

export const folderJobStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('running'), done: z.number().int(), total: z.number().int() }),
  z.object({ status: z.literal('done'), search: folderSearchResult.optional(), stats: z.array(episodeStats).optional() }),
  z.object({ status: z.literal('error'), message: z.string() }),
  z.object({ status: z.literal('canceled') }),
]);
export type FolderJobStatus = z.infer<typeof folderJobStatus>;

export const folderApplyResult = z.object({
  replacements: z.number().int(),
  written: z.array(z.string()),
  /** Files not written, with why (changed since the preview, unsaved in the editor, unreadable). */
  skipped: z.array(z.string()),
});
export type FolderApplyResult = z.infer<typeof folderApplyResult>;

export const folderInvokeContract = {
  /** Ask the user for a folder (the native dialog) and list it; null when canceled. */
  'folder:open-dialog': { request: z.object({}).strict(), response: folderListing.nullable() },
  /** The folder this window has open (one named on the command line, or the last opened), listed afresh; null when none. */
  'folder:current': { request: z.object({}).strict(), response: folderListing.nullable() },
  /** Start computing each episode's duration, cue count and problem count. */
  'folder:stats': { request: z.object({}).strict(), response: z.object({ job: folderJobId }) },
  /** Start a search across the folder (with `replace`: a replace preview). */
  'folder:search': { request: z.object({ query: folderQuery }).strict(), response: z.object({ job: folderJobId }) },
  /**
   * Start a preview of a corrections list over every transcript, as `cli fix --dry-run`:
   * `text` (the list as edited in the panel), else the folder's corrections.tsv. A bad
   * rule fails the call with `corrections.tsv:LINE:COL: message`.
   */
  'folder:corrections': { request: z.object({ text: z.string().max(1024 * 1024).optional() }).strict(), response: z.object({ job: folderJobId }) },
  /** The folder's corrections.tsv (at its root), or null when there is none. */
  'folder:corrections-read': { request: z.object({}).strict(), response: z.object({ name: z.string(), text: z.string() }).nullable() },
  /** Write the folder's corrections.tsv (atomically; created at the root when there is none). */
  'folder:corrections-save': { request: z.object({ text: z.string().max(1024 * 1024) }).strict(), response: z.object({ name: z.string() }) },
  /** A job's state; while running, waits up to ~1 s for progress. */
  'folder:job': { request: z.object({ job: folderJobId }).strict(), response: folderJobStatus },
  'folder:cancel': { request: z.object({ job: folderJobId }).strict(), response: z.object({}) },
  /**
   * Apply a finished replace preview, leaving out the unticked matches (by file and index
   * into its matches). Each file is rewritten atomically, only if it is as previewed;
   * `unsaved` names the open document with unsaved changes, whose files are left alone.
   */
  'folder:apply': {
    request: z.object({
      job: folderJobId,
      exclude: z.array(z.object({ file: folderFileId, index: z.number().int().min(0) })).max(100_000),
      unsaved: documentId.optional(),
    }).strict(),
    response: folderApplyResult,
  },
  /** Open an episode of the folder (its transcript, partner and audio), as File ▸ Open would. */
  'folder:open-episode': { request: z.object({ episode: episodeId }).strict(), response: openedSession },
  /** Open the folder's corrections.tsv in the editor, as a document (File ▸ Open of it does the same). */
  'folder:open-corrections': { request: z.object({}).strict(), response: openedSession },
} as const;

export type FolderChannel = keyof typeof folderInvokeContract;
export type FolderRequestOf<C extends FolderChannel> = z.infer<(typeof folderInvokeContract)[C]['request']>;
export type FolderResponseOf<C extends FolderChannel> = z.infer<(typeof folderInvokeContract)[C]['response']>;
