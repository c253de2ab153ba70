/**
 * The transport bar on the demo episode at 1280×800: one row; play/pause, the playhead
 * running without React re-rendering per frame, speed, follow toggle and zoom, used with
 * the mouse and keyboard as a user would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../../electron/preview/harness';
import { demo, folderWith } from '../../test/fixtures';
import { playhead } from '../../test/ui';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

/** The waveform's drawn width in px (wavesurfer draws into its shadow root). */
const waveformWidth = (page: Page) => page.evaluate(() => {
  const host = document.querySelector('[data-testid="waveform"]');
  const root = [...(host?.querySelectorAll('div') ?? [])].find((d) => d.shadowRoot)?.shadowRoot;
  return root?.querySelector<HTMLElement>('.wrapper')?.scrollWidth ?? 0;
});

/** Counts React commits (through the DevTools hook React calls on each) and the playhead's text changes. */
function countRendersAndTicks() {
  const w = window as unknown as Record<string, unknown>;
  const counts = { commits: 0, ticks: 0 };
  w.__counts = counts;
  const renderers = new Map<number, unknown>();
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers, supportsFiber: true, isDisabled: false,
    inject(renderer: unknown) { renderers.set(renderers.size + 1, renderer); return renderers.size; },
    onCommitFiberRoot() { counts.commits++; },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {}, checkDCE() {},
  };
  const watch = () => {
    const node = document.querySelector('[data-testid="playhead"]');
    if (!node) return void requestAnimationFrame(watch);
    new MutationObserver(() => { counts.ticks++; }).observe(node, { childList: true, characterData: true, subtree: true });
  };
  document.addEventListener('DOMContentLoaded', watch);
}

describe('transport bar', () => {
  it('plays and pauses, shows time without re-rendering React per frame, changes speed, toggles follow, zooms, all in one row', async () => {
    // The demo episode under one of the long names podcast repositories use.
    const name = 'youtube-518-celebrating-django-s-20th-birthday-with-its-creators';
    const { path } = await folderWith({ [`${name}.vtt`]: demo.vtt, [`${name}.mp3`]: demo.mp3 }, 'cueline-transport-');
    app = await openApp({ launchPaths: [path[`${name}.vtt`]!], viewport: { width: 1280, height: 800 } });
    const { page } = app;
    await app.context.addInitScript(countRendersAndTicks);
    await page.reload();
    // The cursor in the first cue (0.5 s), so the status bar shows all its figures; Play starts there.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    const play = page.getByTestId('transport-play');
    await expect.poll(() => play.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('transport-duration').textContent()).toMatch(/^0:0[1-9]:\d\d\.\d$/);

    // Nothing wraps at 1280×800: each bar's items sit in one row.
    for (const bar of ['[data-testid="transport"] [role="toolbar"] > *', '[role="menubar"] > *', 'header.toolbar > *', '[data-testid="status-bar"] > *']) {
      const rects = await page.locator(bar).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })));
      expect(rects.length, bar).toBeGreaterThan(1);
      const middle = (r: { top: number; bottom: number }) => (r.top + r.bottom) / 2;
      for (const r of rects) expect(Math.abs(middle(r) - middle(rects[0]!)), bar).toBeLessThan(4);
      for (const r of rects) expect(r.right, bar).toBeLessThanOrEqual(1280);
    }

    // Play: the playhead runs; React commits far less often than the time it shows changes.
    expect(await play.getAttribute('aria-label')).toBe('Play');
    const counts = () => page.evaluate(() => ({ ...(window as unknown as { __counts: { commits: number; ticks: number } }).__counts }));
    const before = await counts();
    await play.click();
    await expect.poll(() => play.getAttribute('aria-label')).toBe('Pause');
    // Every tenth of a second shown is a tick; wait for 20 of them, however fast frames come.
    await expect.poll(async () => (await counts()).ticks - before.ticks, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await play.click();
    await expect.poll(() => play.getAttribute('aria-label')).toBe('Play');
    const after = await counts();
    expect(await playhead(page)).toBeGreaterThan(1.5);
    // Re-rendering per frame would commit at least once per tick; only play and pause may.
    expect(after.commits - before.commits).toBeLessThan((after.ticks - before.ticks) / 3);

    // Speed: the slider by keyboard, shown beside it and in the status bar.
    const speed = page.getByTestId('transport-speed');
    await speed.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('transport-rate').textContent()).toBe('1.2×');
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('Speed 1.2×');
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('transport-rate').textContent()).toBe('0.5×');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('transport-rate').textContent()).toBe('2.0×');

    // Follow playback: a toggle button.
    const follow = page.getByRole('button', { name: 'Follow playback' });
    expect(await follow.getAttribute('aria-pressed')).toBe('true');
    await follow.click();
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.press('Enter');
    expect(await follow.getAttribute('aria-pressed')).toBe('true');

    // Zoom: in widens the drawn waveform, out narrows it again.
    await expect.poll(() => waveformWidth(page)).toBeGreaterThan(0);
    const width = await waveformWidth(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => waveformWidth(page)).toBeGreaterThan(width);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => waveformWidth(page)).toBeLessThan(width);
    expect(app.errors).toEqual([]);
  });
});
