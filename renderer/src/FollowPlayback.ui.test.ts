/**
 * Typing during playback, as a transcriber does: playback never moves the view away
 * from the cursor while the user types or moves it; "Follow playback" brings the spoken
 * cue into view once the user pauses, and can be turned off; Play starts at the
 * cursor's cue when the cursor moved since the last pause, else at the playhead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secondsEpisode, tempDir } from '../test/fixtures';
import { cursorHeightInEditor, openSecondsEpisode, playhead, playing } from '../test/ui';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });


/** Whether the highlighted spoken cue is inside the editor's visible area. */
const spokenInView = (page: Page) => page.evaluate(() => {
  const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
  return [...document.querySelectorAll('.cm-vtt-spoken-cue')].some((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > scroller.top && r.top < scroller.bottom;
  });
});
const scrollTop = (page: Page) => page.evaluate(() => document.querySelector('.cm-scroller')!.scrollTop);

describe('follow playback', () => {
  it('never scrolls away from the cursor while the user types; follows once they pause; the toggle turns it off; Play starts at the moved cursor', async () => {
    const page = await openSecondsEpisode(async (launchPaths) => (app = await openApp({ launchPaths })), secondsEpisode);
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 31; i++) await page.keyboard.press('Alt+ArrowDown');
    // The cursor moved: Play starts at its cue (second 30), not at the playhead (0).
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(true);
    await expect.poll(() => playhead(page), { timeout: 5000 }).toBeGreaterThanOrEqual(30);
    expect(await playhead(page)).toBeLessThan(33);

    // Back to the top to type, while the spoken cue moves on below: the view stays.
    await page.keyboard.press('Control+Home');
    const from = await playhead(page);
    let keys = 0;
    while ((await playhead(page)) < from + 3) {
      await page.keyboard.type('a');
      keys++;
      const at = await cursorHeightInEditor(page);
      expect(at, `cursor after key ${keys}`).toBeGreaterThanOrEqual(0);
      expect(at, `cursor after key ${keys}`).toBeLessThanOrEqual(1);
    }
    expect(keys).toBeGreaterThan(0);
    // The user stops typing: following resumes and brings the spoken cue into view.
    await expect.poll(() => spokenInView(page), { timeout: 15_000 }).toBe(true);

    // Follow off: back at the top, the view stays there while several cues go by.
    const follow = page.getByTestId('transport-follow');
    await follow.click();
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    const top = await scrollTop(page);
    const at = await playhead(page);
    await expect.poll(() => playhead(page), { timeout: 15_000 }).toBeGreaterThan(at + 6);
    expect(await scrollTop(page)).toBe(top);
    expect(await spokenInView(page)).toBe(false);
    // On again: the spoken cue comes back into view.
    await follow.click();
    await expect.poll(() => spokenInView(page), { timeout: 15_000 }).toBe(true);

    // Pause and resume without moving the cursor: from the playhead (less the 1 s auto-rewind).
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(false);
    const paused = await playhead(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(true);
    const resumed = await playhead(page);
    expect(resumed).toBeGreaterThan(paused - 2);
    expect(resumed).toBeLessThan(paused + 3);
    // Pause, move the cursor to the fifth cue (second 4): Play starts there.
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(false);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(true);
    const started = await playhead(page);
    expect(started).toBeGreaterThanOrEqual(4);
    expect(started).toBeLessThan(8);
    expect(app!.errors).toEqual([]);
  });

  it('with Play-from-cursor turned off (Shortcuts dialog), Play resumes at the playhead; the choice is kept in the settings file', async () => {
    const dataDir = await tempDir('cueline-settings-');
    const page = await openSecondsEpisode(async (launchPaths) => (app = await openApp({ launchPaths, dataDir })), secondsEpisode);
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    const choice = page.getByRole('checkbox', { name: /Play from the cursor's cue/ });
    expect(await choice.isChecked()).toBe(true);
    await choice.uncheck();
    await page.keyboard.press('Escape');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 41; i++) await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(true);
    // From the playhead (0 s), not from the cursor's cue (40 s).
    expect(await playhead(page)).toBeLessThan(5);
    await page.keyboard.press('Escape');
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    expect(await page.getByRole('checkbox', { name: /Play from the cursor's cue/ }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /Follow playback/ }).isChecked()).toBe(true);
    // In settings.json, not in the page's storage.
    const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { playback: { playFromCursor?: boolean } };
    expect(saved.playback.playFromCursor).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('cueline.playback'))).toBeNull();
  });
});
