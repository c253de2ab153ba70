/**
 * axe-core on the main window with an episode open (transcript, audio, waveform and
 * cue regions drawn), in light and dark: no serious or critical violation, and the page
 * has its landmarks and a top-level heading; with a menu or a dialog open, no violation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { openApp, type AppHarness } from '../../../electron/preview/harness';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violation (${scheme})`, async () => {
      app = await openApp();
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.cm-content').waitFor();
      await page.getByTestId('cue-region').first().waitFor({ timeout: 30_000 });
      await page.getByTestId('transport-play').and(page.locator(':enabled')).waitFor();
      // playwright-core's Page is the type @axe-core/playwright expects from playwright.
      const check = async () => {
        const results = await new AxeBuilder({ page: page as never }).analyze();
        return results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      const violations = await check();
      expect(violations.filter((v) => /^(serious|critical) /.test(v))).toEqual([]);
      // The moderate ones seen before: no top-level heading, content outside landmarks.
      expect(violations.filter((v) => /^\w+ (page-has-heading-one|region):/.test(v))).toEqual([]);

      // With File ▸ Export open, and with a dialog open: nothing either.
      await page.keyboard.press('Alt');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('e');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('menu', { name: 'Export' }).waitFor();
      expect(await check()).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByTestId('shortcuts').waitFor();
      expect(await check()).toEqual([]);
    });
  }
});
