import { describe, expect, it, beforeAll, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePeaks } from './decode-peaks';
import { PeaksService } from './peaks-service';
import { clickTimesInPeaks, run, writeClickWav } from './test-audio';

const dir = mkdtempSync(join(tmpdir(), 'cueline-peaks-service-'));
const mp3 = join(dir, 'talk.mp3');
const services: PeaksService[] = [];

function service(cacheDir: string | null): PeaksService {
  const s = new PeaksService({ cacheDir });
  services.push(s);
  return s;
}

beforeAll(() => {
  const wav = join(dir, 'talk.wav');
  writeClickWav(wav, { seconds: 240, times: [3, 120, 239] });
  run('lame', ['--quiet', '-b', '128', wav, mp3]);
});

afterEach(() => {
  for (const s of services.splice(0)) s.closeAll();
});

/**
 * Reads like the renderer does: long-poll from the count already held until done. The
 * wait is long enough that a read returns only when the job changes (one worker message),
 * never on a timer, so what the reads see does not depend on how loaded the machine is.
 */
async function readAll(s: PeaksService, id: string) {
  const reads: { available: number; at: number }[] = [];
  const chunks: Int8Array[] = [];
  let have = 0;
  const t0 = performance.now();
  for (;;) {
    const snap = await s.read(id, have, 120_000);
    if (snap.status === 'error') throw new Error(snap.message);
    chunks.push(snap.pairs);
    have = snap.available;
    reads.push({ available: have, at: performance.now() - t0 });
    if (snap.status === 'done') {
      const pairs = new Int8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) { pairs.set(c, at); at += c.length; }
      return { pairs, reads, snap };
    }
  }
}

describe('PeaksService', () => {
  it('decodes in a worker, serving the start first and then the rest, equal to an in-thread decode', async () => {
    const s = service(null);
    s.start('a', mp3);
    const { pairs, reads, snap } = await readAll(s, 'a');
    expect(reads.length).toBeGreaterThan(1);
    // The first read with any pairs holds only the start: the rest came later.
    const firstWithPairs = reads.find((r) => r.available > 0)!;
    expect(firstWithPairs.available).toBeGreaterThan(0);
    expect(firstWithPairs.available).toBeLessThan(snap.available);
    expect(snap.fromCache).toBe(false);
    const direct = await decodePeaks(mp3);
    expect(pairs).toEqual(direct.pairs);
    expect(clickTimesInPeaks(pairs, snap.samplesPerPeak, snap.sampleRate).map((t) => Math.round(t))).toEqual([3, 120, 239]);
  });

  it('caches the peaks: a second open (new service, same folder) answers from the cache, fast and identical', async () => {
    const cacheDir = join(dir, 'cache-reopen');
    const first = service(cacheDir);
    first.start('a', mp3);
    const decoded = await readAll(first, 'a');
    await first.settled('a');
    // Two resolutions: the editing peaks and the overview.
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.dat'))).toHaveLength(2);
    const overview = first.overview('a')!;
    expect(overview.pairs.length).toBe(2 * Math.ceil(decoded.pairs.length / 2 / 40));

    // (How fast a reopen is, `npm run bench -- audio` measures.)
    const second = service(cacheDir);
    second.start('b', mp3);
    const reopened = await readAll(second, 'b');
    expect(reopened.snap.fromCache).toBe(true);
    expect(reopened.reads).toHaveLength(1);
    expect(reopened.pairs).toEqual(decoded.pairs);
    expect(second.overview('b')).toEqual(overview);
  });

  it('recomputes when the cache entry is damaged or the audio changed', async () => {
    const cacheDir = join(dir, 'cache-damaged');
    const first = service(cacheDir);
    first.start('a', mp3);
    await readAll(first, 'a');
    await first.settled('a');
    for (const entry of readdirSync(cacheDir).filter((n) => n.endsWith('.dat'))) writeFileSync(join(cacheDir, entry), 'garbage');
    const second = service(cacheDir);
    second.start('b', mp3);
    const again = await readAll(second, 'b');
    expect(again.snap.fromCache).toBe(false);
    expect(again.pairs.length).toBeGreaterThan(0);
  });

  it('stops the worker when the file is closed mid-decode', async () => {
    const s = service(null);
    s.start('a', mp3);
    const first = await s.read('a', 0);
    expect(first.status).toBe('decoding');
    s.close('a');
    await s.settled('a');
    await expect(s.read('a', 0)).rejects.toThrow(/not open/);
  });

  it('reports a file it cannot decode as an error naming the problem', async () => {
    const bad = join(dir, 'bad.mp3');
    writeFileSync(bad, 'not audio at all');
    const s = service(null);
    s.start('x', bad);
    await s.settled('x');
    const snap = await s.read('x', 0);
    expect(snap.status).toBe('error');
    expect(snap.message).toMatch(/unrecognised audio format/);
  });
});

describe('PeaksService split decode (two workers on the two halves of an MP3)', () => {
  const wav = join(dir, 'split-source.wav');
  beforeAll(() => {
    // Clicks near the split point too, and a tone, so any shift or seam shows in the pairs.
    writeClickWav(wav, { seconds: 60, times: [0.5, 29.9, 30.0, 30.1, 44.3, 59.5] });
  });

  /** Peaks through a service that splits every MP3, and what it logged. */
  async function splitPeaks(path: string) {
    const logs: string[] = [];
    const split = new PeaksService({ cacheDir: null, splitMinBytes: 0, log: (m) => logs.push(m) });
    services.push(split);
    split.start('x', path);
    const result = await readAll(split, 'x');
    return { pairs: result.pairs, reads: result.reads.length, logs };
  }

  it.each([
    ['lame CBR 128k 44.1 kHz', 'cbr.mp3', ['lame', '--quiet', '-b', '128']],
    ['lame VBR -V 2 44.1 kHz with an ID3v2 tag', 'vbr-id3.mp3', ['lame', '--quiet', '-V', '2', '--tt', 'Episode title', '--add-id3v2']],
    ['lame VBR 22.05 kHz (MPEG-2, 576 samples per frame)', 'lsf.mp3', ['lame', '--quiet', '-V', '5', '--resample', '22.05']],
    ['lame CBR 32k mono (small frames, deep bit reservoir)', 'low.mp3', ['lame', '--quiet', '-b', '32', '-m', 'm']],
    ['ffmpeg libmp3lame (Lavc tag)', 'ffmpeg.mp3', ['ffmpeg', '-v', 'error', '-y', '-i', '{in}', '-c:a', 'libmp3lame', '-b:a', '96k']],
  ] as const)('gives exactly the sequential peaks: %s', async (_name, file, command) => {
    const path = join(dir, file);
    const [cmd, ...args] = command;
    run(cmd, cmd === 'ffmpeg' ? [...args.map((a) => (a === '{in}' ? wav : a)), path] : [...args, wav, path]);
    const whole = await decodePeaks(path);
    const split = await splitPeaks(path);
    // It really was split (no fall-back to one worker), and every pair matches.
    expect(split.logs).toEqual([`peaks: decoding ${path} as two halves`]);
    expect(split.pairs.length).toBe(whole.pairs.length);
    expect(split.pairs).toEqual(whole.pairs);
  });

  it('falls back to one worker when the halves do not add up (a truncated download whose header promises more)', async () => {
    const full = join(dir, 'full.mp3');
    run('lame', ['--quiet', '-V', '4', wav, full]);
    const bytes = readFileSync(full);
    const cut = join(dir, 'truncated.mp3');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const whole = await decodePeaks(cut);
    const split = await splitPeaks(cut);
    expect(split.logs[0]).toBe(`peaks: decoding ${cut} as two halves`);
    expect(split.logs[1]).toMatch(/split decode .* failed \(second half gave \d+ samples, not \d+\); decoding it whole/);
    expect(split.pairs).toEqual(whole.pairs);
  });
});
