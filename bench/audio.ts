/**
 * Waveform peaks of a 1-hour episode (real espeak-ng speech of 515-temporal.vtt, made
 * once with speak-vtt and cached under node_modules/.cache/cueline-bench/): time to the
 * first peaks, to all peaks, reopen from the peaks cache, and the process's peak RSS
 * while decoding, for a CBR and a VBR MP3. The baseline, in the same run, is
 * `ffmpeg -threads 1 -i X -f null -` decoding the same file.
 *
 * The worker is bundled with esbuild as the app bundles it, so its start-up is the
 * app's (no TypeScript loader).
 *
 * Wall time on a shared machine says little alone, so each decode also reports its CPU
 * seconds (all threads) against ffmpeg's: on two cores, all peaks at 0.6x ffmpeg's wall
 * time needs a decoder at no more than ~1.2x its CPU.
 *
 * MP3 peaks come from our own decoder (electron/services/audio/mpg123-peaks: libmpg123
 * in WASM, mono, reduced-rate synthesis); a line gives its CPU alone, in this thread,
 * so the workers' own cost shows as the difference from the app's line.
 *
 * The alternative measured and not used: the MP3 decoded in Chromium (the engine of
 * Electron's renderer) by Web Audio's `decodeAudioData` (Blink's built-in FFmpeg) in
 * frame-aligned chunks, several in flight (Blink decodes each on its own thread), at the
 * file's own rate (an OfflineAudioContext: nothing resampled), min/max folded per chunk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../electron/preview/harness';
import { decodePeaks } from '../electron/services/audio/decode-peaks';
import { openMp3Pcm } from '../electron/services/audio/mp3-wav-stream';
import { PeaksService, type WorkerScript } from '../electron/services/audio/peaks-service';
import { samplesPerPeakFor } from '../shared/audio/peak-accumulator';
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
  // Its MP3 decoder is read from beside it, as in the app (scripts/build.mjs).
  copyFileSync(join(PROJECT_ROOT, 'electron', 'services', 'audio', 'mpg123-peaks', 'mpg123-peaks.wasm'), join(CACHE, 'mpg123-peaks.wasm'));
  return { source: outfile, eval: false };
}

/** Linux clock ticks in /proc/<pid>/stat (USER_HZ, 100 on every Linux build we run on). */
const TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the command name, from `state` on. */
function statFields(pid: number | 'self'): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds of this process's waited-for children (ffmpeg, once spawnSync returns). */
function childrenCpuSeconds(): number {
  const f = statFields('self');
  return (Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND;
}

/** CPU seconds of this process (every thread: the peak workers are threads). */
function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of the processes descended from this one (Chromium's, for the page decode). */
function descendantsCpuSeconds(): number {
  const rows: [number, number, number][] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const f = statFields(Number(name));
      rows.push([Number(name), Number(f[1]), (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND]);
    } catch {
      // It exited between the listing and the read.
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, parent] of rows) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const cpu = new Map(rows.map(([pid, , seconds]) => [pid, seconds]));
  let sum = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

interface Ffmpeg { ms: number; cpu: number }

function ffmpeg(path: string): Ffmpeg {
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync('ffmpeg', ['-threads', '1', '-v', 'error', '-i', path, '-f', 'null', '-']);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return { ms: performance.now() - t0, cpu: childrenCpuSeconds() - cpu0 };
}

/** Seconds of audio per decodeAudioData call. Measured on 20 min: 4, 15, 60 s chunks all cost the same CPU; 60 s keeps the calls few and a chunk's PCM at 10 MB (mono). */
const PAGE_CHUNK_SECONDS = 60;
/** Index entries (8 frames each) decoded before a chunk and dropped: the bit reservoir and the synthesis state (see split-plan.ts). */
const PAGE_PRE_ROLL_ENTRIES = 2;

interface PageDecode { ms: number; cpu: number; pairs: number }

/**
 * Chromium's decodeAudioData over the whole MP3, `lanes` chunks in flight, folded into
 * min/max pairs in the page. The file is served raw by a local server (the app serves
 * MP3 as a WAV). Wall time from the first fetch to the last pair; CPU of Chromium's
 * processes over the same span.
 */
async function chromiumDecodeAudioData(path: string, lanes: number): Promise<PageDecode> {
  const pcm = await openMp3Pcm(path);
  if (!pcm) throw new Error(`${path} is not a plain Layer III stream`);
  const size = statSync(path).size;
  const { sampleRate, samplesPerFrame } = pcm.layout;
  const framesPerEntry = 8;
  const entriesPerChunk = Math.max(1, Math.round((PAGE_CHUNK_SECONDS * sampleRate) / samplesPerFrame / framesPerEntry));
  const chunks: { start: number; end: number; drop: number; keep: number }[] = [];
  for (let entry = 0; entry < pcm.index.length; entry += entriesPerChunk) {
    const from = Math.max(0, entry - PAGE_PRE_ROLL_ENTRIES);
    const next = entry + entriesPerChunk;
    chunks.push({
      start: pcm.index[from]!,
      end: next < pcm.index.length ? pcm.index[next]! : size,
      drop: (entry - from) * framesPerEntry * samplesPerFrame,
      keep: entriesPerChunk * framesPerEntry * samplesPerFrame,
    });
  }
  const server = createServer((req, res) => {
    if (req.url !== '/audio.mp3') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>decode</title>');
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    const [start, end] = m ? [Number(m[1]), Number(m[2])] : [0, size - 1];
    res.writeHead(m ? 206 : 200, { 'Content-Type': 'audio/mpeg', 'Content-Length': end - start + 1, ...(m ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}) });
    createReadStream(path, { start, end }).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const cpu0 = descendantsCpuSeconds();
    const t0 = performance.now();
    // A string: tsx would wrap named inner functions with a helper the page lacks.
    const pairs = await page.evaluate(`(async ([chunks, lanes, sampleRate, perPeak]) => {
      const context = new OfflineAudioContext(1, 1, sampleRate);
      let next = 0;
      let pairs = 0;
      const lane = async () => {
        while (next < chunks.length) {
          const c = chunks[next++];
          const bytes = await (await fetch('/audio.mp3', { headers: { Range: 'bytes=' + c.start + '-' + (c.end - 1) } })).arrayBuffer();
          const audio = await context.decodeAudioData(bytes);
          const planes = Array.from({ length: audio.numberOfChannels }, (_, i) => audio.getChannelData(i));
          const end = Math.min(audio.length, c.drop + c.keep);
          const out = new Int8Array(2 * Math.ceil((end - c.drop) / perPeak));
          for (let p = 0, i = c.drop; i < end; p++, i += perPeak) {
            let lo = 1, hi = -1;
            const stop = Math.min(end, i + perPeak);
            for (const d of planes) for (let j = i; j < stop; j++) { const x = d[j]; if (x < lo) lo = x; if (x > hi) hi = x; }
            out[2 * p] = Math.round(lo * 127);
            out[2 * p + 1] = Math.round(hi * 127);
          }
          pairs += out.length / 2;
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return pairs;
    })(${JSON.stringify([chunks, lanes, sampleRate, samplesPerPeakFor(sampleRate)])})`) as number;
    return { ms: performance.now() - t0, cpu: descendantsCpuSeconds() - cpu0, pairs };
  } finally {
    await browser.close();
    server.close();
  }
}

interface PeaksRun { firstMs: number; fullMs: number; cpu: number; peakRss: number; rssBefore: number; fromCache: boolean; pairs: number }

/** Opens the file like a window does and long-polls as the renderer does. */
async function openPeaks(service: PeaksService, id: string, path: string): Promise<PeaksRun> {
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const cpu0 = ownCpuSeconds();
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
        return { firstMs, fullMs: performance.now() - t0, cpu: ownCpuSeconds() - cpu0, peakRss, rssBefore, fromCache: snap.fromCache, pairs: have };
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
        const ff = ffmpeg(file.path);
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
          { name: `${file.hours} h ${file.name}: all peaks`, value: first.fullMs, unit: 'ms', baseline: { name: 'ffmpeg -threads 1 decode', value: ff.ms }, goal: { op: '<=', value: 0.6, on: 'ratio' } },
          { name: `${file.hours} h ${file.name}: all peaks, CPU (every thread of the process)`, value: first.cpu, unit: 's', baseline: { name: 'ffmpeg -threads 1 decode, CPU', value: ff.cpu } },
          { name: `${file.hours} h ${file.name}: reopen from peaks cache`, value: reopen.fullMs, unit: 'ms', goal: { op: '<=', value: 150, on: 'value' } },
          { name: `${file.hours} h ${file.name}: peak RSS while decoding (whole process)`, value: first.peakRss / 2 ** 20, unit: 'MiB' },
          { name: `${file.hours} h ${file.name}: RSS growth while decoding`, value: Math.max(0, first.peakRss - first.rssBefore) / 2 ** 20, unit: 'MiB' },
        );
        const cpu0 = ownCpuSeconds();
        const alone = await decodePeaks(file.path);
        const aloneCpu = ownCpuSeconds() - cpu0;
        if (alone.pairs.length / 2 !== first.pairs) throw new Error(`the decode in this thread gave ${alone.pairs.length / 2} pairs, the app ${first.pairs}`);
        const ffAgain = ffmpeg(file.path);
        results.push({ name: `${file.hours} h ${file.name}: mpg123-peaks decoder alone (one thread, no workers), CPU`, value: aloneCpu, unit: 's', baseline: { name: 'ffmpeg -threads 1 decode, CPU, right after', value: ffAgain.cpu }, goal: { op: '<=', value: 1.2, on: 'ratio' } });
        // More chunks in flight than cores only takes a larger share of a loaded machine.
        for (const lanes of file.hours === 1 && file.name.startsWith('CBR') ? [2, 4] : [2]) {
          const page = await chromiumDecodeAudioData(file.path, lanes);
          const again = ffmpeg(file.path);
          if (Math.abs(page.pairs - first.pairs) > first.pairs / 1000) throw new Error(`the page decode gave ${page.pairs} pairs, the app ${first.pairs}`);
          const label = `${file.hours} h ${file.name}: not used: Chromium decodeAudioData, ${PAGE_CHUNK_SECONDS} s chunks, ${lanes} in flight`;
          results.push(
            { name: `${label}, all peaks`, value: page.ms, unit: 'ms', baseline: { name: 'ffmpeg -threads 1 decode, right after', value: again.ms } },
            { name: `${label}, CPU (Chromium's processes)`, value: page.cpu, unit: 's', baseline: { name: 'ffmpeg -threads 1 decode, CPU', value: again.cpu } },
          );
        }
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
    return results;
  },
};
