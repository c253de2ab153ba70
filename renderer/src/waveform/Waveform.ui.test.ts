/**
 * The waveform in real Chromium against the real main-process services: drawn from the
 * peaks the main process computed (the page never decodes audio), cue regions at the
 * cue times of the transcript and only for the visible window, zoom and scroll, and a
 * cue-edge drag written back into the transcript. Needs `node scripts/build.mjs` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { makeSeekSignalFiles } from '../../../electron/services/audio/test-audio';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppHarness } from '../../../electron/preview/harness';
import { PROJECT_ROOT } from '../../../electron/preview/server';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { fixture } from '../../test/fixtures';
import { openEpisode, overviewInk, regions, view } from '../../test/waveform';

const AUDIO = fixture.audio515;
const VTT = fixture.vtt515;
const AUDIO_SECONDS = 120;

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

/** Width of the bins inkPerBin counts in, seconds. */
const BIN = 0.25;

/**
 * Inked waveform pixels per 0.25 s of the visible canvases, ignoring the centre line:
 * a time with sound draws above/below it, silence draws only the line.
 */
function inkPerBin(h: AppHarness): Promise<number[]> {
  return h.page.evaluate((bin) => {
    const waveform = document.querySelector<HTMLElement>('[data-testid="waveform"]')!;
    const root = (waveform.querySelector('div') as HTMLElement).shadowRoot!;
    const wrapper = root.querySelector('.wrapper') as HTMLElement;
    const pxPerSec = wrapper.getBoundingClientRect().width / (Number(waveform.dataset.peaks) * Number(waveform.dataset.secondsPerPeak));
    const ink: number[] = [];
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('.canvases canvas')) {
      if (!canvas.width || !canvas.height) continue;
      const left = canvas.getBoundingClientRect().left - wrapper.getBoundingClientRect().left;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const mid = canvas.height / 2;
      for (let y = 0; y < canvas.height; y++) {
        if (Math.abs(y - mid) < 4 * scale) continue;
        for (let x = 0; x < canvas.width; x++) {
          if (data[(y * canvas.width + x) * 4 + 3]! === 0) continue;
          const at = Math.floor((left + x / scale) / pxPerSec / bin);
          ink[at] = (ink[at] ?? 0) + 1;
        }
      }
    }
    return Array.from(ink, (v) => v ?? 0);
  }, BIN);
}

describe('waveform', () => {
  it('draws from main-process peaks and places cue regions at the transcript cue times, only around the view', async () => {
    app = await openEpisode();
    const { page } = app;
    const host = page.locator('[data-testid="waveform"]');
    const peaks = Number(await host.getAttribute('data-peaks'));
    const secondsPerPeak = Number(await host.getAttribute('data-seconds-per-peak'));
    // 200+ pairs per second over the whole 120 s file, and the page decoded nothing itself.
    expect(1 / secondsPerPeak).toBeGreaterThanOrEqual(200);
    expect(Math.abs(peaks * secondsPerPeak - AUDIO_SECONDS)).toBeLessThan(0.01);
    expect(await page.evaluate(() => (window as unknown as { __decodes: number }).__decodes)).toBe(0);
    await expect.poll(async () => (await view(app!)).inkPixels, { timeout: 10_000 }).toBeGreaterThan(1000);

    const cues = parseVtt(readFileSync(VTT, 'utf8')).cues;
    const v = await view(app);
    await expect.poll(async () => (await regions(app!)).length).toBeGreaterThan(3);
    const drawn = await regions(app);
    const from = v.scroll / v.pxPerSec;
    const to = (v.scroll + v.width) / v.pxPerSec;
    // Every cue overlapping the visible window is drawn, at its own times, in pixels.
    const expected = cues.flatMap((c, i) => (c.end >= from && c.start <= to ? [i] : []));
    expect(drawn.map((r) => r.index)).toEqual(expect.arrayContaining(expected));
    for (const r of drawn) {
      const cue = cues[r.index]!;
      expect(r.start).toBe(cue.start);
      expect(r.end).toBe(cue.end);
      expect(Math.abs(r.left - cue.start * v.pxPerSec)).toBeLessThan(1);
      expect(Math.abs(r.width - Math.max(1, (cue.end - cue.start) * v.pxPerSec))).toBeLessThan(1);
    }
    // ... and not the 1,200 cues of the whole transcript.
    expect(cues.length).toBeGreaterThan(1000);
    expect(drawn.length).toBeLessThan(60);

    // The drawing follows the real speech: ink in every half second the truth file says
    // is spoken, none in the gaps between cues (so peaks share the cues' time base).
    const truth = JSON.parse(readFileSync(AUDIO.replace(/\.mp3$/, '.truth.json'), 'utf8')) as { cues: { start: number; end: number }[] };
    const ink = await inkPerBin(app);
    expect(ink.length * BIN).toBeGreaterThan(20);
    let spoken = 0;
    let silent = 0;
    for (let bin = 0; bin + 2 < ink.length; bin++) {
      const from = bin * BIN;
      // Half a second inside one cue's speech (word gaps are shorter than that).
      if (truth.cues.some((c) => c.start <= from && c.end >= from + 2 * BIN)) {
        spoken++;
        expect(ink[bin]! + ink[bin + 1]!, `ink at ${from} s (speech)`).toBeGreaterThan(0);
      }
      if (truth.cues.every((c) => c.end <= from - 0.02 || c.start >= from + BIN + 0.02)) {
        silent++;
        expect(ink[bin], `ink at ${from} s (silence)`).toBe(0);
      }
    }
    expect(silent).toBeGreaterThan(5);
    expect(spoken).toBeGreaterThan(10);
    mkdirSync(join(PROJECT_ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-artifacts', 'waveform-515.png') });
    expect(app.errors).toEqual([]);
  });

  it('zooms with Ctrl+wheel and the keyboard, scrolls in time with the wheel, and regions follow', async () => {
    app = await openEpisode();
    const { page } = app;
    const host = page.locator('[data-testid="waveform"]');
    const before = await view(app);
    await host.hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await view(app!)).pxPerSec).toBeGreaterThan(before.pxPerSec * 1.4);
    await host.focus();
    await page.keyboard.press('-');
    const zoomed = await view(app);
    expect(zoomed.pxPerSec).toBeLessThan(before.pxPerSec * 1.6);

    await page.mouse.wheel(0, 2000);
    await expect.poll(async () => (await view(app!)).scroll).toBeGreaterThan(zoomed.scroll + 1000);
    const scrolled = await view(app);
    const from = scrolled.scroll / scrolled.pxPerSec;
    const cues = parseVtt(readFileSync(VTT, 'utf8')).cues;
    const firstVisible = cues.findIndex((c) => c.end >= from);
    await expect.poll(async () => (await regions(app!)).map((r) => r.index)).toContain(firstVisible);
    for (const r of await regions(app)) expect(Math.abs(r.left - r.start * scrolled.pxPerSec)).toBeLessThan(1);
  });

  it('draws M4A/AAC from the browser’s decoder in a worker, bursts on the audio’s time base', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cueline-aac-'));
    const m4a = makeSeekSignalFiles(dir, 20).find((f) => f.name === 'M4A AAC')!.path;
    const dataDir = mkdtempSync(join(tmpdir(), 'cueline-aac-data-'));
    app = await openApp({ launchPaths: [m4a], dataDir });
    const { page } = app;
    const waveform = page.locator('[data-testid="waveform"][data-peaks-status="done"]');
    await waveform.waitFor({ timeout: 20_000 });
    const seconds = Number(await waveform.getAttribute('data-peaks')) * Number(await waveform.getAttribute('data-seconds-per-peak'));
    expect(Math.abs(seconds - 20)).toBeLessThan(0.05);
    expect(await page.getByTestId('messages').textContent()).not.toContain('Waveform unavailable');
    expect((await view(app)).inkPixels).toBeGreaterThan(1000);

    // The worker's peaks themselves: each burst (every k + 0.5 s) where it is in the audio.
    const worker = readdirSync(join(PROJECT_ROOT, 'dist/renderer/assets')).find((n) => /^webcodecs-peaks\.worker-.*\.js$/.test(n))!;
    const opened = await app.server.session.openPaths([m4a]);
    const peaks = await page.evaluate(async ([workerUrl, mediaUrl]) => {
      const w = new Worker(workerUrl, { type: 'module' });
      const chunks: { from: number; pairs: number[] }[] = [];
      let rate = 0;
      let perPeak = 0;
      await new Promise<void>((resolve, reject) => {
        w.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'progress') { rate = m.sampleRate; perPeak = m.samplesPerPeak; chunks.push({ from: m.from, pairs: [...m.pairs] }); }
          else if (m.type === 'done') resolve();
          else reject(new Error(m.message));
        };
        w.postMessage({ url: new URL(mediaUrl, location.href).href });
      });
      w.terminate();
      return { rate, perPeak, chunks };
    }, [`/assets/${worker}`, opened.audio!.url] as const);
    const maxima: number[] = [];
    for (const c of peaks.chunks) for (let i = 0; i < c.pairs.length / 2; i++) maxima[c.from + i] = c.pairs[2 * i + 1]!;
    const onsets: number[] = [];
    for (let i = 1; i < maxima.length; i++) if (maxima[i]! > 60 && maxima[i - 1]! <= 60) onsets.push((i * peaks.perPeak) / peaks.rate);
    expect(onsets).toHaveLength(20);
    onsets.forEach((t, k) => expect(Math.abs(t - (k + 0.5)), `burst ${k}`).toBeLessThanOrEqual(0.01));

    // The page's peaks were handed to the main process's cache: the next open reads them from there.
    await expect.poll(() => readdirSync(join(dataDir, 'peaks-cache')).length, { timeout: 5000 }).toBeGreaterThan(0);
    await page.reload();
    const reopened = page.locator('[data-testid="waveform"][data-peaks-status="done"]');
    await reopened.waitFor({ timeout: 10_000 });
    expect(await reopened.getAttribute('data-peaks-from-cache')).toBe('true');
  });

  it('shows the whole episode in an overview strip from the cached second resolution; a click jumps there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cueline-overview-'));
    app = await openApp({ launchPaths: [VTT, AUDIO], dataDir });
    const { page } = app;
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
    const overview = page.getByTestId('overview');
    await expect.poll(() => overviewInk(page), { timeout: 5000 }).toBeGreaterThan(500);
    // Two resolutions in the cache: the editing peaks and the overview.
    await expect.poll(() => readdirSync(join(dataDir, 'peaks-cache')).filter((n) => n.endsWith('.dat')).length, { timeout: 5000 }).toBe(2);
    const box = (await overview.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    const playhead = async () => {
      const [h, m, sec] = (await page.getByTestId('playhead').textContent())!.split(':').map(Number);
      return h! * 3600 + m! * 60 + sec!;
    };
    await expect.poll(playhead).toBeGreaterThan(AUDIO_SECONDS * 0.75 - 1.5);
    expect(await playhead()).toBeLessThan(AUDIO_SECONDS * 0.75 + 1.5);
    // Opened again in a new window, both resolutions come from the cache.
    await app.close();
    app = await openApp({ launchPaths: [VTT, AUDIO], dataDir });
    await app.page.locator('[data-testid="waveform"][data-peaks-from-cache="true"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => overviewInk(app!.page), { timeout: 5000 }).toBeGreaterThan(500);
    expect(app.server.logs.join('\n')).not.toMatch(/peaks cache: could not write/);
  });

  it('while playing, highlights the cue that truth.json says is being spoken', async () => {
    app = await openEpisode();
    const { page } = app;
    const truth = JSON.parse(readFileSync(AUDIO.replace('.mp3', '.truth.json'), 'utf8')) as { cues: { start: number; end: number; text: string }[] };
    const seconds = (clock: string) => {
      const [h, m, sec] = clock.split(':').map(Number);
      return h! * 3600 + m! * 60 + sec!;
    };
    await page.locator('.cm-content').click();
    for (const k of [4, 11]) {
      const spoken = truth.cues[k]!;
      // To the cue, play (Esc: from the cursor's cue, which moved), then move the cursor
      // two cues on (the spoken one stays in view: following waits while the user moves).
      await page.keyboard.press('Control+Home');
      for (let i = 0; i <= k; i++) await page.keyboard.press('Alt+ArrowDown');
      await page.keyboard.press('Escape');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Alt+ArrowDown');
      const seen: { t: number; text: string }[] = [];
      const deadline = Date.now() + 4000;
      while (Date.now() < deadline) {
        // The playhead and the highlight read in one task, so both show the same frame
        // (two reads let playback move on between them on a loaded machine).
        const { clock, text } = await page.evaluate(() => ({
          clock: document.querySelector('[data-testid="playhead"]')!.textContent!,
          text: [...document.querySelectorAll('.cm-vtt-spoken-cue')].map((e) => e.textContent).join(' '),
        }));
        const t = seconds(clock);
        seen.push({ t, text });
        if (t > spoken.end) break;
        await page.waitForTimeout(80);
      }
      await page.keyboard.press('Escape');
      // Inside the truth's speech window (with the display's 0.1 s rounding as margin), the
      // highlighted cue is that one.
      const inside = seen.filter((s) => s.t >= spoken.start + 0.15 && s.t <= spoken.end - 0.15);
      expect(inside.length).toBeGreaterThan(3);
      for (const s of inside) expect(s.text, `at ${s.t} s`).toContain(spoken.text.slice(0, 30));
    }
  });

  it('follows the playhead smoothly: it stays in view and the view moves in small steps, never a page jump', async () => {
    app = await openEpisode();
    const { page } = app;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+g');
    // Scroll back so the playhead is right of the middle: following must take over at once.
    await page.getByTestId('waveform').hover();
    await page.mouse.wheel(0, -500);
    await page.waitForTimeout(200);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    const samples: { scroll: number; width: number; cursorX: number }[] = [];
    for (let i = 0; i < 25; i++) {
      await page.waitForTimeout(80);
      samples.push(await page.evaluate(() => {
        const root = (document.querySelector('[data-testid="waveform"] div') as HTMLElement).shadowRoot!;
        const scroller = root.querySelector('.scroll') as HTMLElement;
        const cursor = root.querySelector('.cursor') as HTMLElement | null;
        return { scroll: scroller.scrollLeft, width: scroller.clientWidth, cursorX: cursor ? parseFloat(getComputedStyle(cursor).left) : NaN };
      }));
    }
    await page.keyboard.press('Escape');
    const moved = samples[samples.length - 1]!.scroll - samples[0]!.scroll;
    expect(moved).toBeGreaterThan(0);
    for (let i = 1; i < samples.length; i++) {
      const step = samples[i]!.scroll - samples[i - 1]!.scroll;
      expect(step).toBeGreaterThanOrEqual(0);
      expect(step).toBeLessThan(samples[i]!.width / 8);
      const x = samples[i]!.cursorX - samples[i]!.scroll;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(samples[i]!.width);
    }
  });
});

