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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseVtt } from '../shared/formats/vtt';
import { percentile, type Benchmark, type BenchResult } from './report';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'cueline-bench');
const VTT = join(PROJECT_ROOT, '..', 'shared', 'fixtures', 'talkpython', '515-temporal.vtt');
const SPEAK = join(PROJECT_ROOT, '..', 'shared', 'tools', 'speak-vtt.mjs');

interface Truth {
  start: number;
  end: number;
  text: string;
}

/** Makes (once) `minutes` of flite speech as MP3, and its truth. */
function ensureSpeech(minutes: number): { mp3: string; truth: Truth[] } {
  mkdirSync(CACHE, { recursive: true });
  const mp3 = join(CACHE, `align-flite-${minutes}m.mp3`);
  const truthPath = join(CACHE, `align-flite-${minutes}m.truth.json`);
  if (!existsSync(mp3) || !existsSync(truthPath)) {
    const wav = join(CACHE, `align-flite-${minutes}m.partial.wav`);
    const truthTemp = `${truthPath}.partial`;
    execFileSync('node', [SPEAK, VTT, wav, '--to', String(minutes * 60), '--engine', 'flite', '--rate', '44100', '--gap-noise', '0.003', '--truth', truthTemp], { stdio: 'ignore' });
    execFileSync('lame', ['--quiet', '-b', '128', '-m', 'm', wav, `${mp3}.partial.mp3`]);
    rmSync(wav);
    renameSync(truthTemp, truthPath);
    renameSync(`${mp3}.partial.mp3`, mp3);
  }
  return { mp3, truth: (JSON.parse(readFileSync(truthPath, 'utf8')) as { cues: Truth[] }).cues };
}

/** Three hours: the hour's MP3 three times over (for memory and time; no truth across the joins). */
function ensureThreeHours(hour: { mp3: string; truth: Truth[] }): { mp3: string; truth: Truth[] } {
  const mp3 = join(CACHE, 'align-flite-180m.mp3');
  if (!existsSync(mp3)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', hour.mp3, '-i', hour.mp3, '-i', hour.mp3, '-filter_complex', 'concat=n=3:v=0:a=1', '-ac', '1', '-b:a', '128k', `${mp3}.partial.mp3`]);
    renameSync(`${mp3}.partial.mp3`, mp3);
  }
  return { mp3, truth: [...hour.truth, ...hour.truth, ...hour.truth] };
}

/** The alignment run as one CommonJS file, with the synthesizer program beside it. */
async function bundledRun(): Promise<string> {
  const outfile = join(CACHE, 'align-run.cjs');
  const contents = `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { runAlign } = require(${JSON.stringify(join(PROJECT_ROOT, 'electron', 'services', 'align', 'run-align.ts'))});
    const [input, output] = process.argv.slice(2);
    const job = JSON.parse(readFileSync(input, 'utf8'));
    runAlign({ audioPath: job.audio, cues: job.cues, anchorKind: 'none' }).then((r) => writeFileSync(output, JSON.stringify(r.units.map((u) => u.start))));
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

async function timedRun(script: string, job: string, out: string): Promise<{ ms: number; peakMiB: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [script, job, out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 25);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`alignment run failed (${code}): ${stderr.slice(-2000)}`);
  return { ms: performance.now() - t0, peakMiB: peak };
}

function ffmpegMs(path: string): number {
  const t0 = performance.now();
  const r = spawnSync('ffmpeg', ['-threads', '1', '-v', 'error', '-i', path, '-f', 'null', '-']);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return performance.now() - t0;
}

function errorResults(label: string, starts: number[], truth: Truth[]): BenchResult[] {
  const errors = truth.map((t, k) => Math.abs(starts[k]! - t.start) * 1000).sort((a, b) => a - b);
  return [
    { name: `${label}: start error median`, value: percentile(errors, 50), unit: 'ms', goal: { op: '<=', value: 20, on: 'value' } },
    { name: `${label}: start error p90`, value: percentile(errors, 90), unit: 'ms', goal: { op: '<=', value: 100, on: 'value' } },
    { name: `${label}: start error max`, value: errors[errors.length - 1]!, unit: 'ms', goal: { op: '<=', value: 500, on: 'value' } },
  ];
}

/** echogarden 3.4's dtw on the same MP3 and text, when it is installed (never installed by the bench). */
async function echogardenRun(mp3: string, truth: Truth[], label: string): Promise<BenchResult[]> {
  let echogarden: { align(input: string, transcript: string, options: object): Promise<{ wordTimeline?: { startTime: number }[] }> };
  try {
    echogarden = (await import(/* @vite-ignore */ 'echogarden' as string)) as typeof echogarden;
  } catch {
    console.log(`${label}: echogarden dtw skipped: echogarden is not installed (npm i --no-save echogarden @echogarden/espeak-ng-emscripten, see issue 12)`);
    return [];
  }
  const wav = join(CACHE, `${label.replace(/\W+/g, '-')}.16k.wav`);
  if (!existsSync(wav)) execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', mp3, '-ar', '16000', '-ac', '1', wav]);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t0 = performance.now();
  const result = await echogarden.align(wav, truth.map((t) => t.text).join('\n'), { engine: 'dtw', language: 'en' });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const words = result.wordTimeline ?? [];
  let index = 0;
  const starts = truth.map((t) => {
    const start = words[index]?.startTime ?? NaN;
    index += t.text.split(/\s+/).filter(Boolean).length;
    return start;
  });
  return [
    { name: `${label}: echogarden dtw wall time`, value: ms, unit: 'ms' },
    { name: `${label}: echogarden dtw RSS growth`, value: (peak - rssBefore) / 2 ** 20, unit: 'MiB' },
    ...errorResults(`${label}: echogarden dtw`, starts, truth),
  ];
}

export const alignBenchmark: Benchmark = {
  name: 'align',
  async run() {
    const script = await bundledRun();
    const results: BenchResult[] = [];
    const cueTexts = parseVtt(readFileSync(VTT, 'utf8')).cues;
    for (const minutes of [10, 60, 180]) {
      const { mp3, truth } = minutes === 180 ? ensureThreeHours(ensureSpeech(60)) : ensureSpeech(minutes);
      const label = `${minutes} min flite speech`;
      const job = join(CACHE, `align-job-${minutes}m.json`);
      const out = join(CACHE, `align-out-${minutes}m.json`);
      // The truth lists the cues spoken; the text given is theirs, without times.
      const texts = truth.map((t, k) => cueTexts[k % (truth.length / (minutes === 180 ? 3 : 1))]?.text ?? t.text);
      writeFileSync(job, JSON.stringify({ audio: mp3, cues: texts.map((text) => ({ text, anchor: null })) }));
      const floor = { name: 'ffmpeg -threads 1 decode', value: ffmpegMs(mp3) };
      const run = await timedRun(script, job, out);
      results.push(
        { name: `${label}: align wall time`, value: run.ms, unit: 'ms', baseline: floor, goal: { op: '<=', value: 4, on: 'ratio' } },
        ...(minutes === 60 ? [{ name: `${label}: align wall time (goal: one hour in 30 s)`, value: run.ms, unit: 'ms', goal: { op: '<=' as const, value: 30_000, on: 'value' as const } }] : []),
        { name: `${label}: align peak RSS (process + synthesizer)`, value: run.peakMiB, unit: 'MiB', ...(minutes === 180 ? { goal: { op: '<=' as const, value: 300, on: 'value' as const } } : {}) },
      );
      if (minutes === 180) continue;
      const starts = JSON.parse(readFileSync(out, 'utf8')) as number[];
      results.push(...errorResults(label, starts, truth), ...(await echogardenRun(mp3, truth, label)));
    }
    return results;
  },
};
