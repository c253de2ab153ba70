/**
 * User settings: key bindings, timing steps, QA rules, playback and view preferences. One
 * schema validates them on IPC and on disk, and fills defaults, so an old or hand-edited
 * settings file loads with whatever is valid in it.
 */
import { z } from 'zod';

const ms = z.number().int().min(1).max(60_000);
const seconds = z.number().min(0).max(600);
const limit = z.number().min(0).max(100_000).nullable();

export const keymapPreset = z.enum(['cueline', 'aegisub', 'subtitle-edit', 'otranscribe']);

const fields = {
  keymapPreset,
  /** Action id -> keys (CodeMirror key names); an empty list unbinds. */
  keyOverrides: z.record(z.string().max(64), z.array(z.string().min(1).max(48)).max(4)),
  timing: z
    .object({
      smallStepMs: ms,
      largeStepMs: ms,
      minGapMs: z.number().int().min(0).max(10_000),
      insertDurationMs: ms,
      rewindShort: seconds,
      rewindLong: seconds,
      probe: seconds,
    })
    .partial(),
  /** 'auto': the file's cues decide (renderer/src/chrome/qa-profile.ts); otherwise the user's choice. */
  qaProfile: z.enum(['auto', 'subtitle', 'transcript']),
  qa: z.object({ maxCps: limit, minDuration: limit, maxDuration: limit, maxLineLength: limit, minGap: limit }).partial(),
  playback: z
    .object({
      /** Seconds to go back when playback resumes after a pause (0: off). */
      autoRewind: z.number().min(0).max(10),
      rate: z.number().min(0.5).max(2),
      /** Play starts at the cursor's cue when the cursor moved since the last pause (DEFAULT_PLAY_FROM_CURSOR). */
      playFromCursor: z.boolean(),
      /** "Follow playback": the editor scrolls to the spoken cue (DEFAULT_FOLLOW). */
      follow: z.boolean(),
    })
    .partial(),
  editor: z
    .object({
      /** The view the user last chose (View ▸ Transcript View, Ctrl/Cmd+Alt+R); unset: the file decides (transcripts open in the transcript view). */
      view: z.enum(['transcript', 'raw']),
    })
    .partial(),
  waveform: z
    .object({
      /** The speaker lane under the waveform (View ▸ Speaker Lane, or its button); unset: hidden. */
      speakerLane: z.boolean(),
    })
    .partial(),
};

const defaults = { keymapPreset: 'cueline', keyOverrides: {}, timing: {}, qaProfile: 'auto', qa: {}, playback: {}, editor: {}, waveform: {} } as const;

/** Settings sent by the renderer: must be valid as a whole (IPC refuses anything else). */
export const appSettings = z
  .object({
    keymapPreset: fields.keymapPreset.default(defaults.keymapPreset),
    keyOverrides: fields.keyOverrides.default(defaults.keyOverrides),
    timing: fields.timing.default(defaults.timing),
    qaProfile: fields.qaProfile.default(defaults.qaProfile),
    qa: fields.qa.default(defaults.qa),
    playback: fields.playback.default(defaults.playback),
    editor: fields.editor.default(defaults.editor),
    waveform: fields.waveform.default(defaults.waveform),
  })
  .strict();

/** Settings read from disk: each invalid part falls back to its default, the rest is kept. */
export const storedSettings = z.object({
  keymapPreset: fields.keymapPreset.catch(defaults.keymapPreset),
  keyOverrides: fields.keyOverrides.catch(defaults.keyOverrides),
  timing: fields.timing.catch(defaults.timing),
  qaProfile: fields.qaProfile.catch(defaults.qaProfile),
  qa: fields.qa.catch(defaults.qa),
  playback: fields.playback.catch(defaults.playback),
  editor: fields.editor.catch(defaults.editor),
  waveform: fields.waveform.catch(defaults.waveform),
});

export type AppSettings = z.infer<typeof appSettings>;
export const DEFAULT_SETTINGS: AppSettings = appSettings.parse({});
/** Default auto-rewind on resume, seconds (oTranscribe-style; 0 turns it off). */
export const DEFAULT_AUTO_REWIND = 1;
/** Defaults of the playback choices the settings leave unset. */
export const DEFAULT_PLAY_FROM_CURSOR = true;
export const DEFAULT_FOLLOW = true;
