/**
 * Closing the window with unsaved work: the main process's close request reaches the
 * page, which asks Save / Don't Save / Cancel; the window closes only once that is
 * settled. The edited mark (macOS title dot) follows the unsaved state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { inRawView } from '../test/ui';
import { PROJECT_ROOT } from '../../electron/preview/server';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('closing with unsaved changes', () => {
  it('asks; Cancel keeps the window, Save writes the file and closes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-close-'));
    const file = join(dir, 'episode.vtt');
    await copyFile(join(PROJECT_ROOT, 'resources', 'demo', 'demo.vtt'), file);
    app = await openApp({ launchPaths: [file] });
    // About the raw text (the transcript view keeps typing inside cues and hides timing lines).
    await inRawView(app.page);
    const { page, server } = app;
    await page.locator('.cm-content').waitFor();
    expect(server.window.edited).toBe(false);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('last words');
    await expect.poll(() => server.window.edited).toBe(true);
    expect(server.session.hasUnsavedWork()).toBe(true);

    await app.emit('window:close-requested', {});
    await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.waitForTimeout(200);
    expect(server.window.closed).toBe(false);

    await app.emit('window:close-requested', {});
    await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => server.window.closed).toBe(true);
    expect((await readFile(file, 'utf8')).endsWith('last words')).toBe(true);
    await expect.poll(() => server.window.edited).toBe(false);
  });
});
