/**
 * Waveform peaks of a 1-hour episode (real espeak-ng speech of 515-temporal.vtt, made
 * once with speak-vtt and cached under node_modules/.cache/cueline-bench/): time to the
 * first peaks, to all peaks, reopen from the peaks cache, and the process's peak RSS
 * while decoding, for a CBR and a VBR MP3. The baseline, in the same run, is
 * `ffmpeg -threads 1 -i X -f null -` decoding the same file.
 *
 * The worker is bundled with esbuild as the app bundles it, so its start-up is the
 * app's (no TypeScript loader).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PeaksService, type WorkerScript } from '../electron/services/audio/peaks-service';
import type { Benchmark, BenchResult } from './report';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'cueline-bench');
const VTT = `${import.meta.dirname}/../../shared/fixtures/talkpython/515-temporal.vtt`;
const SPEAK = `${import.meta.dirname}/../../shared/tools/speak-vtt.mjs`;
const SECONDS = 3600;

/** Makes (once) the 1-hour speech WAV and its MP3s: CBR 128 kbit/s mono, VBR -V 2 stereo. */
function ensureAudio(): { name: string; path: string }[] {
  mkdirSync(CACHE, { recursive: true });
  const wav = join(CACHE, 'speech-1h.wav');
  const cached = (path: string, make: (temp: string) => void) => {
    if (existsSync(path)) return;
    const temp = `${path}.partial${path.slice(path.lastIndexOf('.'))}`;
    make(temp);
    renameSync(temp, path);
  };
  cached(wav, (temp) => execFileSync('node', [SPEAK, VTT, temp, '--to', String(SECONDS), '--rate', '44100'], { stdio: 'ignore' }));
  const cbr = join(CACHE, 'speech-1h-cbr128-mono.mp3');
  cached(cbr, (temp) => execFileSync('lame', ['--quiet', '-b', '128', wav, temp]));
  const stereo = join(CACHE, 'speech-1h-stereo.wav');
  const vbr = join(CACHE, 'speech-1h-vbr2-stereo.mp3');
  cached(vbr, (temp) => {
    execFileSync('sox', [wav, '-c', '2', stereo]);
    execFileSync('lame', ['--quiet', '-V', '2', '-m', 's', stereo, temp]);
    rmSync(stereo);
  });
  return [{ name: 'CBR 128k mono', path: cbr }, { name: 'VBR V2 stereo', path: vbr }];
}

/** The 1-hour CBR episode, made once. */
export function ensureOneHourMp3(): string {
  return ensureAudio()[0]!.path;
}

/** A 3-hour CBR episode (the 1-hour speech three times), made once. */
export function ensureThreeHourMp3(): string {
  const path = join(CACHE, 'speech-3h-cbr128-mono.mp3');
  if (!existsSync(path)) {
    const wav = join(CACHE, 'speech-1h.wav');
    if (!existsSync(wav)) ensureAudio();
    const temp = `${path}.partial.mp3`;
    execFileSync('sh', ['-c', `sox "${wav}" "${wav}" "${wav}" -t wav - | lame --quiet -b 128 - "${temp}"`]);
    renameSync(temp, path);
  }
  return path;
}

async function bundledWorker(): Promise<WorkerScript> {
  const outfile = join(CACHE, 'peaks-worker.cjs');
  await build({
    entryPoints: [join(PROJECT_ROOT, 'electron', 'services', 'audio', 'peaks-worker.ts')],
    outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error',
  });
  return { source: outfile, eval: false };
}

function ffmpegMs(path: string): number {
  const t0 = performance.now();
  const r = spawnSync('ffmpeg', ['-threads', '1', '-v', 'error', '-i', path, '-f', 'null', '-']);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return performance.now() - t0;
}

interface PeaksRun { firstMs: number; fullMs: number; peakRss: number; rssBefore: number; fromCache: boolean; pairs: number }

/** Opens the file like a window does and long-polls as the renderer does. */
async function openPeaks(service: PeaksService, id: string, path: string): Promise<PeaksRun> {
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const t0 = performance.now();
  service.start(id, path);
  let firstMs = 0;
  let have = 0;
  try {
    for (;;) {
      const snap = await service.read(id, have);
      if (snap.status === 'error') throw new Error(snap.message);
      if (!firstMs && snap.available > 0) firstMs = performance.now() - t0;
      have = snap.available;
      if (snap.status === 'done') {
        return { firstMs, fullMs: performance.now() - t0, peakRss, rssBefore, fromCache: snap.fromCache, pairs: have };
      }
    }
  } finally {
    clearInterval(sampler);
  }
}

export const audioBenchmark: Benchmark = {
  name: 'audio',
  async run() {
    const files = [...ensureAudio().map((f) => ({ ...f, hours: 1 })), { name: 'CBR 128k mono', path: ensureThreeHourMp3(), hours: 3 }];
    const worker = await bundledWorker();
    const results: BenchResult[] = [];
    for (const file of files) {
      const cacheDir = mkdtempSync(join(tmpdir(), 'cueline-bench-peaks-'));
      try {
        const ffmpeg = { name: 'ffmpeg -threads 1 decode', value: ffmpegMs(file.path) };
        const fresh = new PeaksService({ cacheDir, worker });
        const first = await openPeaks(fresh, 'a', file.path);
        await fresh.settled('a');
        fresh.closeAll();
        if (first.fromCache) throw new Error('the first open must decode');
        const again = new PeaksService({ cacheDir, worker });
        const reopen = await openPeaks(again, 'b', file.path);
        again.closeAll();
        if (!reopen.fromCache || reopen.pairs !== first.pairs) throw new Error('reopen did not come from the cache');
        results.push(
          { name: `${file.hours} h ${file.name}: first peaks`, value: first.firstMs, unit: 'ms', goal: { op: '<=', value: 500, on: 'value' } },
          { name: `${file.hours} h ${file.name}: all peaks`, value: first.fullMs, unit: 'ms', baseline: ffmpeg, goal: { op: '<=', value: 1, on: 'ratio' } },
          { name: `${file.hours} h ${file.name}: reopen from peaks cache`, value: reopen.fullMs, unit: 'ms', goal: { op: '<=', value: 150, on: 'value' } },
          { name: `${file.hours} h ${file.name}: peak RSS while decoding (whole process)`, value: first.peakRss / 2 ** 20, unit: 'MiB' },
          { name: `${file.hours} h ${file.name}: RSS growth while decoding`, value: Math.max(0, first.peakRss - first.rssBefore) / 2 ** 20, unit: 'MiB' },
        );
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
    return results;
  },
};
