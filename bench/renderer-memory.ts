/**
 * The page with long episodes open, against an empty app in the same run:
 * - memory: JS heap (after a forced GC) and the renderer processes' RSS, with a 1 h and
 *   a 3 h MP3 plus a 4,000-cue transcript, after the whole waveform has streamed in and
 *   after scrolling; goal for 1 h: at most 100 MB above the empty app;
 * - frames while scrolling and zooming (Ctrl+wheel and +/-) the waveform with 4,000 cues
 *   (rAF intervals); the zoom's baseline is wavesurfer with its Timeline plugin, which the
 *   app's time ruler replaced, zoomed the same way over as many hours of peaks;
 * - the alternative this app avoids: wavesurfer's default URL load of the 1 h MP3 (it
 *   decodes the whole file in the page), its time to ready and renderer RSS.
 */
import { execFileSync } from 'node:child_process';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from '../electron/preview/harness';
import { PROJECT_ROOT } from '../electron/preview/server';
import { ensureOneHourMp3, ensureThreeHourMp3 } from './audio';
import { buildLongVtt } from './formats';
import { percentile, type Benchmark, type BenchResult } from './report';

/**
 * Resident memory of the Chromium renderer processes this bench started (descendants of
 * this process: other Chromiums on the machine, e.g. tests running beside it, do not
 * count), MiB (Linux `ps`).
 */
export function rendererRssMiB(): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
  const rows = out.split('\n').map((line) => line.trim().split(/\s+/)).filter((f) => f.length >= 4);
  const parent = new Map(rows.map((f) => [Number(f[0]), Number(f[1])]));
  const ours = (pid: number) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let kib = 0;
  for (const f of rows) if (f.slice(3).includes('--type=renderer') && ours(Number(f[0]))) kib += Number(f[2]);
  return kib / 1024;
}

export async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

/** rAF intervals (ms) while `act` runs. */
export async function frames(page: Page, act: () => Promise<void>): Promise<number[]> {
  // A string: tsx would wrap a named inner function with a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__on = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await act();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __on: boolean };
    w.__on = false;
    return w.__frames.slice(1).sort((a, b) => a - b);
  });
}

/**
 * rAF intervals while zooming the waveform (under the mouse) as a user does: six
 * Ctrl+wheel steps in and six out, then + four times and - four times on the keyboard.
 */
export async function zoomFrames(page: Page): Promise<number[]> {
  return frames(page, async () => {
    await page.keyboard.down('Control');
    for (const dy of [-100, 100]) for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, dy); await page.waitForTimeout(60); }
    await page.keyboard.up('Control');
    await page.getByTestId('waveform').focus();
    for (const key of ['+', '-']) for (let i = 0; i < 4; i++) { await page.keyboard.press(key); await page.waitForTimeout(60); }
  });
}

interface Measured { openMs: number; heap: number; rss: number; heapScrolled: number; scroll: number[]; zoom: number[] }

async function measure(vtt: string | null, audio: string | null): Promise<Measured> {
  const app = await openApp({ launchPaths: [vtt, audio].filter((p): p is string => p !== null) });
  try {
    const { page } = app;
    const t0 = Date.now();
    if (audio) await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 180_000 });
    else await page.locator('.toolbar').waitFor();
    const openMs = Date.now() - t0;
    await page.waitForTimeout(500);
    const heap = await heapMiB(page);
    const rss = rendererRssMiB();
    let scroll: number[] = [];
    let zoom: number[] = [];
    if (audio) {
      const wave = page.getByTestId('waveform');
      await wave.hover();
      zoom = await zoomFrames(page);
      scroll = await frames(page, async () => {
        for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, 600); await page.waitForTimeout(30); }
      });
    }
    if (vtt) {
      await page.locator('.cm-content').click();
      for (const key of ['Control+End', 'Control+Home', 'PageDown', 'PageDown']) await page.keyboard.press(key);
    }
    return { openMs, heap, rss, heapScrolled: await heapMiB(page), scroll, zoom };
  } finally {
    await app.close();
  }
}

/** wavesurfer.js loading the MP3 by URL, as it does by default: the whole file decoded in the page. */
function wavesurferUrlLoad(mp3: string): Promise<{ readyMs: number; rss: number } | { error: string }> {
  return wavesurferPage(mp3, [], '{ container: "#w", url: "/audio.mp3" }', 'ready');
}

/**
 * wavesurfer.js (and `plugins`, UMD bundles from its dist/plugins) in a bare page that
 * loads the MP3 by URL with `options` (a JS object literal, evaluated in the page); the
 * time until wavesurfer, or `readyOf` (a plugin, by its global name), emits `ready`, and
 * the renderers' largest RSS meanwhile; or the error, or the timeout.
 */
export async function wavesurferPage(mp3: string, plugins: string[], options: string, readyOf: string, timeoutMs = 300_000): Promise<{ readyMs: number; rss: number } | { error: string }> {
  const scripts = await Promise.all(['wavesurfer.min.js', ...plugins.map((p) => `plugins/${p}.min.js`)].map((f) => readFile(join(PROJECT_ROOT, 'node_modules/wavesurfer.js/dist', f), 'utf8')));
  const bootstrap = `window.__run = () => new Promise((resolve) => {
    const t0 = performance.now();
    const ws = WaveSurfer.create(${options});
    const target = ${readyOf === 'ready' ? 'ws' : `ws.getActivePlugins().find((p) => p instanceof WaveSurfer.${readyOf})`};
    target.on('ready', () => resolve({ readyMs: performance.now() - t0 }));
    target.on('error', (e) => resolve({ error: String(e) }));
    ws.on('error', (e) => resolve({ error: String(e) }));
  });`;
  const page = `<div id="w"></div>${scripts.map((s) => `<script>${s}</script>`).join('')}<script>${bootstrap}</script>`;
  const server = createServer(async (req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    if (req.url === '/audio.mp3') return void res.writeHead(200, { 'Content-Type': 'audio/mpeg' }).end(await readFile(mp3));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const app = await openApp({ launchPaths: [] });
  let rss = 0;
  const sampler = setInterval(() => { rss = Math.max(rss, rendererRssMiB()); }, 500);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const tab = await app.context.newPage();
    await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const timeout = new Promise<{ error: string }>((r) => (timer = setTimeout(() => r({ error: `no ready event within ${timeoutMs / 1000} s` }), timeoutMs)));
    const result = await Promise.race([tab.evaluate('window.__run()') as Promise<{ readyMs: number } | { error: string }>, timeout]);
    rss = Math.max(rss, rendererRssMiB());
    return 'error' in result ? result : { ...result, rss };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    // The timeout too: left running, it kept the bench process alive for 300 s after it printed.
    clearTimeout(timer);
    clearInterval(sampler);
    await app.close();
    server.close();
  }
}

/**
 * The baseline of the zoom frames: wavesurfer with its Timeline plugin (what the app
 * used before its time ruler) in a bare page, drawn from `hours` of peaks (no audio),
 * zoomed with the same steps as zoomFrames (1.25x from 50 px/s, six in, six out, four
 * in, four out).
 */
async function timelineZoomFrames(hours: number): Promise<number[]> {
  const scripts = await Promise.all(['wavesurfer.min.js', 'plugins/timeline.min.js'].map((f) => readFile(join(PROJECT_ROOT, 'node_modules/wavesurfer.js/dist', f), 'utf8')));
  const server = createServer((req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<div id="w" style="width: 1200px"></div>${scripts.map((s) => `<script>${s}</script>`).join('')}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const app = await openApp({ launchPaths: [] });
  try {
    const page = await app.context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate(`new Promise((resolve) => {
      const duration = ${hours * 3600};
      const peaks = new Float32Array(duration * 200);
      for (let i = 0; i < peaks.length; i++) peaks[i] = Math.sin(i / 50) * 0.8;
      window.__ws = WaveSurfer.create({ container: '#w', peaks: [peaks], duration, height: 96, minPxPerSec: 50, plugins: [WaveSurfer.Timeline.create({ height: 18 })] });
      window.__ws.on('ready', resolve);
    })`);
    await page.waitForTimeout(500);
    return await frames(page, async () => {
      let px = 50;
      for (const step of [...Array(6).fill(1.25), ...Array(6).fill(0.8), ...Array(4).fill(1.25), ...Array(4).fill(0.8)] as number[]) {
        px *= step;
        await page.evaluate(`window.__ws.zoom(${px})`);
        await page.waitForTimeout(60);
      }
    });
  } finally {
    await app.close();
    server.close();
  }
}

export const rendererMemoryBenchmark: Benchmark = {
  name: 'renderer-memory',
  async run(): Promise<BenchResult[]> {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-bench-mem-'));
    try {
      const vtt = join(dir, 'long.vtt');
      await writeFile(vtt, buildLongVtt(4000));
      const empty = await measure(null, null);
      const one = await measure(vtt, ensureOneHourMp3());
      const three = await measure(vtt, ensureThreeHourMp3());
      const ws = await wavesurferUrlLoad(ensureOneHourMp3());
      const timeline = { '1 h': await timelineZoomFrames(1), '3 h': await timelineZoomFrames(3) };
      const base = (label: string, value: number) => ({ name: `empty app ${label}`, value });
      const out: BenchResult[] = [
        { name: '1 h MP3 + 4,000 cues: open to whole waveform', value: one.openMs, unit: 'ms' },
        { name: '1 h MP3 + 4,000 cues: renderer RSS', value: one.rss, unit: 'MiB', baseline: base('renderer RSS', empty.rss) },
        { name: '1 h MP3 + 4,000 cues: renderer RSS above the empty app', value: one.rss - empty.rss, unit: 'MiB', goal: { op: '<=', value: 100, on: 'value' } },
        { name: '1 h MP3 + 4,000 cues: JS heap', value: one.heap, unit: 'MiB', baseline: base('JS heap', empty.heap) },
        { name: '3 h MP3 + 4,000 cues: open to whole waveform', value: three.openMs, unit: 'ms' },
        { name: '3 h MP3 + 4,000 cues: renderer RSS above the empty app', value: three.rss - empty.rss, unit: 'MiB' },
        { name: '3 h MP3 + 4,000 cues: JS heap after scrolling', value: three.heapScrolled, unit: 'MiB', baseline: base('JS heap', empty.heapScrolled) },
      ];
      // A frame that fits its budget shows as one 60 Hz interval (16.7 ms, rAF timestamps
      // jitter by ~0.3 ms); one over budget shows as two or more (33 ms+).
      const late = (f: number[]) => f.filter((x) => x > 20).length;
      for (const [label, m] of [['1 h', one], ['3 h', three]] as const) {
        out.push(
          { name: `${label} + 4,000 cues: waveform scroll frame interval p95 (${late(m.scroll)} of ${m.scroll.length} frames over 20 ms)`, value: percentile(m.scroll, 95), unit: 'ms', goal: { op: '<=', value: 17, on: 'value' } },
          {
            name: `${label} + 4,000 cues: waveform zoom frame interval p95, Ctrl+wheel and +/- (${late(m.zoom)} of ${m.zoom.length} frames over 20 ms)`, value: percentile(m.zoom, 95), unit: 'ms',
            baseline: { name: `wavesurfer + Timeline plugin, ${label} of peaks, same zoom steps (${late(timeline[label])} of ${timeline[label].length} over 20 ms)`, value: percentile(timeline[label], 95) }, goal: { op: '<=', value: 17, on: 'value' },
          },
        );
      }
      if ('error' in ws) out.push({ name: `wavesurfer default URL load, 1 h MP3: failed (${ws.error.slice(0, 80)})`, value: NaN, unit: '' });
      else {
        out.push(
          { name: 'wavesurfer default URL load, 1 h MP3: time to ready', value: ws.readyMs, unit: 'ms', baseline: { name: 'this app, 1 h to whole waveform', value: one.openMs } },
          { name: 'wavesurfer default URL load, 1 h MP3: renderer RSS above the empty app', value: ws.rss - empty.rss, unit: 'MiB', baseline: { name: 'this app, 1 h', value: one.rss - empty.rss } },
        );
      }
      return out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
