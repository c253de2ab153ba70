/**
 * The IPC contract: the one table of every call the renderer may make to the main
 * process (channel -> request schema, response schema) and every event the main process
 * may send. The preload exposes exactly this table; the main process validates every
 * payload against it at run time before a handler sees it (see electron/services/ipc-router).
 */
import { z } from 'zod';
import { EDITOR_ACTION_IDS } from '../editor-actions';
import { appSettings } from '../settings';

/** Largest transcript text accepted over IPC: a 3-hour episode is ~200 KB; 64 MiB leaves room for pasted junk. */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;

const documentId = z.string().regex(/^doc-\d+$/);
const journalKeySchema = z.string().regex(/^[0-9a-f]{24}$/);

export const transcriptFormat = z.enum(['vtt', 'srt', 'txt']);
export type TranscriptFormat = z.infer<typeof transcriptFormat>;

/** A transcript the main process opened: text for the editor plus what to keep on save. */
export const openedTranscript = z.object({
  id: documentId,
  /** File name only; the renderer never sees or sends full paths. */
  name: z.string(),
  text: z.string().max(MAX_TEXT_CHARS),
  format: transcriptFormat,
  encoding: z.string(),
  /** Something the user should know about how the file was read (e.g. Windows-1252 fallback). */
  notice: z.string().optional(),
  /** Restored from the crash-recovery journal: the text differs from the file (unsaved). */
  recovered: z.boolean().optional(),
});
export type OpenedTranscript = z.infer<typeof openedTranscript>;

/** Audio is played from an opaque same-origin URL (by token, never by path). */
export const openedAudio = z.object({
  name: z.string(),
  url: z.string(),
  size: z.number(),
});
export type OpenedAudio = z.infer<typeof openedAudio>;

/** What a window shows: a transcript, its audio, and what was paired or went wrong. */
export const openedSession = z.object({
  transcript: openedTranscript.nullable(),
  audio: openedAudio.nullable(),
  /** Human-readable messages: what was paired, files that could not be read (named). */
  messages: z.array(z.object({ level: z.enum(['info', 'warning', 'error']), text: z.string() })),
});
export type OpenedSession = z.infer<typeof openedSession>;

const saveResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The file written (the document's own file for Save / Save As). */
    name: z.string(),
    /** The second file written: a paired episode's TXT (Save), or the TXT of Export TXT + VTT. */
    partnerName: z.string().optional(),
    /** The document now refers to a file of another name (Save As, first Save of a conversion). */
    renamed: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    canceled: z.boolean(),
    message: z.string(),
    /** The file changed on disk since it was read: ask, then save again with `force`. */
    conflict: z.boolean().optional(),
  }),
]);
export type SaveResult = z.infer<typeof saveResult>;

/** The opaque token in an audio URL (`.../media/<token>`). */
const mediaToken = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * Waveform peaks of an opened audio: min/max pairs (signed 8-bit, interleaved, base64)
 * from pair `from` on, one pair per `samplesPerPeak` samples. Pair i covers
 * [i, i+1) * samplesPerPeak / sampleRate seconds, the time base of cues and playback.
 */
export const audioPeaks = z.object({
  status: z.enum(['decoding', 'done', 'error']),
  message: z.string().optional(),
  sampleRate: z.number(),
  samplesPerPeak: z.number(),
  from: z.number(),
  pairs: z.string(),
  /** Pairs decoded so far; the renderer asks again from here until status is done. */
  available: z.number(),
  /** Share of the file decoded, 0..1. */
  progress: z.number(),
  fromCache: z.boolean(),
});
export type AudioPeaks = z.infer<typeof audioPeaks>;

/** The whole file at a coarse resolution (OVERVIEW_PER_SECOND pairs/s), for the overview strip. */
export const audioOverview = z.object({
  ready: z.boolean(),
  sampleRate: z.number(),
  samplesPerPeak: z.number(),
  pairs: z.string(),
});
export type AudioOverview = z.infer<typeof audioOverview>;

export const invokeContract = {
  /** The documents this window starts on: argv files, or the bundled demo episode. */
  'session:initial': { request: z.object({}).strict(), response: openedSession },
  /** Ask the user for a transcript (and its audio/partner found beside it) and open it. */
  'session:open-dialog': { request: z.object({ kind: z.enum(['transcript', 'audio']) }).strict(), response: openedSession },
  /** Save the editor text back to the document's file, keeping its encoding and line endings. */
  'document:save': {
    request: z.object({ id: documentId, text: z.string().max(MAX_TEXT_CHARS), force: z.boolean().optional() }).strict(),
    response: saveResult,
  },
  /** Read the document's file again (after it changed on disk), replacing the editor's text. */
  'document:reload': { request: z.object({ id: documentId }).strict(), response: openedSession },
  /** Save under a new name chosen in a dialog; the document then refers to that file. */
  'document:save-as': {
    request: z.object({ id: documentId, text: z.string().max(MAX_TEXT_CHARS) }).strict(),
    response: saveResult,
  },
  /** Write the editor text in another format (VTT, SRT, TXT in a style) to a file chosen in a dialog. */
  'document:export': {
    request: z
      .object({
        id: documentId,
        text: z.string().max(MAX_TEXT_CHARS),
        format: z.enum(['vtt', 'srt', 'txt']),
        txtStyle: z.enum(['talkpython', 'paragraphs', 'plain', 'speakers']).optional(),
      })
      .strict(),
    response: saveResult,
  },
  /** Write the episode as a VTT and its TXT (talkpython lines, or the paired TXT's own layout) side by side, under one name chosen in a dialog. */
  'document:export-pair': {
    request: z.object({ id: documentId, text: z.string().max(MAX_TEXT_CHARS) }).strict(),
    response: saveResult,
  },
  /**
   * Peaks the page computed (WebCodecs) for an opened audio the main process cannot decode
   * (M4A/AAC), to cache for the next open. Refused for formats the main process decodes itself.
   */
  'audio:peaks-store': {
    request: z.object({
      media: mediaToken,
      sampleRate: z.number().int().min(1000).max(384_000),
      samplesPerPeak: z.number().int().min(1).max(100_000),
      pairs: z.string().max(64 * 1024 * 1024),
    }).strict(),
    response: z.object({ stored: z.boolean() }),
  },
  /** The overview peaks of an opened audio, once its peaks are complete (`ready` false before). */
  'audio:overview': { request: z.object({ media: mediaToken }).strict(), response: audioOverview },
  /** Peaks of an opened audio from pair `from` on; while decoding, waits up to ~1 s for new pairs. */
  'audio:peaks': {
    request: z.object({ media: mediaToken, from: z.number().int().min(0) }).strict(),
    response: audioPeaks,
  },
  /** The corrections list beside the document (`corrections.tsv`), or null when there is none. */
  'corrections:load': {
    request: z.object({ id: documentId }).strict(),
    response: z.object({ name: z.string(), text: z.string().max(MAX_TEXT_CHARS) }).nullable(),
  },
  /**
   * The document's text for the crash-recovery journal, while it has unsaved changes:
   * the whole text once, then only the changes since the last call (CodeMirror's
   * ChangeSet JSON), so typing in a long episode does not ship 0.4 MB every time.
   * `{ ok: false }` asks for the whole text again.
   */
  'journal:record': {
    request: z.union([
      z.object({ id: documentId, text: z.string().max(MAX_TEXT_CHARS) }).strict(),
      z.object({
        id: documentId,
        changes: z.array(z.union([z.number().int().min(0), z.array(z.union([z.number().int().min(0), z.string()])).min(1)])).max(1_000_000),
      }).strict(),
    ]),
    response: z.object({ ok: z.boolean() }),
  },
  /** Documents a previous run left with unsaved changes, compared with their files (names only, no paths). */
  'recovery:list': {
    request: z.object({}).strict(),
    response: z.object({
      documents: z.array(z.object({
        key: journalKeySchema,
        name: z.string(),
        savedAt: z.number(),
        fileMissing: z.boolean(),
        changedLines: z.number(),
        samples: z.array(z.object({ line: z.number(), disk: z.string().nullable(), recovered: z.string().nullable() })),
      })),
      problems: z.array(z.string()),
    }),
  },
  /** Open a journal entry as an unsaved document (its file, audio and partner as usual). */
  'recovery:restore': { request: z.object({ key: journalKeySchema }).strict(), response: openedSession },
  /** The user chose to discard a journal entry. */
  'recovery:discard': { request: z.object({ key: journalKeySchema }).strict(), response: z.object({}) },
  /** The in-app Open Recent list, newest first (names only). */
  'recent:list': { request: z.object({}).strict(), response: z.array(z.object({ name: z.string(), folder: z.string() })) },
  /** Open entry `index` of the recent list. */
  'recent:open': { request: z.object({ index: z.number().int().min(0).max(100) }).strict(), response: openedSession },
  /**
   * Files dropped on the window: paths from the preload's webUtils.getPathForFile, checked
   * again in the main process. Preload-only (see `PRELOAD_ONLY_CHANNELS`): the page hands
   * over DOM File objects and can never send a path string.
   */
  'session:open-dropped': {
    request: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(20) }).strict(),
    response: openedSession,
  },
  /** The document's unsaved state, for the window (macOS edited dot) and the close prompt. */
  'document:state': { request: z.object({ id: documentId, dirty: z.boolean() }).strict(), response: z.object({}) },
  /** Whether the window has audio open, for the native menu's items that need it (Align to Audio…). */
  'window:audio-state': { request: z.object({ open: z.boolean() }).strict(), response: z.object({}) },
  /** The renderer settled unsaved work (saved, or the user chose not to) after 'window:close-requested': close now. */
  'window:close': { request: z.object({}).strict(), response: z.object({}) },
  /** The user's settings (key bindings, timing steps, QA rules, playback). */
  'settings:get': { request: z.object({}).strict(), response: appSettings },
  /** Replace the settings; returns them as stored. */
  'settings:set': { request: appSettings, response: appSettings },
} as const;

/** Commands the native menu sends to the renderer. */
export const menuCommand = z.enum([
  'open-transcript',
  'open-audio',
  'open-folder',
  'save',
  'save-as',
  'export-vtt',
  'export-vtt-words',
  'export-srt',
  'export-txt-talkpython',
  'export-txt-paragraphs',
  'export-txt-plain',
  'export-txt-speakers',
  'export-pair',
  'clean-correct',
  'open-recent',
  'play-pause',
  'shortcuts',
  'align-audio',
  'toggle-transcript-view',
  'toggle-speaker-lane',
]);
export type MenuCommand = z.infer<typeof menuCommand>;

/** Editor actions (timing, cues, navigation, playback) the native menu runs by id. */
export const menuAction = z.enum(EDITOR_ACTION_IDS);

/** An open file changed or vanished on disk behind the app's back. */
export const externalChange = z.object({ id: documentId, name: z.string(), kind: z.enum(['changed', 'deleted']), partner: z.boolean() });

export const eventContract = {
  'menu:command': menuCommand,
  'document:external-change': externalChange,
  /** Files opened from outside the window (a second launch's arguments, macOS open-file). */
  'session:opened': openedSession,
  /** The user asked to close the window or quit; the renderer asks about unsaved work, then calls 'window:close'. */
  'window:close-requested': z.object({}),
  'menu:action': menuAction,
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type EventChannel = keyof typeof eventContract;
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['response']>;
export type EventOf<E extends EventChannel> = z.infer<(typeof eventContract)[E]>;

/**
 * Every reply crosses IPC wrapped, so a refused or failed call reaches the renderer as
 * a message instead of an exception whose text Electron rewrites.
 */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: string };

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[];

/**
 * Channels only the preload (or the test harness's stand-in for it) may call: they carry
 * what the page must never choose, such as file paths. `window.cueline.invoke` refuses
 * them (see `pageChannels` in channels.ts), and a bridge without a preload (the browser
 * preview) refuses them too.
 */
export const PRELOAD_ONLY_CHANNELS = ['session:open-dropped'] as const satisfies readonly InvokeChannel[];
export type PreloadOnlyChannel = (typeof PRELOAD_ONLY_CHANNELS)[number];

/** How a successful save or export reads in a message: `515.vtt` or `515.vtt + 515.txt`. */
export function savedFiles(result: { name: string; partnerName?: string }): string {
  return result.partnerName ? `${result.name} + ${result.partnerName}` : result.name;
}
export const eventChannels = Object.keys(eventContract) as EventChannel[];
