import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const F = `${__dirname}/../../../shared/fixtures/`;

describe('detectFormat', () => {
  it('reads the content, not the name', () => {
    expect(detectFormat(readFileSync(F + 'talkpython/515-temporal.vtt', 'utf8'), 'x.txt')).toBe('vtt');
    expect(detectFormat(readFileSync(F + 'talkpython/515-temporal.txt', 'utf8'), 'x.vtt')).toBe('txt');
    for (const p of ['pages/djangochat-dev-environments-otter.txt', 'pages/talkpython-451-djangonauts-mmss.txt', 'pages/djangochat-rust-tooling-untimed.txt']) {
      expect(detectFormat(readFileSync(F + p, 'utf8'))).toBe('txt');
    }
  });
  it('WEBVTT signature, with BOM or description', () => {
    expect(detectFormat('\ufeffWEBVTT\n')).toBe('vtt');
    expect(detectFormat('WEBVTT - title\r\n\r\n')).toBe('vtt');
    expect(detectFormat('WEBVTT')).toBe('vtt');
  });
  it('a damaged signature is still WebVTT (the parser reports it), not text to import', () => {
    for (const head of ['webvtt', 'WEBVTTX', 'WEBVTT\u00a0', 'WEBVTT\f', '\ufeff\ufeffWEBVTT', 'WEBVVT', 'WEBTT', 'WEB VTT', ' WebVTT']) {
      expect(detectFormat(`${head}\n\n00:00:01.000 --> 00:00:02.000\nhi\n`), JSON.stringify(head)).toBe('vtt');
    }
    // No header at all: dot-millisecond timing lines are WebVTT, comma ones SRT.
    expect(detectFormat('00:00:01.000 --> 00:00:02.000\nhi')).toBe('vtt');
    expect(detectFormat('1\n00:00:01.000 --> 00:00:02.000\nhi')).toBe('vtt');
    expect(detectFormat('00:01.000 -> 00:02.000\nhi')).toBe('vtt');
    // Words that merely start like it stay text.
    expect(detectFormat('Webster said hello\n')).toBe('txt');
    expect(detectFormat('Web video transcript\n')).toBe('txt');
  });
  it('SRT needs an index line then a comma timing line', () => {
    expect(detectFormat('1\r\n00:00:01,000 --> 00:00:02,000\r\nhi')).toBe('srt');
    expect(detectFormat('\n\n12\n0:00:01,5 --> 0:00:02,000\nhi')).toBe('srt');
    expect(detectFormat('00:00:01,000 --> 00:00:02,000\nhi')).toBe('srt');
    expect(detectFormat('')).toBe('txt');
  });
});
