/**
 * Ways in, through the real services: files dropped on the window (paths checked in
 * the main process), the in-app Open Recent list, and files handed over by a second
 * launch (the 'session:opened' event main.ts sends).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { PROJECT_ROOT } from '../../electron/preview/server';

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
    const dir = await mkdtemp(join(tmpdir(), 'cueline-open-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'cueline-data-'));
    for (const name of ['alpha.vtt', 'bravo.vtt']) await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), join(dir, name));
    await writeFile(join(dir, 'setup.exe'), 'MZ');
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
});
