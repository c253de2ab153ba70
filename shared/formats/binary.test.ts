import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classifyBytes } from './binary';

const root = `${__dirname}/../../`;
const F = `${root}../shared/fixtures/`;
const vtt = readFileSync(F + 'talkpython/515-temporal.vtt');
const mp3 = readFileSync(F + 'audio/515-temporal-first120s.mp3');

const what = (b: Uint8Array) => {
  const c = classifyBytes(b);
  return c.kind === 'binary' ? c.what : `text ${c.encoding}${c.bom ? ' bom' : ''}`;
};

function wav(): Uint8Array {
  const pcm = Buffer.alloc(3200);
  for (let i = 0; i < 1600; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin(i / 5)), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + pcm.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(16000, 24);
  h.writeUInt32LE(32000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, pcm]);
}

describe('classifyBytes', () => {
  it('names real media, images, documents and archives renamed as transcripts', () => {
    expect(what(mp3)).toBe('an MP3 file');
    // The fixture starts at a frame header; with an ID3v2.4 tag (10 bytes of padding) in front:
    expect(mp3.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xf3]));
    expect(what(Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10]), Buffer.alloc(10), mp3]))).toBe('an MP3 file');
    expect(what(readFileSync(root + 'docs/screenshot.png'))).toBe('a PNG image');
    expect(what(readFileSync(root + 'node_modules/@doyensec/electronegativity/docs/manuals/ElectronegativityUserManual_v1.4.0.pdf'))).toBe('a PDF document');
    expect(what(gzipSync(vtt))).toBe('a gzip archive');
    expect(what(wav())).toBe('a WAV audio file');
    expect(what(Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1'), vtt.subarray(0, 200)]))).toMatch(/^a ZIP archive/);
    expect(what(Buffer.concat([Buffer.from('OggS\u0000\u0002', 'latin1'), Buffer.alloc(100)]))).toBe('an Ogg audio file');
    expect(what(Buffer.concat([Buffer.from('fLaC\u0000\u0000\u0000\u0022', 'latin1'), Buffer.alloc(100)]))).toBe('a FLAC audio file');
    expect(what(Buffer.concat([Buffer.from('\u0000\u0000\u0000\u0020ftypM4A ', 'latin1'), Buffer.alloc(100)]))).toBe('an MP4/M4A media file');
  });

  it('a transcript with a few NULs is text; words that start like a signature are text', () => {
    const withNuls = Buffer.from(vtt);
    for (const at of [10, 500, 5000]) withNuls[at] = 0;
    expect(what(withNuls)).toBe('text utf-8');
    expect(what(Buffer.from('WEBVTT\n\n\u0000\u0000', 'latin1'))).toBe('text utf-8');
    expect(what(Buffer.from('ID3 tags are metadata\n'))).toBe('text utf-8');
    expect(what(Buffer.from('OggS is a page marker\n'))).toBe('text utf-8');
    expect(what(vtt)).toBe('text utf-8');
    expect(what(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), vtt]))).toBe('text utf-8 bom');
    expect(what(new Uint8Array(0))).toBe('text utf-8');
  });

  it('UTF-16 without a BOM is detected, both byte orders, with non-Latin text in it', () => {
    const text = vtt.toString('utf8').slice(0, 3000) + '\ncafé 日本語 — ok\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(what(le)).toBe('text utf-16le');
    expect(what(be)).toBe('text utf-16be');
    expect(what(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe('text utf-16le bom');
  });

  it('unknown binary is told by its share of control bytes', () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 20000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    expect(what(random)).toMatch(/^binary data \(\d+% control bytes\)$/);
    const structs = new Uint8Array(4096).map((_, i) => (i % 4 === 0 ? 65 + (i % 26) : 0));
    expect(what(structs)).toMatch(/^binary data/);
  });
});
