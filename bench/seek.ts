/**
 * Seek accuracy of playback in Chromium: after a seek to t, is what is heard at t what
 * the waveform draws at t? A 60 s test signal (a quiet 440 Hz tone with a loud 50 ms
 * 2 kHz burst at every k + 0.5 s) is encoded in each format (sox, lame, ffmpeg). For
 * each of 12 seeks the page plays from t through the app's own audio URL (Range
 * requests), records what the element outputs (MediaElementAudioSourceNode into a
 * ScriptProcessor), and compares the delay from playback start to the next burst with
 * the true one. Reports the worst error per format; the baseline is WAV in the same
 * run (PCM seeks are exact, so its figure is the measurement's own noise).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../electron/preview/harness';
import type { Benchmark, BenchResult } from './report';

const CACHE = join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', '.cache', 'cueline-bench', 'seek');
const SECONDS = 60;
const SEEKS = [3.3, 7.71, 11.05, 15.9, 19.42, 23.18, 28.6, 33.07, 38.85, 44.4, 49.99, 55.25];

/** The test signal in every format, made once. */
function ensureFiles(): { name: string; path: string }[] {
  mkdirSync(CACHE, { recursive: true });
  const p = (name: string) => join(CACHE, name);
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'ignore' });
  if (!existsSync(p('clicks.wav'))) {
    run('sox', ['-n', '-r', '44100', '-c', '1', '-b', '16', p('tone.wav'), 'synth', String(SECONDS), 'sine', '440', 'vol', '0.05']);
    run('sox', ['-n', '-r', '44100', '-c', '1', '-b', '16', p('period.wav'), 'synth', '1', 'sine', '2000', 'vol', '0.9', 'trim', '0', '0.05', 'pad', '0.5', '0.45']);
    run('sox', [...Array.from({ length: SECONDS }, () => p('period.wav')), p('bursts.wav')]);
    // 16-bit PCM: Chromium does not play 32-bit integer WAV.
    run('sox', ['-m', '-v', '1', p('tone.wav'), '-v', '1', p('bursts.wav'), '-b', '16', p('clicks.wav')]);
  }
  const make = (label: string, file: string, cmd: string, args: (out: string) => string[]) => {
    if (!existsSync(p(file))) run(cmd, args(p(file)));
    return { name: label, path: p(file) };
  };
  const ff = (codec: string[]) => (out: string) => ['-loglevel', 'error', '-y', '-i', p('clicks.wav'), ...codec, out];
  return [
    { name: 'WAV', path: p('clicks.wav') },
    make('MP3 CBR 128', 'cbr.mp3', 'lame', (out) => ['--quiet', '-b', '128', p('clicks.wav'), out]),
    make('MP3 VBR -V2 (Xing)', 'vbr.mp3', 'lame', (out) => ['--quiet', '-V', '2', p('clicks.wav'), out]),
    make('MP3 VBR -V2 no Xing', 'vbr-noxing.mp3', 'lame', (out) => ['--quiet', '-V', '2', '-t', p('clicks.wav'), out]),
    make('FLAC', 'clicks.flac', 'sox', (out) => [p('clicks.wav'), out]),
    make('Ogg Vorbis', 'clicks.ogg', 'ffmpeg', ff(['-c:a', 'libvorbis', '-q:a', '4'])),
    make('Opus', 'clicks.opus', 'ffmpeg', ff(['-c:a', 'libopus', '-b:a', '64k'])),
    make('M4A AAC', 'clicks.m4a', 'ffmpeg', ff(['-c:a', 'aac', '-b:a', '128k'])),
  ];
}

/** In the page: seek, play 1.2 s, and measure each seek's error in ms. */
async function measureInPage([src, seeks]: [string, number[]]): Promise<number[]> {
  const a = new Audio(src);
  a.preload = 'auto';
  await new Promise((resolve, reject) => {
    a.onloadedmetadata = resolve;
    a.onerror = () => reject(new Error(`cannot load: ${a.error?.message}`));
  });
  const ctx = new AudioContext();
  const source = ctx.createMediaElementSource(a);
  const recorder = ctx.createScriptProcessor(1024, 1, 1);
  const samples: number[] = [];
  let recording = false;
  recorder.onaudioprocess = (e) => { if (recording) for (const x of e.inputBuffer.getChannelData(0)) samples.push(x); };
  source.connect(recorder);
  recorder.connect(ctx.destination);
  const errors: number[] = [];
  for (const t of seeks) {
    a.currentTime = t;
    await new Promise((resolve) => { a.onseeked = resolve; });
    // Let the graph drain what the previous play left in its buffers.
    await new Promise((resolve) => setTimeout(resolve, 400));
    samples.length = 0;
    recording = true;
    await a.play();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    a.pause();
    recording = false;
    const start = samples.findIndex((x) => Math.abs(x) > 0.005);
    let burst = -1;
    for (let i = Math.max(0, start); i < samples.length; i++) if (Math.abs(samples[i]!) > 0.4) { burst = i; break; }
    const expected = Math.ceil(t - 0.5) + 0.5 - t;
    errors.push(start < 0 || burst < 0 ? NaN : ((burst - start) / ctx.sampleRate - expected) * 1000);
  }
  await ctx.close();
  return errors;
}

export const seekBenchmark: Benchmark = {
  name: 'seek',
  async run(): Promise<BenchResult[]> {
    const files = ensureFiles();
    const app = await openApp({ launchPaths: [] });
    try {
      await app.page.locator('.toolbar').waitFor();
      const worst = new Map<string, number>();
      for (const f of files) {
        const opened = await app.server.session.openPaths([f.path]);
        if (!opened.audio) throw new Error(`${f.name}: ${opened.messages.map((m) => m.text).join('; ')}`);
        const errors = await app.page.evaluate(measureInPage, [opened.audio.url, SEEKS] as [string, number[]]);
        worst.set(f.name, Math.max(...errors.map((e) => (Number.isNaN(e) ? Infinity : Math.abs(e)))));
      }
      const base = worst.get('WAV')!;
      return files.map((f) => ({
        name: `seek error, worst of ${SEEKS.length} seeks: ${f.name}`,
        value: worst.get(f.name)!,
        unit: 'ms',
        baseline: { name: 'WAV (measurement noise)', value: base },
        goal: { op: '<=' as const, value: 20, on: 'value' as const },
      }));
    } finally {
      await app.close();
    }
  },
};
