/**
 * Crash recovery through the real services: text typed and never saved is offered at the
 * next start (with how it differs from the file), kept when the user says Later, and
 * restored on Recover; after Save nothing is offered any more. (The kill test of the
 * journal itself is electron/services/recovery-journal.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorText, openApp, type AppHarness } from '../../electron/preview/harness';
import { PROJECT_ROOT } from '../../electron/preview/server';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('crash recovery', () => {
  it('offers unsaved work at the next start, keeps it on Later, restores it on Recover, and forgets it once saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-recover-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'cueline-data-'));
    const file = join(dir, 'episode.vtt');
    await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), file);
    const onDisk = await readFile(file, 'utf8');

    app = await openApp({ launchPaths: [file], dataDir });
    let page = app.page;
    await page.locator('.cm-content').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('typed and never saved');
    const typed = (await editorText(page))!;
    await page.waitForTimeout(1200);
    await app.close(); // the window goes away without saving
    app = null;

    app = await openApp({ dataDir });
    page = app.page;
    const dialog = page.getByTestId('recovery-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('recovery-item').textContent()).toMatch(/episode\.vtt .* 1 line differ from the file/);
    expect(await dialog.textContent()).toContain('typed and never saved');
    await dialog.getByRole('button', { name: 'Later' }).click();
    await app.close();
    app = null;

    app = await openApp({ dataDir });
    page = app.page;
    await page.getByTestId('recovery-dialog').getByRole('button', { name: 'Recover' }).click();
    await expect.poll(() => editorText(page)).toBe(typed);
    expect(await page.locator('.toolbar-title').textContent()).toMatch(/episode\.vtt •/);
    expect(await readFile(file, 'utf8')).toBe(onDisk);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8')).toBe(typed);
    await page.waitForTimeout(500);
    await app.close();
    app = null;

    app = await openApp({ dataDir });
    await app.page.locator('.cm-content').waitFor();
    await app.page.waitForTimeout(500);
    expect(await app.page.getByTestId('recovery-dialog').count()).toBe(0);
  }, 60_000);
});
