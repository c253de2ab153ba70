/**
 * A cue as the rest of the app sees it, whatever file it came from. Times are seconds
 * with millisecond precision; `start`/`end` are null for imported text whose timing is
 * unknown (untimed prose), which must never be shown as a real time.
 */
export interface Cue {
  id: string;
  start: number | null;
  end: number | null;
  /** Raw cue text as written in the source (WebVTT markup kept). */
  text: string;
  /** From `<v Name>` or a speaker label in the source; null when none. */
  speaker: string | null;
}
