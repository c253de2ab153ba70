/**
 * The spectrogram strip in real Chromium against the real main-process services: an MP3
 * and a FLAC with a 1 kHz tone between 3 s and 6 s (silence around it), served as the
 * app serves them (MP3 as a virtual WAV decoded in the main process, read by Range; FLAC
 * and M4A (AAC) as they are, decoded for the window by the browser, the AAC placed by its
 * timestamps so its priming is trimmed). The toggle shows a strip whose
 * pixels light up at the tone's times and at its frequency's row and stay the panel's
 * colour in the silence, in light and in dark mode; cue regions and the playhead run
 * over it, and the ruler labels the view. Needs `node scripts/build.mjs --renderer-only`.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../../electron/preview/harness';
import { run, writePcm16Wav } from '../../../electron/services/audio/test-audio';

const RATE = 44_100;
const SECONDS = 10;
const TONE = { from: 3, to: 6, hz: 1000 };

let app: AppHarness | null = null;
let files: { vtt: string; mp3: string; flac: string; m4a: string };

afterEach(async () => {
  await app?.close();
  app = null;
});

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cueline-spectrogram-'));
  const frames = SECONDS * RATE;
  const data = Buffer.alloc(frames * 2);
  for (let i = Math.round(TONE.from * RATE); i < TONE.to * RATE; i++) data.writeInt16LE(Math.round(10_000 * Math.sin((2 * Math.PI * TONE.hz * i) / RATE)), 2 * i);
  const wav = join(dir, 'tone.wav');
  writePcm16Wav(wav, data, RATE, 1);
  const mp3 = join(dir, 'tone.mp3');
  run('lame', ['--quiet', '-b', '128', wav, mp3]);
  const vtt = join(dir, 'tone.vtt');
  writeFileSync(vtt, 'WEBVTT\n\n00:00:03.000 --> 00:00:06.000\nThe tone\n');
  const flac = join(dir, 'tone.flac');
  run('sox', [wav, flac]);
  const m4a = join(dir, 'tone.m4a');
  run('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-c:a', 'aac', '-b:a', '128k', m4a]);
  files = { vtt, mp3, flac, m4a };
});

interface StripPixels {
  width: number;
  height: number;
  /** Seconds at column 0 and px/s. */
  from: number;
  pxPerSec: number;
  /** Per column: largest distance from the silent colour over the rows, and the row where it is. */
  loudness: number[];
  loudestRow: number[];
  silentColor: [number, number, number];
}

/** The strip's canvas, column by column, measured against the colour of level 0 (the panel's). */
function stripPixels(page: Page): Promise<StripPixels> {
  return page.evaluate(() => {
    const root = (document.querySelector('[data-testid="waveform"] div') as HTMLElement).shadowRoot!;
    const strip = root.querySelector<HTMLElement>('[data-testid="spectrogram"]')!;
    const canvas = strip.querySelector('canvas')!;
    const { width, height } = canvas;
    const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    // The colour the panel resolves to is level 0 of the map.
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim();
    probe.fillRect(0, 0, 1, 1);
    const p = probe.getImageData(0, 0, 1, 1).data;
    const silent: [number, number, number] = [p[0]!, p[1]!, p[2]!];
    const loudness: number[] = [];
    const loudestRow: number[] = [];
    for (let x = 0; x < width; x++) {
      let best = 0;
      let row = -1;
      for (let y = 0; y < height; y++) {
        const i = 4 * (y * width + x);
        const d = Math.abs(data[i]! - silent[0]) + Math.abs(data[i + 1]! - silent[1]) + Math.abs(data[i + 2]! - silent[2]);
        if (d > best) { best = d; row = y; }
      }
      loudness.push(best);
      loudestRow.push(row);
    }
    return { width, height, from: Number(strip.dataset.from), pxPerSec: Number(strip.dataset.pxPerSec) * (canvas.width / strip.clientWidth), loudness, loudestRow, silentColor: silent };
  });
}

async function openTone(scheme: 'light' | 'dark', audio = files.mp3): Promise<Page> {
  app = await openApp({ launchPaths: [files.vtt, audio] });
  const { page } = app;
  await page.emulateMedia({ colorScheme: scheme });
  await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
  return page;
}

const strip = (page: Page) => page.getByTestId('waveform').locator('[data-testid="spectrogram"]');

describe('spectrogram', () => {
  // MP3 is served as a virtual WAV (Range reads); FLAC and M4A as they are (the browser's
  // decoder, for the window only; AAC's 1024-sample priming would show as a 23 ms shift).
  for (const [scheme, format] of [['light', 'mp3'], ['dark', 'mp3'], ['light', 'flac'], ['dark', 'm4a']] as const) {
    it(`shows the tone at its times and frequency, silence as the panel (${scheme}, ${format})`, async () => {
      const page = await openTone(scheme, files[format]);
      await expect(strip(page).isVisible()).resolves.toBe(false);
      const toggle = page.getByRole('button', { name: 'Spectrogram' });
      await toggle.click();
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      await page.getByTestId('waveform').locator('[data-testid="spectrogram"][data-complete="true"]').waitFor({ timeout: 20_000 });
      const s = await stripPixels(page);
      const timeOf = (x: number) => s.from + x / s.pxPerSec;
      const xOf = (t: number) => Math.round((t - s.from) * s.pxPerSec);
      const louder = s.loudness.map((l) => l > 120);
      const lit = louder.flatMap((on, x) => (on ? [timeOf(x)] : []));
      // Lit from the tone's start to its end (a 23 ms window and the codec's smear), dark elsewhere.
      expect(Math.min(...lit)).toBeGreaterThan(TONE.from - 0.08);
      expect(Math.min(...lit)).toBeLessThan(TONE.from + 0.08);
      expect(Math.max(...lit)).toBeGreaterThan(TONE.to - 0.08);
      expect(Math.max(...lit)).toBeLessThan(TONE.to + 0.08);
      // The window's smear is the same at both ends, so the lit span's middle is the
      // tone's to within a column (~8 ms here): a decoder's delay left in (MP3's 1105
      // samples, AAC's 1024-sample priming: 23-25 ms) would move it.
      expect(Math.abs((Math.min(...lit) + Math.max(...lit)) / 2 - (TONE.from + TONE.to) / 2)).toBeLessThan(0.012);
      // Silence either side of the tone, at the times the drawn view holds (the view may
      // have scrolled to the cursor's cue before the strip was read).
      const drawn = (t: number) => xOf(t) >= 0 && xOf(t) < s.width;
      const quiet = [1, 2, 2.5, 6.6, 7, 9].filter(drawn);
      expect(quiet.some((t) => t < TONE.from) && quiet.some((t) => t > TONE.to), `drawn ${s.from}–${s.from + s.width / s.pxPerSec} s`).toBe(true);
      for (const t of quiet) expect(s.loudness[xOf(t)]).toBeLessThan(40);
      for (const t of [3.5, 4.5, 5.5]) expect(s.loudness[xOf(t)]).toBeGreaterThan(200);
      // The tone's row, read back through the mel scale of 0..8 kHz (top row 8 kHz).
      const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
      const row = s.loudestRow[xOf(4.5)]!;
      const hz = 700 * (10 ** ((mel(8000) * (1 - (row + 0.5) / s.height)) / 2595) - 1);
      expect(hz).toBeGreaterThan(850);
      expect(hz).toBeLessThan(1180);
      // The 1 kHz mark sits at that row (its bottom edge on the frequency).
      const mark = await strip(page).locator('[data-testid="spectrogram-hz"]', { hasText: /^1 kHz$/ }).evaluate((el) => {
        const box = el.getBoundingClientRect();
        const parent = el.parentElement!.getBoundingClientRect();
        return { bottom: parent.bottom - box.bottom, height: el.parentElement!.clientHeight };
      });
      expect(Math.abs(mark.bottom - (1 - (row + 0.5) / s.height) * mark.height)).toBeLessThan(4);
      // Silence is the panel's colour: light in light mode, dark in dark mode.
      const luminance = (s.silentColor[0] + s.silentColor[1] + s.silentColor[2]) / 765;
      if (scheme === 'light') expect(luminance).toBeGreaterThan(0.8);
      else expect(luminance).toBeLessThan(0.25);
    });
  }

  it('while hidden computes only the tile at the view\'s centre, so the toggle draws at once', async () => {
    const page = await openTone('light');
    const hidden = strip(page);
    await page.getByTestId('waveform').locator('[data-testid="spectrogram"][data-tiles="1"]').waitFor({ state: 'attached', timeout: 20_000 });
    // Long after the view came to rest (four times the wait before the prefetch), still that one tile.
    await page.waitForTimeout(1000);
    await expect(hidden.getAttribute('data-tiles')).resolves.toBe('1');
    await expect(hidden.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Spectrogram' }).click();
    // Drawn by the toggle itself: a tile was there, and it lit the tone at the view's centre.
    await expect(hidden.getAttribute('data-first-tile-at-toggle')).resolves.toBe('true');
    await page.getByTestId('waveform').locator('[data-testid="spectrogram"][data-complete="true"]').waitFor({ timeout: 20_000 });
    await expect(hidden.getAttribute('data-tiles').then(Number)).resolves.toBeGreaterThan(1);
  });

  it('goes on drawing the tone after its tile worker is replaced by a fresh one, its marks unchanged', async () => {
    const page = await openTone('light');
    const wave = page.getByTestId('waveform');
    await page.getByRole('button', { name: 'Spectrogram' }).click();
    await wave.locator('[data-testid="spectrogram"][data-complete="true"]').waitFor({ timeout: 20_000 });
    // Each zoom computes the view's tiles anew: a few zooms in pass TILES_PER_WORKER (24).
    const zoomIn = async () => {
      const before = await strip(page).getAttribute('data-px-per-sec');
      await wave.focus();
      await page.keyboard.press('+');
      await wave.locator(`[data-testid="spectrogram"][data-complete="true"]:not([data-px-per-sec="${before}"])`).waitFor({ timeout: 20_000 });
    };
    for (let i = 0; i < 10 && Number(await strip(page).getAttribute('data-workers')) < 2; i++) await zoomIn();
    await expect(strip(page).getAttribute('data-workers').then(Number)).resolves.toBeGreaterThanOrEqual(2);
    // A zoom whose tiles all come from the replacement.
    await zoomIn();
    const s = await stripPixels(page);
    const timeOf = (x: number) => s.from + x / s.pxPerSec;
    const inTone = s.loudness.filter((_, x) => timeOf(x) > TONE.from + 0.1 && timeOf(x) < TONE.to - 0.1);
    const outside = s.loudness.filter((_, x) => timeOf(x) < TONE.from - 0.1 || timeOf(x) > TONE.to + 0.1);
    expect(inTone.length + outside.length).toBeGreaterThan(s.width / 2);
    for (const l of inTone) expect(l).toBeGreaterThan(200);
    for (const l of outside) expect(l).toBeLessThan(40);
    // The replacement's report of the audio adds no second set of frequency marks.
    await expect(strip(page).locator('[data-testid="spectrogram-hz"]', { hasText: /^1 kHz$/ }).count()).resolves.toBe(1);
    expect(app!.errors).toEqual([]);
  });

  it('runs the cue regions and the playhead over the strip; the toggle and S hide and show it', async () => {
    const page = await openTone('light');
    const wave = page.getByTestId('waveform');
    await wave.click({ position: { x: 5, y: 40 } });
    await page.keyboard.press('s');
    await wave.locator('[data-testid="spectrogram"][data-complete="true"]').waitFor({ timeout: 20_000 });
    const boxes = await page.evaluate(() => {
      const root = (document.querySelector('[data-testid="waveform"] div') as HTMLElement).shadowRoot!;
      const rect = (el: Element | null) => { const r = el!.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
      const region = [...root.querySelectorAll<HTMLElement>('[data-testid="cue-region"]')].find((r) => r.style.display !== 'none');
      const zOf = (el: Element | null) => Number(getComputedStyle(el!).zIndex) || 0;
      return {
        strip: rect(root.querySelector('[data-testid="spectrogram"]')), region: rect(region ?? null), cursor: rect(root.querySelector('.cursor')),
        regionOver: zOf(root.querySelector('[data-testid="cue-layer"]')) > zOf(root.querySelector('[data-testid="spectrogram"]')),
        cursorOver: zOf(root.querySelector('.cursor')) > zOf(root.querySelector('[data-testid="spectrogram"]')),
        labels: [...root.querySelectorAll<HTMLElement>('[data-testid="ruler-label"]')].filter((l) => l.style.display !== 'none').map((l) => l.textContent),
      };
    });
    expect(boxes.region.top).toBeLessThanOrEqual(boxes.strip.top);
    expect(boxes.region.bottom).toBeGreaterThanOrEqual(boxes.strip.bottom);
    expect(boxes.cursor.bottom).toBeGreaterThanOrEqual(boxes.strip.bottom);
    expect(boxes.regionOver && boxes.cursorOver).toBe(true);
    expect(boxes.labels).toContain('0:04');
    await page.getByRole('button', { name: 'Spectrogram' }).click();
    await expect(strip(page).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Spectrogram' }).getAttribute('aria-pressed')).resolves.toBe('false');
  });
});
