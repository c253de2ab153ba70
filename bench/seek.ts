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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../electron/preview/harness';
import { makeSeekSignalFiles } from '../electron/services/audio/test-audio';
import { measureSeekErrors } from '../renderer/src/waveform/seek-probe';
import type { Benchmark, BenchResult } from './report';

const CACHE = join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', '.cache', 'cueline-bench', 'seek');
const SECONDS = 60;
const SEEKS = [3.3, 7.71, 11.05, 15.9, 19.42, 23.18, 28.6, 33.07, 38.85, 44.4, 49.99, 55.25];

export const seekBenchmark: Benchmark = {
  name: 'seek',
  async run(): Promise<BenchResult[]> {
    const files = makeSeekSignalFiles(CACHE, SECONDS);
    const app = await openApp({ launchPaths: [] });
    try {
      await app.page.locator('.toolbar').waitFor();
      const worst = new Map<string, number>();
      for (const f of files) {
        const opened = await app.server.session.openPaths([f.path]);
        if (!opened.audio) throw new Error(`${f.name}: ${opened.messages.map((m) => m.text).join('; ')}`);
        const errors = await app.page.evaluate(measureSeekErrors, [opened.audio.url, SEEKS, 1200] as [string, number[], number]);
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
