/**
 * The folder reader gives what File ▸ Open's reader gives (text, encoding, messages) for
 * every kind of file, passes over only files that cannot hold the required text, and
 * never serves a remembered encoding for a file that changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTranscriptFile } from '../transcript-file';
import { classifyBytes } from '../../../shared/formats/binary';
import { bytesFilter, classifyQuickly, FolderReader } from './folder-read';

const TALKPYTHON = join(import.meta.dirname, '../../../../shared/fixtures/talkpython');
const CUE = 'WEBVTT\n\n00:00.000 --> 00:01.000\nWe run Kubernetes at “scale” — café\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function files(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'cueline-folder-read-'));
  const bytes: Record<string, Buffer> = {
    'utf8.vtt': Buffer.from(CUE),
    'bom.vtt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CUE)]),
    'utf16le.vtt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CUE, 'utf16le')]),
    'utf16be-nobom.vtt': Buffer.from(CUE, 'utf16le').swap16(),
    'cp1252.txt': Buffer.from([...Buffer.from('00:00:01 Kubernetes '), 0x93, 0x71, 0x94, 0x20, 0xe9, 0x0a]),
    'image.vtt': Buffer.concat([PNG, Buffer.from('Kubernetes')]),
    'image-without.vtt': PNG,
    'empty.txt': Buffer.alloc(0),
    'real.vtt': await readFile(join(TALKPYTHON, '515-temporal.vtt')),
    'real.txt': await readFile(join(TALKPYTHON, '518-django-birthday.txt')),
  };
  const paths: Record<string, string> = {};
  for (const [name, b] of Object.entries(bytes)) await writeFile((paths[name] = join(dir, name)), b);
  await mkdir((paths['folder.vtt'] = join(dir, 'folder.vtt')));
  execFileSync('mkfifo', [(paths['fifo.vtt'] = join(dir, 'fifo.vtt'))]);
  paths['missing.vtt'] = join(dir, 'missing.vtt');
  return paths;
}

describe('folder reader', () => {
  it('reads every kind of file as File ▸ Open does: the same text, encoding and message', async () => {
    const paths = await files();
    const reader = new FolderReader();
    for (const [name, path] of Object.entries(paths)) {
      const expected = await readTranscriptFile(path);
      // Twice: the second read uses the remembered encoding.
      for (const round of [1, 2]) {
        const got = reader.read(path);
        if (expected.ok) expect(got, `${name} (read ${round})`).toEqual({ ok: true, text: expected.text, encoding: expected.encoding });
        else expect(got, `${name} (read ${round})`).toEqual({ ok: false, message: expected.message });
      }
    }
  });

  it('passes over a file only when it cannot hold the required text, in its case or case-blind', async () => {
    const paths = await files();
    const reader = new FolderReader();
    const read = (name: string, text: string, ignoreCase: boolean) => reader.read(paths[name]!, bytesFilter([{ text, ignoreCase }])).ok;
    expect(read('utf8.vtt', 'Kubernetes', false)).toBe(true);
    expect(read('utf8.vtt', 'kubernetes', false)).toBe('skipped');
    expect(read('utf8.vtt', 'KUBERNETES', true)).toBe(true);
    expect(read('bom.vtt', 'Kubernetes', false)).toBe(true);
    expect(read('cp1252.txt', 'Kubernetes', false)).toBe(true);
    expect(read('real.txt', 'Kubernetes', true)).toBe('skipped');
    expect(read('real.vtt', 'Kubernetes', true)).toBe(true);
    // UTF-16 holds no ASCII bytes as such: never passed over.
    expect(read('utf16le.vtt', 'Kubernetes', false)).toBe(true);
    expect(read('utf16be-nobom.vtt', 'nowhere', false)).toBe(true);
    expect(read('utf16le.vtt', 'nowhere', false)).toBe(true);
    // One of several is enough.
    expect(reader.read(paths['real.txt']!, bytesFilter([{ text: 'Kubernetes', ignoreCase: false }, { text: 'Django', ignoreCase: false }])).ok).toBe(true);
    // What cannot be read is still reported, holding the text or not.
    expect(reader.read(paths['image-without.vtt']!, bytesFilter([{ text: 'Kubernetes', ignoreCase: false }]))).toEqual({ ok: false, message: expect.stringMatching(/^image-without\.vtt:1:1: this is a binary file \(a PNG image\)/) });
    expect(read('image.vtt', 'Kubernetes', false)).toBe(false);
    expect(read('empty.txt', 'Kubernetes', false)).toBe(false);
    expect(read('fifo.vtt', 'Kubernetes', false)).toBe(false);
  });

  it('reads a changed file afresh, not by its remembered encoding', async () => {
    const paths = await files();
    const reader = new FolderReader();
    const path = paths['utf8.vtt']!;
    const cue = 'WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n';
    await writeFile(path, cue + cue);
    expect(reader.read(path)).toMatchObject({ ok: true, encoding: 'utf-8' });
    // The same size, now UTF-16 without a BOM: still valid UTF-8 bytes (NULs), so only
    // the changed mtime keeps the remembered encoding from being used.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(path, Buffer.from(cue, 'utf16le'));
    const expected = await readTranscriptFile(path);
    expect(expected).toMatchObject({ ok: true, encoding: 'utf-16le-nobom', text: cue });
    expect(reader.read(path)).toEqual({ ok: true, text: cue, encoding: 'utf-16le-nobom' });
  });

  it('tells text from binary as classifyBytes does, for every kind of start and control byte', async () => {
    const text = (n: number) => Buffer.from('x'.repeat(n).replace(/x{60}/g, 'We run Kubernetes at scale in production, every single day.\n'));
    const signatures: number[][] = [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('GIF89a')], [...Buffer.from('%PDF-1.7 ')], [...Buffer.from('fLaC')],
      [...Buffer.from('RIFF')], [...Buffer.from('RIFF1234WAVE')], [0x49, 0x44, 0x33, 0x03, 0x00], [0xff, 0xd8, 0xff], [0xff, 0xfb, 0x90, 0x64],
      [0xff, 0xf1, 0x50, 0x80], [0, 0, 0, 0x20, ...Buffer.from('ftypM4A ')], [...Buffer.from('SQLite format 3'), 0], [...Buffer.from('OggS'), 0],
      [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b], [0x7f, ...Buffer.from('ELF')], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [...Buffer.from('WEBVTT\n')],
    ];
    const cases: Buffer[] = [
      Buffer.alloc(0), text(10), text(200_000),
      await readFile(join(TALKPYTHON, '515-temporal.vtt')), await readFile(join(TALKPYTHON, '518-django-birthday.txt')),
      Buffer.from(CUE, 'utf16le'), Buffer.from(CUE, 'utf16le').swap16(), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CUE, 'utf16le')]),
      ...signatures.map((sig) => Buffer.concat([Buffer.from(sig), text(5000)])),
    ];
    // Every control byte, once (text) and as a real share (binary), early, late in the sample and past it.
    for (let b = 0; b < 0x20; b++) {
      for (const at of [100, 60_000, 70_000]) {
        const once = text(80_000);
        once[at] = b;
        const many = text(80_000);
        for (let i = 0; i < 6000; i++) many[Math.max(0, at - 6000) + i] = b;
        cases.push(once, many);
      }
    }
    for (const bytes of cases) expect(classifyQuickly(bytes), `${bytes.subarray(0, 12).toString('hex')} (${bytes.length} bytes)`).toEqual(classifyBytes(bytes));
  });
});
