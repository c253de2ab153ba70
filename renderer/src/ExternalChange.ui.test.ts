/**
 * A file changed behind the app's back, through the real services and a real file
 * watcher: Reload or Keep mine; a save over a changed file asks before overwriting; the
 * app's own saves never raise the question.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorText, openApp, type AppHarness } from '../../electron/preview/harness';
import { inRawView } from '../test/ui';
import { PROJECT_ROOT } from '../../electron/preview/server';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('external changes', () => {
  it('offers Reload / Keep mine, and asks before a save overwrites a changed file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-external-'));
    const file = join(dir, 'episode.vtt');
    await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), file);
    const original = await readFile(file, 'utf8');
    app = await openApp({ launchPaths: [file] });
    // About the raw text (the transcript view keeps typing inside cues and hides timing lines).
    await inRawView(app.page);
    const { page } = app;
    const banner = page.getByTestId('external-banner');
    await page.locator('.cm-content').waitFor();

    // Replaced by rename, as git checkout does.
    const theirs = original.replace('WEBVTT', 'WEBVTT - edited elsewhere');
    await writeFile(join(dir, '.incoming'), theirs);
    await rename(join(dir, '.incoming'), file);
    await expect.poll(() => banner.textContent(), { timeout: 5000 }).toContain('episode.vtt changed on disk.');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => editorText(page)).toBe(theirs);
    expect(await banner.count()).toBe(0);

    // Our own save raises nothing.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('mine');
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(file, 'utf8')).toBe(`${theirs}mine`);
    await page.waitForTimeout(600);
    expect(await banner.count()).toBe(0);

    // Unsaved edits, then a change on disk: Keep mine, and the save asks before overwriting.
    await page.keyboard.type(' again');
    await writeFile(file, `${theirs}THEIRS`);
    await expect.poll(() => banner.textContent(), { timeout: 5000 }).toContain('You have unsaved changes.');
    await banner.getByRole('button', { name: 'Keep mine' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => banner.textContent()).toContain('changed on disk since you opened it');
    expect(await readFile(file, 'utf8')).toBe(`${theirs}THEIRS`);
    await banner.getByRole('button', { name: 'Overwrite' }).click();
    await expect.poll(() => readFile(file, 'utf8')).toBe(`${theirs}mine again`);
    expect(app.errors).toEqual([]);
  }, 30_000);
});
