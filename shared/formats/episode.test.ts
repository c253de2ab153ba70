import { describe, expect, it } from 'vitest';
import { parseVtt } from './vtt';
import { toEditorSource } from './episode';

describe('toEditorSource', () => {
  it('a damaged WebVTT opens as WebVTT, byte for byte, with its problems listed', () => {
    for (const text of ['webvtt\n\n00:00:01.000 --> 00:00:02.000\nhi\n', '00:00:01.000 --> 00:00:02.000\nno header\n', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\ncomma\n\n00:00:03.000 --> 00:00:04.000\nok\n']) {
      const source = toEditorSource(text, 'x.vtt');
      expect(source.from).toBe('vtt');
      expect(source.vtt).toBe(text);
      expect(parseVtt(source.vtt).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('a NUL in a cue opens (read as U+FFFD, with a warning); the text keeps the NUL for saving', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\u0000b\n';
    const source = toEditorSource(text, 'x.vtt');
    expect(source.vtt).toBe(text);
    const doc = parseVtt(source.vtt);
    expect(doc.cues[0]!.text).toBe('a\ufffdb');
    expect(doc.diagnostics).toMatchObject([{ line: 4, column: 2, severity: 'warning' }]);
  });
});
