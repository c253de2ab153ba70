/**
 * Every jump puts its target in the middle, in the editor and in the waveform: next /
 * previous cue, next problem, a find result (list and Enter), a click on the waveform.
 * Pressed and clicked as a user does; positions read from what is on screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { secondsEpisode } from '../test/fixtures';
import { cursorHeightInEditor, waveformWindow } from '../test/ui';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

async function expectCentred(page: Page, what: string) {
  await expect.poll(() => cursorHeightInEditor(page), { message: `${what}: cursor line in the editor` }).toBeGreaterThan(0.3);
  expect(await cursorHeightInEditor(page), `${what}: cursor line in the editor`).toBeLessThan(0.7);
  await expect.poll(async () => {
    const w = await waveformWindow(page);
    if (!w.active) return NaN;
    return ((w.active.start + w.active.end) / 2 - w.from) / (w.to - w.from);
  }, { message: `${what}: cursor cue in the waveform` }).toBeGreaterThan(0.3);
  const w = await waveformWindow(page);
  expect(((w.active!.start + w.active!.end) / 2 - w.from) / (w.to - w.from), `${what}: cursor cue in the waveform`).toBeLessThan(0.7);
}

const status = (page: Page) => page.getByTestId('status-cue').textContent();

describe('jumps centre their target', () => {
  it('next/previous cue, next problem, find results and waveform clicks centre the cue in the editor and the waveform', async () => {
    const { vtt } = await secondsEpisode();
    app = await openApp({ launchPaths: [vtt] });
    const { page } = app;
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 40; i++) await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => status(page)).toMatch(/^Cue 40\//);
    await expectCentred(page, 'Alt+Down');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => status(page)).toMatch(/^Cue 37\//);
    await expectCentred(page, 'Alt+Up');

    // Every cue here is too fast for the subtitle profile: F8 goes to the next one.
    // (The first F8 selects this cue's own problem, the second goes on to the next cue's.)
    await page.keyboard.press('F8');
    await page.keyboard.press('F8');
    await expect.poll(() => status(page)).toMatch(/^Cue 38\//);
    await expectCentred(page, 'F8');

    await page.keyboard.press('Control+f');
    await page.keyboard.type('second 80.');
    await page.getByTestId('find-list').locator('.cue-find-item').first().click();
    await expect.poll(() => status(page)).toMatch(/^Cue 81\//);
    await expectCentred(page, 'find result');
    await page.getByRole('textbox', { name: 'Find' }).fill('second 9');
    await page.getByRole('textbox', { name: 'Find' }).press('Enter');
    await expect.poll(() => status(page)).toMatch(/^Cue (9[0-9]|10[0-9])\//);
    await expectCentred(page, 'find next');
    await page.keyboard.press('Escape');

    // A click on the waveform, a little right of the middle: the cue there is centred too.
    const box = (await page.getByTestId('waveform').boundingBox())!;
    const before = await waveformWindow(page);
    // The middle of a cue (not its edge handles, not the gap after it).
    const clicked = Math.floor(before.from + 0.8 * (before.to - before.from)) + 0.45;
    await page.mouse.click(box.x + ((clicked - before.from) / (before.to - before.from)) * box.width, box.y + 50);
    await expect.poll(async () => (await waveformWindow(page)).active?.start).toBe(Math.floor(clicked));
    await expectCentred(page, 'waveform click');
    expect(app.errors).toEqual([]);
  });
});
