/**
 * Tells a transcript's format from its content, never its name: users save WebVTT as
 * `.txt` and SRT as `.vtt`. WebVTT starts with the `WEBVTT` signature (after an optional
 * BOM); SRT has an index line followed by a `HH:MM:SS,mmm -->` timing line near the top;
 * anything else is plain text. `fileName` is accepted so callers can pass what they
 * have, but it is deliberately not consulted: the content decides.
 */
export type TranscriptFormat = 'vtt' | 'srt' | 'txt';

const SRT_HEAD = /^\s*\d+[ \t]*\r?\n[ \t]*\d+:\d\d:\d\d,\d{1,3}[ \t]*-->/;

export function detectFormat(text: string, _fileName?: string): TranscriptFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.startsWith('WEBVTT')) {
    const next = body.charCodeAt(6);
    if (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13) return 'vtt';
  }
  const head = body.slice(0, 300);
  if (SRT_HEAD.test(head)) return 'srt';
  return 'txt';
}
