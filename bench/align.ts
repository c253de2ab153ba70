/**
 * Alignment of 10 and 60 minutes (and, for time and memory, 3 hours) of flite speech (speak-vtt.mjs on 515-temporal.vtt,
 * 44.1 kHz, noise in the gaps, as 128 kbit/s MP3; made once and cached under
 * node_modules/.cache/cueline-bench/) from the cue texts alone, no times given: wall
 * time, peak RSS of the run (its process and the synthesizer program), and each cue's
 * start error against where flite's speech really starts. In the same run: `ffmpeg
 * -threads 1` decoding the same file (the floor), and echogarden's `dtw` on the same
 * input when echogarden is installed.
 *
 * The run is bundled with esbuild as the app bundles its workers (no TypeScript loader
 * in the figures) and runs in its own process, so its RSS is its own.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parseVtt } from '../shared/formats/vtt';
import { percentile, type Benchmark, type BenchResult } from './report';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'cueline-bench');
const VTT = join(PROJECT_ROOT, '..', 'shared', 'fixtures', 'talkpython', '515-temporal.vtt');
const SPEAK = join(PROJECT_ROOT, '..', 'shared', 'tools', 'speak-vtt.mjs');

/**
 * Noise in the gaps, in 16-bit steps as speak-vtt reads it: ±30 is about -65 dBFS, a quiet
 * room. (0.003, used before, rounded to digital silence, which no recording has.)
 */
const GAP_NOISE = 30;

interface Truth {
  start: number;
  end: number;
  text: string;
}

/** Makes (once) `minutes` of flite speech as MP3, and its truth. */
function ensureSpeech(minutes: number): { mp3: string; truth: Truth[] } {
  mkdirSync(CACHE, { recursive: true });
  const mp3 = join(CACHE, `align-flite-n30-${minutes}m.mp3`);
  const truthPath = join(CACHE, `align-flite-n30-${minutes}m.truth.json`);
  if (!existsSync(mp3) || !existsSync(truthPath)) {
    const wav = join(CACHE, `align-flite-n30-${minutes}m.partial.wav`);
    const truthTemp = `${truthPath}.partial`;
    execFileSync('node', [SPEAK, VTT, wav, '--to', String(minutes * 60), '--engine', 'flite', '--rate', '44100', '--gap-noise', String(GAP_NOISE), '--truth', truthTemp], { stdio: 'ignore' });
    execFileSync('lame', ['--quiet', '-b', '128', '-m', 'm', wav, `${mp3}.partial.mp3`]);
    rmSync(wav);
    renameSync(truthTemp, truthPath);
    renameSync(`${mp3}.partial.mp3`, mp3);
  }
  return { mp3, truth: (JSON.parse(readFileSync(truthPath, 'utf8')) as { cues: Truth[] }).cues };
}

/** Three hours: the hour's MP3 three times over (for memory and time; no truth across the joins). */
function ensureThreeHours(hour: { mp3: string; truth: Truth[] }): { mp3: string; truth: Truth[] } {
  const mp3 = join(CACHE, 'align-flite-n30-180m.mp3');
  if (!existsSync(mp3)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', hour.mp3, '-i', hour.mp3, '-i', hour.mp3, '-filter_complex', 'concat=n=3:v=0:a=1', '-ac', '1', '-b:a', '128k', `${mp3}.partial.mp3`]);
    renameSync(`${mp3}.partial.mp3`, mp3);
  }
  return { mp3, truth: [...hour.truth, ...hour.truth, ...hour.truth] };
}

/** The alignment run as one CommonJS file, with the synthesizer program beside it. */
async function bundledRun(): Promise<string> {
  const outfile = join(CACHE, 'align-run.cjs');
  // The run decodes in a thread started from this same file, as the app's align worker does.
  const contents = `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { workerData, parentPort } = require('node:worker_threads');
    const { runAlign } = require(${JSON.stringify(join(PROJECT_ROOT, 'electron', 'services', 'align', 'run-align.ts'))});
    const { DECODE_FEATURES_ROLE, serveDecodeFeatures } = require(${JSON.stringify(join(PROJECT_ROOT, 'electron', 'services', 'align', 'decode-features.ts'))});
    if (workerData && workerData.role === DECODE_FEATURES_ROLE) serveDecodeFeatures(parentPort, workerData);
    else {
      const [input, output] = process.argv.slice(2);
      const job = JSON.parse(readFileSync(input, 'utf8'));
      runAlign({ audioPath: job.audio, cues: job.cues, anchorKind: 'none', decodeWorker: { source: __filename } }).then((r) => writeFileSync(output, JSON.stringify(r.units.map((u) => u.start))));
    }
  `;
  await build({
    stdin: { contents, resolveDir: PROJECT_ROOT, loader: 'ts' },
    outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  copyFileSync(join(PROJECT_ROOT, 'electron', 'services', 'align', 'espeak-synth.mjs'), join(CACHE, 'espeak-synth.mjs'));
  return outfile;
}

/** Resident memory of a process and its children, MiB (Linux /proc). */
function treeRss(pid: number): number {
  const rss = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let total = 0;
  const visit = (p: number) => {
    try {
      total += rss(p);
      for (const task of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').split(/\s+/).filter(Boolean)) visit(Number(task));
    } catch {
      // The process ended between the listing and the read.
    }
  };
  visit(pid);
  return total;
}

/** Runs `node ARGS` and samples its process tree's RSS; fails on a non-zero exit or after `timeoutMs`. */
async function timedRun(args: string[], timeoutMs = Infinity): Promise<{ ms: number; peakMiB: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 25);
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : null;
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (timer) clearTimeout(timer);
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`${ms >= timeoutMs ? `stopped after ${Math.round(ms / 1000)} s` : `exit ${code}`}: ${stderr.slice(-2000)}`);
  return { ms, peakMiB: peak };
}

function ffmpegMs(path: string): number {
  const t0 = performance.now();
  const r = spawnSync('ffmpeg', ['-threads', '1', '-v', 'error', '-i', path, '-f', 'null', '-']);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return performance.now() - t0;
}

function errorResults(label: string, starts: number[], truth: Truth[]): BenchResult[] {
  const timed = truth.map((t, k) => ({ t, start: starts[k] })).filter((e) => typeof e.start === 'number' && Number.isFinite(e.start));
  const errors = timed.map((e) => Math.abs(e.start! - e.t.start) * 1000).sort((a, b) => a - b);
  const untimed = truth.length - timed.length;
  return [
    { name: `${label}: start error median`, value: percentile(errors, 50), unit: 'ms', goal: { op: '<=', value: 20, on: 'value' } },
    { name: `${label}: start error p90`, value: percentile(errors, 90), unit: 'ms', goal: { op: '<=', value: 100, on: 'value' } },
    { name: `${label}: start error max`, value: errors[errors.length - 1] ?? NaN, unit: 'ms', goal: { op: '<=', value: 500, on: 'value' } },
    ...(untimed > 0 ? [{ name: `${label}: cues given no start`, value: untimed, unit: 'cues' }] : []),
  ];
}

/**
 * Where echogarden is: CUELINE_ECHOGARDEN (its package folder, installed outside the
 * project so it never enters package.json or the lockfile), else a project install
 * (`npm i --no-save`). Null when neither is there.
 */
function echogardenEntry(): string | null {
  const folder = process.env.CUELINE_ECHOGARDEN;
  if (folder) {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { exports?: { '.'?: { import?: string } | string }; main?: string };
    const entry = manifest.exports?.['.'];
    return pathToFileURL(join(folder, (typeof entry === 'string' ? entry : entry?.import) ?? manifest.main ?? 'index.js')).href;
  }
  try {
    return pathToFileURL(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('echogarden')).href;
  } catch {
    return null;
  }
}

/**
 * echogarden's run, in its own process so its memory is its own (the figure is the
 * process's peak RSS, as for Cueline's run): align the WAV to the text, write each
 * word's start and its offset in the text.
 */
const ECHOGARDEN_RUNNER = `
  import { readFileSync, writeFileSync } from 'node:fs';
  const [entry, wav, transcriptPath, out] = process.argv.slice(2);
  const echogarden = await import(entry);
  const result = await echogarden.align(wav, readFileSync(transcriptPath, 'utf8'), { engine: 'dtw', language: 'en' }, { logLevel: 'warning' });
  writeFileSync(out, JSON.stringify((result.wordTimeline ?? []).map((w) => [w.startTime, w.startOffsetUtf16 ?? -1])));
`;

/** Longest an echogarden run may take before it is stopped (it took 125 s for an hour when measured for issue 12). */
const ECHOGARDEN_TIMEOUT_MS = 15 * 60_000;

/** echogarden 3.4's dtw on the same audio (as 16 kHz WAV) and text, when it is installed (never installed by the bench). */
async function echogardenRun(mp3: string, texts: string[], truth: Truth[], label: string): Promise<BenchResult[]> {
  const entry = echogardenEntry();
  if (!entry) {
    console.log(`${label}: echogarden dtw skipped: not installed (install it outside the project and set CUELINE_ECHOGARDEN to its package folder, or npm i --no-save echogarden @echogarden/espeak-ng-emscripten; see issue 12)`);
    return [];
  }
  const base = join(CACHE, label.replace(/\W+/g, '-'));
  const wav = `${base}.16k.wav`;
  if (!existsSync(wav)) execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', mp3, '-ar', '16000', '-ac', '1', wav]);
  const transcript = texts.join('\n');
  const transcriptPath = `${base}.transcript.txt`;
  const runner = join(CACHE, 'echogarden-run.mjs');
  const out = `${base}.echogarden.json`;
  writeFileSync(transcriptPath, transcript);
  writeFileSync(runner, ECHOGARDEN_RUNNER);
  rmSync(out, { force: true });
  let run: { ms: number; peakMiB: number };
  try {
    run = await timedRun([runner, entry, wav, transcriptPath, out], ECHOGARDEN_TIMEOUT_MS);
  } catch (error) {
    console.log(`${label}: echogarden dtw failed: ${error instanceof Error ? error.message.slice(-600) : String(error)}`);
    return [];
  }
  const words = JSON.parse(readFileSync(out, 'utf8')) as [number, number][];
  // Each cue's first word: the first word echogarden placed at or after the cue's offset in the text.
  let offset = 0;
  let w = 0;
  const starts = texts.map((text) => {
    const from = offset;
    offset += text.length + 1;
    while (w < words.length && words[w]![1] < from) w++;
    return w < words.length && words[w]![1] < offset ? words[w]![0] : NaN;
  });
  return [
    { name: `${label}: echogarden dtw wall time`, value: run.ms, unit: 'ms' },
    { name: `${label}: echogarden dtw peak RSS`, value: run.peakMiB, unit: 'MiB' },
    ...errorResults(`${label}: echogarden dtw`, starts, truth),
  ];
}

export const alignBenchmark: Benchmark = {
  name: 'align',
  async run() {
    const script = await bundledRun();
    const results: BenchResult[] = [];
    const cueTexts = parseVtt(readFileSync(VTT, 'utf8')).cues;
    // CUELINE_ALIGN_MINUTES=60 (or "10,60") runs just those lengths, for work on one of them.
    const lengths = process.env.CUELINE_ALIGN_MINUTES ? process.env.CUELINE_ALIGN_MINUTES.split(',').map(Number) : [10, 60, 180];
    for (const minutes of lengths) {
      if (![10, 60, 180].includes(minutes)) throw new Error(`CUELINE_ALIGN_MINUTES: ${minutes} is not one of 10, 60, 180`);
      const { mp3, truth } = minutes === 180 ? ensureThreeHours(ensureSpeech(60)) : ensureSpeech(minutes);
      const label = `${minutes} min flite speech`;
      const job = join(CACHE, `align-job-${minutes}m.json`);
      const out = join(CACHE, `align-out-${minutes}m.json`);
      // The truth lists the cues spoken; the text given is theirs, without times.
      const texts = truth.map((t, k) => cueTexts[k % (truth.length / (minutes === 180 ? 3 : 1))]?.text ?? t.text);
      writeFileSync(job, JSON.stringify({ audio: mp3, cues: texts.map((text) => ({ text, anchor: null })) }));
      const floor = { name: 'ffmpeg -threads 1 decode', value: ffmpegMs(mp3) };
      const run = await timedRun([script, job, out]);
      results.push(
        { name: `${label}: align wall time`, value: run.ms, unit: 'ms', baseline: floor, goal: { op: '<=', value: 4, on: 'ratio' } },
        ...(minutes === 60 ? [{ name: `${label}: align wall time (goal: one hour in 30 s)`, value: run.ms, unit: 'ms', goal: { op: '<=' as const, value: 30_000, on: 'value' as const } }] : []),
        { name: `${label}: align peak RSS (process + synthesizer)`, value: run.peakMiB, unit: 'MiB', ...(minutes === 180 ? { goal: { op: '<=' as const, value: 300, on: 'value' as const } } : {}) },
      );
      if (minutes === 180) continue;
      const starts = JSON.parse(readFileSync(out, 'utf8')) as number[];
      results.push(...errorResults(label, starts, truth), ...(await echogardenRun(mp3, texts, truth, label)));
    }
    return results;
  },
};
