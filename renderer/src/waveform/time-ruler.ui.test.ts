/**
 * The time ruler in real Chromium: labels only for the view (a pool the size of one
 * view, whatever the zoom), each at its time's pixel, finer steps as Ctrl+wheel or +
 * zooms in and coarser as - zooms out, following the scroll. Needs
 * `node scripts/build.mjs --renderer-only` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../../electron/preview/harness';

const AUDIO = `${__dirname}/../../../../shared/fixtures/audio/515-temporal-first120s.mp3`;
const VTT = `${__dirname}/../../../../shared/fixtures/talkpython/515-temporal.vtt`;

let app: AppHarness | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

interface Ruler { step: number; elements: number; labels: { time: number; text: string; x: number }[]; scroll: number; width: number; pxPerSec: number }

/** The ruler's shown labels (x relative to the scroller's left edge), and wavesurfer's view. */
function ruler(page: Page): Promise<Ruler> {
  return page.evaluate(() => {
    const waveform = document.querySelector<HTMLElement>('[data-testid="waveform"]')!;
    const root = (waveform.querySelector('div') as HTMLElement).shadowRoot!;
    const scroller = root.querySelector('.scroll') as HTMLElement;
    const wrapper = root.querySelector('.wrapper') as HTMLElement;
    const el = root.querySelector<HTMLElement>('[data-testid="time-ruler"]')!;
    const left = scroller.getBoundingClientRect().left;
    const drawnSeconds = Number(waveform.dataset.peaks) * Number(waveform.dataset.secondsPerPeak);
    const labels = [...el.querySelectorAll<HTMLElement>('[data-testid="ruler-label"]')]
      .filter((l) => l.style.display !== 'none')
      .map((l) => ({ time: Number(l.dataset.time), text: l.textContent ?? '', x: l.getBoundingClientRect().left - left }));
    return { step: Number(el.dataset.labelStep), elements: el.childElementCount, labels, scroll: scroller.scrollLeft, width: scroller.clientWidth, pxPerSec: wrapper.clientWidth / drawnSeconds };
  });
}

/** Every label sits at its time's pixel, reads as that time, and the view is covered. */
function expectTrue(r: Ruler): void {
  expect(r.labels.length).toBeGreaterThan(2);
  for (const l of r.labels) {
    expect(Math.abs(l.x - (l.time * r.pxPerSec - r.scroll))).toBeLessThanOrEqual(1.5);
    const [m, s] = l.text.split(':').map(Number) as [number, number];
    expect(m * 60 + s).toBeCloseTo(l.time, 2);
  }
  const inView = r.labels.filter((l) => l.x >= 0 && l.x <= r.width);
  expect(inView.length).toBeGreaterThanOrEqual(Math.floor(r.width / (r.step * r.pxPerSec)) - 1);
}

describe('time ruler', () => {
  it('labels the view at round steps that follow zoom (Ctrl+wheel, +/-) and scroll', async () => {
    app = await openApp({ launchPaths: [VTT, AUDIO] });
    const { page } = app;
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
    const wave = page.getByTestId('waveform');
    await page.waitForFunction(() => document.querySelector('[data-testid="waveform"] div')?.shadowRoot?.querySelector('[data-testid="ruler-label"]'));
    const start = await ruler(page);
    expectTrue(start);

    await wave.hover();
    await page.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await ruler(page)).step).toBeLessThan(start.step);
    const zoomed = await ruler(page);
    expectTrue(zoomed);

    await page.mouse.wheel(0, 900);
    await expect.poll(async () => (await ruler(page)).scroll).toBeGreaterThan(zoomed.scroll);
    expectTrue(await ruler(page));

    await wave.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('-');
    await expect.poll(async () => (await ruler(page)).step).toBeGreaterThan(zoomed.step);
    const out = await ruler(page);
    expectTrue(out);
    // One view's worth of elements at every zoom: the pool never grows with the file.
    for (const r of [start, zoomed, out]) expect(r.elements).toBeLessThan(120);
    expect(app.errors).toEqual([]);
  });
});
