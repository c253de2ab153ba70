/**
 * The message bar as a user meets it: the newest message first, info fading by itself,
 * errors staying until dismissed, and only the shown document's messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { demo, folderWith } from '../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('messages', () => {
  it('shows the newest first, fades info, keeps errors until dismissed, and belongs to the document shown', async () => {
    const broken = await folderWith({ 'talk.vtt': demo.vtt, 'talk.mp3': { text: 'this is not audio' } });
    const fine = await folderWith({ 'fine.vtt': demo.vtt, 'fine.mp3': { text: 'not audio either' } });
    app = await openApp({ launchPaths: [broken.path['talk.vtt']!], dialogs: { chooseOpen: async () => fine.path['fine.vtt']!, chooseSave: async () => null } });
    const { page } = app;
    const bar = page.getByTestId('messages');
    const items = bar.locator('li');
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => items.first().textContent(), { timeout: 15_000 }).toMatch(/talk\.mp3: Audio could not be loaded/);
    // The waveform's own error follows the player's; let it arrive before the next message.
    await expect.poll(() => bar.textContent(), { timeout: 15_000 }).toMatch(/talk\.mp3: Waveform unavailable/);

    // A newer message goes on top.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => items.first().textContent()).toBe('Saved talk.vtt.');
    // Info fades by itself; the errors stay.
    await expect.poll(() => bar.textContent(), { timeout: 20_000 }).not.toContain('Saved talk.vtt.');
    expect(await items.count()).toBeGreaterThan(0);
    for (const level of await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))) expect(level).toBe('error');
    expect(await bar.textContent()).toMatch(/talk\.mp3: Audio could not be loaded/);

    // Another document: only its own messages.
    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toContain('fine.vtt');
    await expect.poll(() => bar.textContent(), { timeout: 15_000 }).toMatch(/fine\.mp3: Audio could not be loaded/);
    expect(await bar.textContent()).not.toContain('talk.mp3');
    // Errors go when dismissed.
    const errors = await items.count();
    await page.getByRole('button', { name: /^Dismiss: fine\.mp3/ }).first().click();
    await expect.poll(() => items.count()).toBe(errors - 1);
    expect(app.errors.filter((e) => !/Failed to load resource|media|MEDIA/i.test(e))).toEqual([]);
  });
});
