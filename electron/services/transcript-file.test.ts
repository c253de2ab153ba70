import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readBounded } from './user-file';
import { decodeTranscript, detectLineEnding, encodeTranscript, readTranscriptFile, writeTranscriptFile, type TextEncodingName } from './transcript-file';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures');
const tempDir = () => mkdtemp(join(tmpdir(), 'cueline-tf-'));

describe('readTranscriptFile', () => {
  it('reads the fixtures as UTF-8 and round-trips them byte for byte', async () => {
    for (const name of ['talkpython/515-temporal.vtt', 'talkpython/515-temporal.txt', 'pages/djangochat-rust-tooling-untimed.txt']) {
      const path = join(FIXTURES, name);
      const read = await readTranscriptFile(path);
      expect(read.ok, name).toBe(true);
      if (!read.ok) continue;
      expect(read.encoding).toBe('utf-8');
      expect(Buffer.from(encodeTranscript(read.text, read.encoding)).equals(await readFile(path))).toBe(true);
    }
  });

  it('keeps a UTF-8 BOM in the text and on save', async () => {
    const dir = await tempDir();
    const path = join(dir, 'bom.vtt');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('WEBVTT\r\n\r\n')]);
    await writeFile(path, bytes);
    const read = await readTranscriptFile(path);
    expect(read).toMatchObject({ ok: true, encoding: 'utf-8-bom', text: '\uFEFFWEBVTT\r\n\r\n', eol: '\r\n' });
    if (read.ok) await writeTranscriptFile(path, read.text, read.encoding);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it('reads UTF-16 LE/BE with BOM and writes them back the same', async () => {
    const dir = await tempDir();
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const path = join(dir, `${encoding}.vtt`);
      const bytes = encodeTranscript('WEBVTT\n\n00:00.000 --> 00:01.000\nCafé ☕ 𝄞\n', encoding);
      await writeFile(path, bytes);
      const read = await readTranscriptFile(path);
      expect(read).toMatchObject({ ok: true, encoding, text: 'WEBVTT\n\n00:00.000 --> 00:01.000\nCafé ☕ 𝄞\n' });
      if (read.ok) await writeTranscriptFile(path, read.text, read.encoding);
      expect((await readFile(path)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, says where, and saves 1252', async () => {
    const dir = await tempDir();
    const path = join(dir, 'legacy.txt');
    const bytes = Buffer.from([...Buffer.from('00:00:01 caf'), 0xe9, 0x20, 0x93, 0x71, 0x94, 0x0a]);
    await writeFile(path, bytes);
    const read = await readTranscriptFile(path);
    expect(read).toMatchObject({ ok: true, encoding: 'windows-1252', text: '00:00:01 café “q”\n' });
    expect(read.ok && read.notice).toMatch(/line 1, column 13.*Windows-1252/);
    if (read.ok) await writeTranscriptFile(path, read.text, read.encoding);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    await expect(writeTranscriptFile(path, 'emoji 😀', 'windows-1252')).rejects.toThrow(/cannot be saved in Windows-1252/);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it('rejects empty, binary, missing and oversized files with a message naming the file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.vtt'), '');
    await writeFile(join(dir, 'song.vtt'), Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x0a, 0x01, 0x00]));
    expect(await readTranscriptFile(join(dir, 'empty.vtt'))).toMatchObject({ ok: false, message: 'empty.vtt:1:1: the file is empty.' });
    expect(await readTranscriptFile(join(dir, 'song.vtt'))).toMatchObject({ ok: false, message: 'song.vtt:1:1: this is a binary file (an MP3 file), not a transcript.' });
    expect(await readTranscriptFile(join(dir, 'gone.vtt'))).toMatchObject({ ok: false, message: 'gone.vtt: cannot read (file not found).' });
    expect(await readTranscriptFile(dir)).toMatchObject({ ok: false });
  });

  it('tells binary by signature and control bytes, not one NUL: a VTT with NULs opens, a PNG renamed .vtt does not, UTF-16 without a BOM round-trips', async () => {
    const dir = await tempDir();
    const nuls = Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHel\0lo\0\n');
    await writeFile(join(dir, 'nul.vtt'), nuls);
    expect(await readTranscriptFile(join(dir, 'nul.vtt'))).toMatchObject({ ok: true, encoding: 'utf-8', text: nuls.toString('utf8') });
    await writeFile(join(dir, 'photo.vtt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]));
    expect(await readTranscriptFile(join(dir, 'photo.vtt'))).toMatchObject({ ok: false, message: 'photo.vtt:1:1: this is a binary file (a PNG image), not a transcript.' });
    const junk = Buffer.concat([Buffer.from('WEBVTT\n\nab'), Buffer.alloc(200, 1)]);
    await writeFile(join(dir, 'junk.vtt'), junk);
    expect(await readTranscriptFile(join(dir, 'junk.vtt'))).toMatchObject({ ok: false, message: expect.stringMatching(/^junk\.vtt:3:3: this is a binary file \(binary data \(\d+% control bytes\)\), not a transcript\.$/) });
    for (const [encoding, bytes] of [['utf-16le-nobom', Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\ncafé\n', 'utf16le')], ['utf-16be-nobom', Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\ncafé\n', 'utf16le').swap16()]] as const) {
      const path = join(dir, `${encoding}.vtt`);
      await writeFile(path, bytes);
      const read = await readTranscriptFile(path);
      expect(read).toMatchObject({ ok: true, encoding, text: 'WEBVTT\n\n00:01.000 --> 00:02.000\ncafé\n', notice: expect.stringMatching(/^UTF-16 (LE|BE) without a byte-order mark/) });
      if (read.ok) await writeTranscriptFile(path, read.text, read.encoding);
      expect((await readFile(path)).equals(bytes)).toBe(true);
    }
  });

  it('refuses a FIFO and a device at once, and bounds a read by the bytes read, not by stat', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.vtt')]);
    expect(await readTranscriptFile(join(dir, 'pipe.vtt'))).toEqual({ ok: false, path: join(dir, 'pipe.vtt'), message: 'pipe.vtt: is not a regular file (a FIFO, socket or device); refused.' });
    expect(await readTranscriptFile('/dev/zero')).toMatchObject({ ok: false, message: 'zero: is not a regular file (a FIFO, socket or device); refused.' });
    // /proc files say size 0 and still have bytes: the limit counts what was read.
    expect((await stat('/proc/self/status')).size).toBe(0);
    expect(await readBounded('/proc/self/status', 16)).toMatchObject({ ok: false, kind: 'too-large' });
    const whole = await readBounded('/proc/self/status', 1 << 20);
    expect(whole.ok && whole.bytes.toString('utf8')).toMatch(/^Name:/);
    await writeFile(join(dir, 'exact.vtt'), 'x'.repeat(100));
    expect(await readBounded(join(dir, 'exact.vtt'), 100)).toMatchObject({ ok: true, bytes: Buffer.from('x'.repeat(100)) });
    expect(await readBounded(join(dir, 'exact.vtt'), 99)).toMatchObject({ ok: false, kind: 'too-large', message: 'exact.vtt: larger than 99 bytes; refused.' });
  });

  it('decode/encode is the identity for every supported encoding (property)', () => {
    const encodings: TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be'];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom(...encodings), (text, encoding) => {
        fc.pre(!text.includes('\0') && !text.startsWith('\uFEFF'));
        const decoded = decodeTranscript(encodeTranscript(text, encoding));
        expect(decoded).toMatchObject({ text, encoding });
      }),
    );
  });

  it('detects line endings', () => {
    expect(detectLineEnding('a\nb\n')).toBe('\n');
    expect(detectLineEnding('a\r\nb\r\n')).toBe('\r\n');
    expect(detectLineEnding('a\rb')).toBe('\r');
    expect(detectLineEnding('a\r\nb\n')).toBe('mixed');
    expect(detectLineEnding('ab')).toBe('none');
  });
});

describe('writeTranscriptFile', () => {
  it('replaces the file atomically, keeps its mode and leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'ep.vtt');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeFile(join(dir, '.ep.vtt.deadbeef0000.cueline-tmp'), 'left by a killed save');
    await writeTranscriptFile(path, 'new', 'utf-8');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['ep.vtt']);
  });

  it('fails with the old file intact when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) {
      // root ignores folder permissions; a missing folder exercises the same failure path.
      await expect(writeTranscriptFile(join(await tempDir(), 'missing', 'x.vtt'), 'x', 'utf-8')).rejects.toThrow(/ENOENT/);
      return;
    }
    const dir = await tempDir();
    const path = join(dir, 'ep.vtt');
    await writeFile(path, 'old');
    await chmod(dir, 0o500);
    await expect(writeTranscriptFile(path, 'new', 'utf-8')).rejects.toThrow();
    await chmod(dir, 0o700);
    expect(await readFile(path, 'utf8')).toBe('old');
  });
});
