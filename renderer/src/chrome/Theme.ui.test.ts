/**
 * Dark mode everywhere: with the system in dark mode (prefers-color-scheme), every part
 * of the window is dark, not only the text: toolbar, menus, transport, waveform (its
 * canvas and cue regions), line-number gutter, dialogs and status bar; and light in
 * light mode.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../../electron/preview/harness';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

/** Relative luminance (WCAG) of the first opaque background from `selector` up. */
const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((start) => {
  for (let el: Element | null = start; el; el = el.parentElement) {
    const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [];
    if (m.length >= 3 && (m[3] ?? 1) > 0.5) {
      const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(m[0]!) + 0.7152 * lin(m[1]!) + 0.0722 * lin(m[2]!);
    }
  }
  return 1;
});

/** The colour wavesurfer painted most (the waveform itself), as `r,g,b`. */
const waveformPaint = (page: Page) => page.evaluate(() => {
  const host = document.querySelector('[data-testid="waveform"]');
  const root = [...(host?.querySelectorAll('div') ?? [])].find((d) => d.shadowRoot)?.shadowRoot;
  const counts = new Map<string, number>();
  for (const canvas of root?.querySelectorAll('canvas') ?? []) {
    if (!canvas.width || !canvas.height) continue;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) continue;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) continue;
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
});

/** A palette property as `r,g,b`. */
const palette = (page: Page, property: string) => page.evaluate((p) => {
  const probe = document.createElement('div');
  probe.style.color = `var(${p})`;
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).join(',');
  probe.remove();
  return rgb;
}, property);

const PARTS = {
  toolbar: 'header.toolbar',
  menubar: '[role="menubar"]',
  transport: '[data-testid="transport"]',
  waveform: '.waveform-pane',
  gutter: '.cm-gutters',
  editor: '.cm-editor',
  'status bar': '[data-testid="status-bar"]',
};

describe('colour scheme', () => {
  for (const scheme of ['dark', 'light'] as const) {
    it(`paints the whole window ${scheme}`, async () => {
      app = await openApp();
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.cm-gutters').waitFor();
      await page.getByTestId('cue-region').first().waitFor({ timeout: 30_000 });
      const isRight = (l: number) => (scheme === 'dark' ? l < 0.06 : l > 0.75);

      for (const [part, selector] of Object.entries(PARTS)) {
        const l = await background(page, selector);
        expect(isRight(l), `${part}: luminance ${l.toFixed(3)}`).toBe(true);
      }
      // Cue regions and the waveform's canvas take the scheme's colours.
      const fill = await page.getByTestId('cue-region').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(fill.match(/\d+/g)!.slice(0, 3).join(',')).toBe(await palette(page, '--cue-fill'));
      await expect.poll(() => waveformPaint(page)).toBe(await palette(page, '--wave'));

      // A menu, opened from the keyboard.
      await page.keyboard.press('Alt');
      await page.keyboard.press('ArrowDown');
      const menu = await background(page, '[role="menu"]');
      expect(isRight(menu), `menu: luminance ${menu.toFixed(3)}`).toBe(true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');

      // A dialog: Help ▸ Keyboard Shortcuts.
      await page.keyboard.press('Alt');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByTestId('shortcuts').waitFor();
      const dialog = await background(page, '[data-testid="shortcuts"]');
      expect(isRight(dialog), `dialog: luminance ${dialog.toFixed(3)}`).toBe(true);
      expect(app.errors).toEqual([]);
    });
  }
});
