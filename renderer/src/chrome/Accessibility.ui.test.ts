/**
 * axe-core on the main window with an episode open (transcript, audio, waveform and
 * cue regions drawn), in light and dark: no serious or critical violation, and the page
 * has its landmarks and a top-level heading.
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
      await page.getByTestId('cue-region').first().waitFor({ timeout: 15_000 });
      await page.getByTestId('transport-play').and(page.locator(':enabled')).waitFor();
      // playwright-core's Page is the type @axe-core/playwright expects from playwright.
      const results = await new AxeBuilder({ page: page as never }).analyze();
      const summary = (impacts: string[]) => results.violations
        .filter((v) => impacts.includes(v.impact ?? ''))
        .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary(['serious', 'critical'])).toEqual([]);
      // The moderate ones seen before: no top-level heading, content outside landmarks.
      expect(results.violations.map((v) => v.id)).not.toContain('page-has-heading-one');
      expect(results.violations.map((v) => v.id)).not.toContain('region');
    });
  }
});
