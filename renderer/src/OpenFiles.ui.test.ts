/**
 * Ways in, through the real services: files dropped on the window (paths checked in
 * the main process), the in-app Open Recent list, and files handed over by a second
 * launch (the 'session:opened' event main.ts sends).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { demo, episode515, folderWith, tempDir } from '../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

function drop(page: Page, names: string[]) {
  return page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const name of files) dt.items.add(new File(['not read by the page'], name));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, names);
}

describe('opening files', () => {
  it('opens dropped files, refuses what is not a transcript, lists recent files, and takes files from a second launch', async () => {
    const { dir } = await folderWith({ 'alpha.vtt': demo.vtt, 'bravo.vtt': demo.vtt, 'setup.exe': { text: 'MZ' } }, 'cueline-open-');
    const dataDir = await tempDir('cueline-data-');
    app = await openApp({ launchPaths: [join(dir, 'alpha.vtt')], dataDir, dropFolder: dir });
    const { page } = app;
    const title = page.locator('.toolbar-title');
    await expect.poll(() => title.textContent()).toContain('alpha.vtt');

    await drop(page, ['bravo.vtt']);
    await expect.poll(() => title.textContent()).toContain('bravo.vtt');
    await drop(page, ['setup.exe']);
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('setup.exe: not a transcript or audio file; not opened.');
    expect(await title.textContent()).toContain('bravo.vtt');
    expect(app.server.logs.some((l) => /refused dropped path .*setup\.exe/.test(l))).toBe(true);

    await page.getByRole('button', { name: 'Recent…' }).click();
    const recent = page.getByTestId('recent-dialog');
    await recent.waitFor();
    expect(await recent.locator('.recent-item').allTextContents()).toEqual([expect.stringContaining('bravo.vtt'), expect.stringContaining('alpha.vtt')]);
    await recent.locator('.recent-item', { hasText: 'alpha.vtt' }).click();
    await expect.poll(() => title.textContent()).toContain('alpha.vtt');

    // What main.ts does for a second launch or a macOS open-file.
    const opened = await app.server.session.openPaths([join(dir, 'bravo.vtt')]);
    await app.emit('session:opened', opened);
    await expect.poll(() => title.textContent()).toContain('bravo.vtt');
    expect(app.errors).toEqual([]);
  });

  it('opening a transcript replaces the audio: with its own, or with none (waveform cleared, a message), never the previous episode\'s', async () => {
    const first = await episode515();
    const lone = await folderWith({ 'lone.vtt': { text: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNo audio here\n' } });
    const other = await folderWith({ 'other.vtt': demo.vtt, 'other.mp3': demo.mp3 });
    const next = [lone.path['lone.vtt']!, other.path['other.vtt']!];
    app = await openApp({ launchPaths: [first.vtt], dialogs: { chooseOpen: async () => next.shift() ?? null, chooseSave: async () => null } });
    const { page } = app;
    // What the page tells the main process, whose native menu greys Align to Audio… without audio.
    const told: boolean[] = [];
    app.server.session.onAudioState = (open) => told.push(open);
    const duration = () => page.getByTestId('transport-duration').textContent();
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
    await expect.poll(duration).toMatch(/^0:0[12]:[05]\d/);

    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toContain('lone.vtt');
    await expect.poll(() => page.getByTestId('waveform').count()).toBe(0);
    expect(await page.getByTestId('waveform-empty').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('No audio beside lone.vtt');
    expect(await duration()).toBe('0:00:00.0');
    expect(await page.getByTestId('transport-play').isDisabled()).toBe(true);
    await expect.poll(() => told.at(-1)).toBe(false);

    await page.getByRole('button', { name: 'Open…' }).click();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toContain('other.vtt');
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
    // The demo's audio (1:38.6), not 515's two minutes.
    await expect.poll(duration).toMatch(/^0:01:38\./);
    await expect.poll(() => told.at(-1)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
