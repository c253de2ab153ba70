/**
 * The IPC schemas of Timing ▸ Align to Audio…: start a job on a document's text and its
 * opened audio, poll its progress (a long poll, like 'audio:peaks'), cancel it, and get
 * the re-timed cues for the preview. The main process runs the job in a worker
 * (electron/services/align); `alignInvokeContract` is merged into the contract's table
 * by the main process's router and called by the renderer's dialog.
 */
import { z } from 'zod';
import { MAX_TEXT_CHARS } from './contract';

const documentId = z.string().regex(/^doc-\d+$/);
const mediaToken = z.string().regex(/^[0-9a-f]{32}$/);
export const alignJobId = z.string().regex(/^align-\d+$/);

/** Cues `first`..`last` (inclusive, 0-based in document order): "Align selection". */
export const alignRange = z.object({ first: z.number().int().min(0), last: z.number().int().min(0) }).strict();
export type AlignRange = z.infer<typeof alignRange>;

/** QA profile limits used when untimed prose is cut into cues. */
export const alignProfile = z.enum(['subtitles', 'transcript']);
export type AlignProfile = z.infer<typeof alignProfile>;

export const alignRequest = z
  .object({
    id: documentId,
    /** The opened audio to align against (the token of its media URL). */
    media: mediaToken,
    /** The editor's current WebVTT text (unsaved edits included). */
    text: z.string().max(MAX_TEXT_CHARS),
    /** Re-time only these cues, between their neighbours; the whole file when absent. */
    range: alignRange.optional(),
    profile: alignProfile.optional(),
  })
  .strict();
export type AlignRequest = z.infer<typeof alignRequest>;

export const alignedWord = z.object({ text: z.string(), start: z.number(), end: z.number() });
export type AlignedWord = z.infer<typeof alignedWord>;

export const alignedCue = z.object({
  /**
   * The document cue this one re-times (0-based, document order), or null for a cue
   * newly cut from untimed prose (a `NOTE needs timing` block or a TXT entry).
   */
  source: z.number().int().min(0).nullable(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  /** The times before alignment (null when the cue had none). */
  previousStart: z.number().nullable(),
  previousEnd: z.number().nullable(),
  /** The cue text's whitespace-separated tokens (tags removed) in spoken order. */
  words: z.array(alignedWord),
  /** 0..1: how well the cue's text matched the audio at these times. */
  confidence: z.number().min(0).max(1),
  /** The text was not found in the audio: the times are interpolated between neighbours. */
  lowConfidence: z.boolean(),
});
export type AlignedCue = z.infer<typeof alignedCue>;

export const alignResult = z.object({
  /** The whole document re-timed, as WebVTT: Apply replaces the text in one undo step. */
  text: z.string().max(MAX_TEXT_CHARS),
  /** Every cue of `text`, in order (chrome NOTEs are not cues and are not listed). */
  cues: z.array(alignedCue),
  /** Words the audio did not seem to contain: index into `cues`, and the word. */
  notFoundWords: z.array(z.object({ cue: z.number().int().min(0), text: z.string() })),
  /** Indices into `cues` of the low-confidence cues. */
  lowConfidence: z.array(z.number().int().min(0)),
  /** Length of the audio, seconds. */
  audioSeconds: z.number(),
});
export type AlignResult = z.infer<typeof alignResult>;

export const alignStage = z.enum(['decoding', 'synthesizing', 'aligning']);
export type AlignStage = z.infer<typeof alignStage>;

/** A job's state; 'align:status' answers it once it changed or after ~1 s. */
export const alignStatus = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('running'),
    stage: alignStage,
    /** Share of the whole job done, 0..1. */
    progress: z.number().min(0).max(1),
    /** Estimated seconds left, null until there is enough to estimate from. */
    secondsLeft: z.number().nullable(),
  }),
  z.object({ status: z.literal('done'), result: alignResult }),
  z.object({ status: z.literal('error'), message: z.string() }),
  z.object({ status: z.literal('canceled') }),
]);
export type AlignStatus = z.infer<typeof alignStatus>;

export const alignInvokeContract = {
  /** Start aligning the document's cues to its audio in a worker; returns the job to poll. */
  'align:start': { request: alignRequest, response: z.object({ job: alignJobId }) },
  /** The job's state; while running, waits up to ~1 s for progress. */
  'align:status': { request: z.object({ job: alignJobId }).strict(), response: alignStatus },
  /** Stop the job (its worker ends); later statuses say 'canceled'. */
  'align:cancel': { request: z.object({ job: alignJobId }).strict(), response: z.object({}) },
} as const;

export type AlignChannel = keyof typeof alignInvokeContract;
export type AlignRequestOf<C extends AlignChannel> = z.infer<(typeof alignInvokeContract)[C]['request']>;
export type AlignResponseOf<C extends AlignChannel> = z.infer<(typeof alignInvokeContract)[C]['response']>;
