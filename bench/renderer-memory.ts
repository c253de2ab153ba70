/**
 * The page's memory with a 3-hour episode open (a 3 h MP3 and a 4,000-cue transcript),
 * after the whole waveform has streamed in, and after scrolling through the editor and
 * the waveform; against the 98-second demo episode in the same run. Figures from the
 * DevTools protocol: JS heap in use (after a forced GC) and DOM nodes. Before this app
 * drew precomputed peaks, wavesurfer decoding a 1-hour MP3 in the page took ~3 GiB.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../electron/preview/harness';
import { PROJECT_ROOT } from '../electron/preview/server';
import { ensureThreeHourMp3 } from './audio';
import { buildLongVtt } from './formats';
import type { Benchmark, BenchResult } from './report';

interface Memory { heapMiB: number; nodes: number; openMs: number }

async function measure(vtt: string, audio: string): Promise<{ loaded: Memory; scrolled: Memory }> {
  const app = await openApp({ launchPaths: [vtt, audio] });
  try {
    const { page } = app;
    const t0 = Date.now();
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 120_000 });
    const openMs = Date.now() - t0;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async (): Promise<Memory> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { heapMiB: get('JSHeapUsedSize') / 2 ** 20, nodes: get('Nodes'), openMs };
    };
    const loaded = await sample();
    // Scroll the editor to the end and back, and the waveform across.
    await page.locator('.cm-content').click();
    for (const key of ['Control+End', 'Control+Home', 'PageDown', 'PageDown', 'PageDown']) await page.keyboard.press(key);
    const wave = page.getByTestId('waveform');
    await wave.hover();
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(500);
    return { loaded, scrolled: await sample() };
  } finally {
    await app.close();
  }
}

export const rendererMemoryBenchmark: Benchmark = {
  name: 'renderer-memory',
  async run(): Promise<BenchResult[]> {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-mem-'));
    try {
      const vtt = join(dir, 'long.vtt');
      await writeFile(vtt, buildLongVtt(4000));
      const audio = join(dir, 'long.mp3');
      await copyFile(ensureThreeHourMp3(), audio);
      const demo = await measure(join(PROJECT_ROOT, 'resources/demo/demo.vtt'), join(PROJECT_ROOT, 'resources/demo/demo.mp3'));
      const long = await measure(vtt, audio);
      const base = (label: string, value: number) => ({ name: `demo episode ${label}`, value });
      return [
        { name: '3 h MP3 + 4,000 cues: open to whole waveform', value: long.loaded.openMs, unit: 'ms', baseline: base('open', demo.loaded.openMs) },
        { name: '3 h MP3 + 4,000 cues: JS heap after load', value: long.loaded.heapMiB, unit: 'MiB', baseline: base('JS heap', demo.loaded.heapMiB) },
        { name: '3 h MP3 + 4,000 cues: JS heap after scrolling', value: long.scrolled.heapMiB, unit: 'MiB', baseline: base('JS heap after scrolling', demo.scrolled.heapMiB) },
        { name: '3 h MP3 + 4,000 cues: DOM nodes after scrolling', value: long.scrolled.nodes, unit: 'nodes', baseline: base('DOM nodes', demo.scrolled.nodes) },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
