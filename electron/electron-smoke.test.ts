/**
 * Smoke test of the real app in the real Electron binary: where one is present
 * (ELECTRON_OVERRIDE_DIST_PATH, or a machine where `npm start` downloaded it). Elsewhere
 * it is skipped and says why; the shell is then covered by electron/main.test.ts against
 * a fake electron module. Needs dist/ (`npm run build`; `npm test` builds first).
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, launchCueline } from './services/testing/electron-app';

const ROOT = join(__dirname, '..');
const binary = electronBinary();
if ('missing' in binary) console.info(`Electron smoke test skipped: ${binary.missing}`);

describe.skipIf(!('path' in binary))(`Electron smoke test${'missing' in binary ? ` (skipped: ${binary.missing})` : ''}`, () => {
  it('opens an episode in one window whose page has the contract API and no Node', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-electron-'));
    const vtt = join(dir, 'demo.vtt');
    await copyFile(join(ROOT, 'resources', 'demo', 'demo.vtt'), vtt);
    const { app, page } = await launchCueline((binary as { path: string }).path, [vtt], await mkdtemp(join(tmpdir(), 'cueline-electron-data-')));
    try {
      await page.locator('.cm-content').waitFor();
      const firstCue = (await readFile(vtt, 'utf8')).split('\n').find((l) => l && !l.includes('-->') && l !== 'WEBVTT')!;
      await expect.poll(() => page.locator('.cm-content').textContent()).toContain(firstCue.slice(0, 20));
      expect(page.url()).toBe('app://cueline/index.html');
      expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
      expect(await page.evaluate(() => typeof (globalThis as unknown as { cueline: { invoke: unknown } }).cueline.invoke)).toBe('function');
      // One window, on the app page, seen from the main process too.
      const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()));
      expect(windows).toEqual(['app://cueline/index.html']);
    } finally {
      await app.close();
    }
  }, 60_000);
});
