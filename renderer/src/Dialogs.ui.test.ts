/**
 * Esc and dialogs, pressed as a user presses them: Esc closes the topmost dialog (or
 * the find panel) and does nothing else; only with nothing open does it play or pause.
 * Dialogs are modal dialogs to assistive technology and keep Tab inside; Tab types a
 * tab in the corrections box.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import type { Page } from 'playwright-core';
import { focused, openSecondsEpisode, playhead, playing } from '../test/ui';
import { secondsEpisode } from '../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });


async function expectModal(page: Page, testId: string) {
  const dialog = page.getByTestId(testId);
  await dialog.waitFor();
  expect(await dialog.getAttribute('role')).toBe('dialog');
  expect(await dialog.getAttribute('aria-modal')).toBe('true');
  const title = await dialog.getAttribute('aria-labelledby');
  expect(title && (await page.locator(`[id="${title}"]`).textContent())).toBeTruthy();
  return dialog;
}

describe('Esc and dialogs', () => {
  it('Esc closes the Shortcuts, Clean and Save-changes dialogs and the find panel first; only then plays', async () => {
    const page = await openSecondsEpisode(async (launchPaths) => (app = await openApp({ launchPaths })), secondsEpisode);

    await page.getByRole('button', { name: 'Shortcuts' }).click();
    await expectModal(page, 'shortcuts');
    // Tab never leaves the dialog (it wraps from the last control to the first).
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog, `after ${i + 1} Tab presses`).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcuts').count()).toBe(0);
    expect(await playing(page)).toBe(false);

    await page.getByRole('button', { name: 'Clean…' }).click();
    await expectModal(page, 'clean-panel');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('clean-panel').count()).toBe(0);
    expect(await playing(page)).toBe(false);

    // Unsaved work, then Open…: the question comes; Esc means Cancel, and nothing plays.
    await page.locator('.cm-content').click();
    await page.keyboard.type('edit ');
    await page.getByRole('button', { name: 'Open…' }).click();
    await expectModal(page, 'unsaved-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('unsaved-dialog').count()).toBe(0);
    expect(await playing(page)).toBe(false);
    expect(await page.locator('.toolbar-title').textContent()).toContain('seconds.vtt');

    // The find panel is the topmost thing open: Esc closes it, from the text too.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+f');
    await page.locator('.cue-find').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cue-find').count()).toBe(0);
    expect(await playing(page)).toBe(false);
    expect(await playhead(page)).toBe(0);

    // Nothing open: Esc plays, and pauses.
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => playing(page)).toBe(false);
    expect(app!.errors).toEqual([]);
  });

  it('Tab types a tab in the corrections box, so FIND<Tab>REPLACE rules can be typed', async () => {
    app = await openApp();
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: 'Clean…' }).click();
    const box = page.getByRole('textbox', { name: 'Correction rules' });
    await box.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Matt McKay');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Matt Makai');
    expect(await box.inputValue()).toBe('Matt McKay\tMatt Makai');
    expect((await focused(page)).label).toBe('Correction rules');
    // The demo says "Matt McKay": the rule finds it.
    await expect.poll(() => page.getByTestId('clean-summary').textContent()).toMatch(/^[1-9]\d* changes?, [1-9]/);
    // Shift+Tab still leaves the box.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).label).not.toBe('Correction rules');
  });
});
