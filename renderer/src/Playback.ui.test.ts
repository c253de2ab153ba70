/**
 * Transcription playback and sync on the demo episode in real Chromium: jumps, speed,
 * playing the cue at the cursor (stops at its end), auto-rewind on resume, the spoken cue
 * highlighted in the editor, and editor actions run from the native menu's event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../electron/preview/harness';
import { PROJECT_ROOT } from '../../electron/preview/server';
import { parseVtt } from '../../shared/formats/vtt/parser';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

/** The playhead shown in the toolbar (`H:MM:SS.d`), in seconds. */
async function playhead(page: Page): Promise<number> {
  const [h, m, s] = (await page.getByTestId('playhead').textContent())!.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

describe('playback', () => {
  it('seeks, rewinds, changes speed, plays the current cue, auto-rewinds, and highlights the spoken cue', async () => {
    const demo = await readFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), 'utf8');
    const cues = parseVtt(demo).cues;
    app = await openApp();
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowDown');
    const cue = cues[3]!;
    // Audio ready (the transport shows its duration): the speed keys work only then.
    await expect.poll(() => page.getByTestId('transport-duration').textContent(), { timeout: 15_000 }).not.toBe('0:00:00.0');
    await page.keyboard.press('Control+Alt+.');
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('Speed 1.1×');
    await page.keyboard.press('Control+Alt+,');
    await expect.poll(() => page.getByTestId('status-bar').textContent()).not.toContain('Speed');

    await page.keyboard.press('Alt+g');
    await expect.poll(() => playhead(page)).toBeCloseTo(Math.floor(cue.start * 10) / 10, 1);
    await page.keyboard.press('Control+Alt+j');
    await expect.poll(() => playhead(page)).toBeCloseTo(Math.floor((cue.start - 2) * 10) / 10, 1);

    // Speed from the native menu's event.
    await app.emit('menu:action', 'faster');
    await app.emit('menu:action', 'faster');
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('Speed 1.2×');
    await app.emit('menu:action', 'slower');
    await app.emit('menu:action', 'slower');

    // Play the cue at the cursor: it stops at the cue's end.
    await page.keyboard.press('Alt+p');
    await expect.poll(() => playhead(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(Math.floor(cue.end * 10) / 10);
    await page.waitForTimeout(400);
    const stopped = await playhead(page);
    expect(stopped).toBeLessThanOrEqual(cue.end + 0.3);

    // Play from this cue with the cursor elsewhere: the spoken cue is highlighted.
    await page.keyboard.press('Alt+g');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cm-vtt-spoken-cue').first().textContent(), { timeout: 5000 }).toBeTruthy();
    const spokenText = await page.locator('.cm-vtt-spoken-cue').allTextContents();
    expect(cues.some((c) => spokenText.join('\n').includes(c.text.slice(0, 20)))).toBe(true);
    await page.waitForTimeout(1500);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    const paused = await playhead(page);
    // Resume: playback starts 1 s back (auto-rewind).
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await playhead(page)).toBeLessThan(paused - 0.5);

    // Set end to the playhead from the menu: one timestamp changes.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    const before = (await editorText(page))!;
    await app.emit('menu:action', 'end-to-playhead');
    const after = (await editorText(page))!;
    const changed = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
    expect(changed).toEqual([before.split('\n')[2]]);
    expect(app.errors).toEqual([]);
  });
});
