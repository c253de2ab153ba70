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
import { bytesFilter, FolderReader } from './folder-read';

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
});
