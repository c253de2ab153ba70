/**
 * `npm run preview` opened in a plain browser: a Chromium with no test bindings and no
 * init script opens the URL the preview prints, and the page is the app (this was a
 * blank page: "Cannot read properties of undefined (reading 'invoke')"). The page's
 * `window.cueline` is the HTTP shim over the preview server (electron/preview/http-bridge.ts).
 */
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/preview/harness';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { demo, folderWith } from '../test/fixtures';

let server: PreviewServer | null = null;
afterEach(async () => { await server?.close(); server = null; });

describe('browser preview', () => {
  it('opens in a plain browser with no test bindings: the page shows the episode and main-process events reach it', async () => {
    const { path } = await folderWith({ 'talk.vtt': demo.vtt }, 'cueline-browser-preview-');
    server = await startPreviewServer({ launchPaths: [path['talk.vtt']!], browserBridge: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.bridge!.openUrl);
      expect(page.url()).toBe(`${server.origin}/index.html`);
      await expect.poll(() => page.locator('.cm-content').textContent(), { timeout: 20_000 }).toContain('Welcome to Cueline Radio');
      // The token never reaches scripts.
      expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');
      // A main-process event (a file changed on disk) reaches the page's listeners.
      await page.evaluate(() => {
        const w = globalThis as unknown as { cueline: { on(e: string, l: (p: unknown) => void): void }; got?: unknown };
        w.cueline.on('document:external-change', (p) => { w.got = p; });
      });
      const change = { id: 'doc-1', name: 'talk.vtt', kind: 'changed' as const, partner: false };
      await expect.poll(async () => {
        server!.session.onEvent('document:external-change', change);
        return page.evaluate(() => (globalThis as unknown as { got?: unknown }).got ?? null);
      }, { timeout: 20_000 }).toEqual(change);
      // A drop has no path in a browser: the page says what to do instead.
      const dropped = await page.evaluate(() => (globalThis as unknown as { cueline: { openDropped(f: { name: string }[]): Promise<unknown> } }).cueline.openDropped([{ name: 'x.vtt' }]));
      expect(dropped).toMatchObject({ transcript: null, messages: [{ level: 'warning', text: expect.stringContaining('use File ▸ Open') }] });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
