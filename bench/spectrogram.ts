/**
 * The spectrogram strip (renderer/src/waveform/spectrogram.ts) with long episodes open
 * (a 4,000-cue transcript and the 1 h and 3 h MP3s of the audio bench), against, in the
 * same run, an empty app and the same page with the strip hidden:
 * - first tile: from the toggle to the first tile drawn (the page's clock; the worker
 *   has opened the audio with the waveform), and the whole view. Twice: on a view that
 *   rested (the hidden strip has computed its centre tile) and cold, toggled at once
 *   after a jump to a part of the file never drawn (its first tile waits for a Range
 *   request decoded in the main process);
 * - scroll frames (rAF intervals) with the strip shown on 3 h, tiles computing as it
 *   goes, against the same scroll with it hidden;
 * - renderer RSS with the strip open, after the scroll, above the empty app, and what
 *   the strip adds to the same page scrolled with it hidden;
 * - zoom frames with the strip shown;
 * - the baseline this design avoids: wavesurfer's own Spectrogram plugin on the 1 h
 *   MP3 (whole-file decode and FFT in the page): time to its `ready`, peak RSS, or the
 *   error it gives.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from '../electron/preview/harness';
import { TILE_COLUMNS } from '../renderer/src/waveform/spectrogram-tiles';
import { ensureOneHourMp3, ensureThreeHourMp3 } from './audio';
import { buildLongVtt } from './formats';
import { frames, heapMiB, rendererRssMiB, wavesurferPage, zoomFrames } from './renderer-memory';
import { percentile, type Benchmark, type BenchResult } from './report';

interface Measured { firstTileMs: number; firstAtToggle: string; coldFirstTileMs: number; coldAtToggle: string; wholeViewMs: number; readMs: number; fftMs: number; scrollShown: number[]; scrollHidden: number[]; zoomShown: number[]; rss: number; rssHidden: number; heap: number }

const strip = (page: Page) => page.getByTestId('waveform').locator('[data-testid="spectrogram"]');

async function scroll(page: Page, steps = 40, px = 600): Promise<void> {
  for (let i = 0; i < steps; i++) { await page.mouse.wheel(0, px); await page.waitForTimeout(30); }
}

async function emptyAppRss(): Promise<number> {
  const app = await openApp({ launchPaths: [] });
  try {
    await app.page.locator('.toolbar').waitFor();
    await app.page.waitForTimeout(500);
    await heapMiB(app.page);
    return rendererRssMiB();
  } finally {
    await app.close();
  }
}

async function measure(vtt: string, audio: string): Promise<Measured> {
  const app = await openApp({ launchPaths: [vtt, audio] });
  try {
    const { page } = app;
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 300_000 });
    await page.waitForTimeout(500);
    const wave = page.getByTestId('waveform');
    await wave.hover();
    const scrollHidden = await frames(page, () => scroll(page));
    await heapMiB(page);
    const rssHidden = rendererRssMiB();
    // The user rests on the view before the toggle: the hidden strip computes its centre
    // tile (a second one: the first was the view the audio opened on; a stall mid-scroll
    // may add others, and the line says whether the toggle found this view's).
    for (const until = Date.now() + 60_000; Number(await strip(page).getAttribute('data-tiles')) < 2;) {
      if (Date.now() > until) throw new Error('the hidden strip computed no tile for the view');
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(600);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Spectrogram' }).click();
    await wave.locator('[data-testid="spectrogram"][data-first-tile-ms]').waitFor({ timeout: 60_000 });
    await wave.locator('[data-testid="spectrogram"][data-complete="true"]').waitFor({ timeout: 60_000 });
    const wholeViewMs = Date.now() - t0;
    const firstTileMs = Number(await strip(page).getAttribute('data-first-tile-ms'));
    const firstAtToggle = (await strip(page).getAttribute('data-first-tile-at-toggle')) ?? '?';
    const readMs = Number(await strip(page).getAttribute('data-tile-read-ms'));
    const fftMs = Number(await strip(page).getAttribute('data-tile-fft-ms'));
    await wave.hover();
    const scrollShown = await frames(page, () => scroll(page));
    const zoomShown = await zoomFrames(page);
    await wave.locator('[data-testid="spectrogram"][data-complete="true"]').waitFor({ timeout: 60_000 });
    const heap = await heapMiB(page);
    const rss = rendererRssMiB();
    // Cold: hidden, a jump far past everything drawn, and the toggle at once (within the prefetch's wait).
    await page.getByRole('button', { name: 'Spectrogram' }).click();
    await wave.hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(50);
    await page.getByRole('button', { name: 'Spectrogram' }).click();
    await wave.locator('[data-testid="spectrogram"][data-first-tile-ms]').waitFor({ timeout: 60_000 });
    const coldFirstTileMs = Number(await strip(page).getAttribute('data-first-tile-ms'));
    const coldAtToggle = (await strip(page).getAttribute('data-first-tile-at-toggle')) ?? '?';
    return { firstTileMs, firstAtToggle, coldFirstTileMs, coldAtToggle, wholeViewMs, readMs, fftMs, scrollShown, scrollHidden, zoomShown, rss, rssHidden, heap };
  } finally {
    await app.close();
  }
}

export const spectrogramBenchmark: Benchmark = {
  name: 'spectrogram',
  async run(): Promise<BenchResult[]> {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-spectrogram-'));
    try {
      const vtt = join(dir, 'long.vtt');
      await writeFile(vtt, buildLongVtt(4000));
      const empty = await emptyAppRss();
      const out: BenchResult[] = [];
      const late = (f: number[]) => f.filter((x) => x > 20).length;
      const runs = [['1 h', ensureOneHourMp3()], ['3 h', ensureThreeHourMp3()]] as const;
      let oneHour: Measured | null = null;
      for (const [label, mp3] of runs) {
        const m = await measure(vtt, mp3);
        if (label === '1 h') oneHour = m;
        out.push(
          { name: `${label} MP3 + 4,000 cues: spectrogram first tile, view at rest (toggle to drawn; computed while hidden: ${m.firstAtToggle})`, value: m.firstTileMs, unit: 'ms', goal: { op: '<=', value: 100, on: 'value' } },
          { name: `${label} MP3 + 4,000 cues: spectrogram first tile, cold (toggled at once after a jump; computed while hidden: ${m.coldAtToggle})`, value: m.coldFirstTileMs, unit: 'ms', goal: { op: '<=', value: 100, on: 'value' } },
          { name: `${label} MP3 + 4,000 cues: spectrogram whole view (toggle to every visible tile, wall clock)`, value: m.wholeViewMs, unit: 'ms' },
          { name: `${label} MP3 + 4,000 cues: last tile of the view, reading its PCM (Range request, decoded in the main process)`, value: m.readMs, unit: 'ms' },
          { name: `${label} MP3 + 4,000 cues: last tile of the view, its ${TILE_COLUMNS} FFTs and rows`, value: m.fftMs, unit: 'ms' },
          {
            name: `${label} MP3 + 4,000 cues: scroll frame interval p95 with the spectrogram shown (${late(m.scrollShown)} of ${m.scrollShown.length} frames over 20 ms)`,
            value: percentile(m.scrollShown, 95), unit: 'ms', baseline: { name: 'spectrogram hidden', value: percentile(m.scrollHidden, 95) }, goal: { op: '<=', value: 17, on: 'value' },
          },
          { name: `${label} MP3 + 4,000 cues: zoom frame interval p95 with the spectrogram shown (${late(m.zoomShown)} of ${m.zoomShown.length} frames over 20 ms)`, value: percentile(m.zoomShown, 95), unit: 'ms', goal: { op: '<=', value: 17, on: 'value' } },
          { name: `${label} MP3 + 4,000 cues: renderer RSS with the spectrogram open, above the empty app`, value: m.rss - empty, unit: 'MiB', baseline: { name: 'empty app renderer RSS', value: empty }, goal: { op: '<=', value: 100, on: 'value' } },
          { name: `${label} MP3 + 4,000 cues: renderer RSS the spectrogram adds (open and scrolled, minus the same page scrolled with it hidden)`, value: m.rss - m.rssHidden, unit: 'MiB', baseline: { name: 'hidden, above the empty app', value: m.rssHidden - empty } },
          { name: `${label} MP3 + 4,000 cues: JS heap with the spectrogram open`, value: m.heap, unit: 'MiB' },
        );
      }
      const ws = await wavesurferPage(ensureOneHourMp3(), ['spectrogram'], '{ container: "#w", url: "/audio.mp3", plugins: [WaveSurfer.Spectrogram.create({ height: 96, frequencyMax: 8000, scale: "mel" })] }', 'Spectrogram');
      if ('error' in ws) out.push({ name: `wavesurfer Spectrogram plugin, 1 h MP3: failed (${ws.error.slice(0, 100)})`, value: NaN, unit: '' });
      else {
        out.push(
          { name: 'wavesurfer Spectrogram plugin, 1 h MP3: load to spectrogram ready', value: ws.readyMs, unit: 'ms', baseline: { name: 'this app, 1 h, toggle to whole view', value: oneHour!.wholeViewMs } },
          { name: 'wavesurfer Spectrogram plugin, 1 h MP3: peak renderer RSS above the empty app', value: ws.rss - empty, unit: 'MiB', baseline: { name: 'this app, 1 h, spectrogram open', value: oneHour!.rss - empty } },
        );
      }
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
