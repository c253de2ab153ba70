/**
 * Quick fixes in the real editor (Chromium, real services): a damaged WebVTT opens with
 * its problems listed, the lint tooltip offers the fixes, each click is one undo step,
 * and Save writes exactly the fixed bytes. Needs `npm run build` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';

let app: AppHarness | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Hovers each lint mark until one's tooltip offers the action named `name`, and clicks it. */
async function clickFix(page: Page, name: RegExp): Promise<void> {
  for (const mark of await page.locator('.cm-lintRange-error, .cm-lintRange-warning').all()) {
    await page.mouse.move(0, 0);
    await mark.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    if (!(await tooltip.waitFor({ timeout: 2000 }).then(() => true, () => false))) continue;
    const button = tooltip.locator('.cm-diagnosticAction', { hasText: name });
    if (await button.count()) {
      await button.first().click();
      return;
    }
  }
  throw new Error(`no lint action ${name}`);
}

const errorMarks = (page: Page) => page.locator('.cm-lintRange-error').count();

describe('quick fixes in the editor', () => {
  it('a lowercase signature and a comma timing line are fixed from the lint tooltip; undo and Save', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-quickfix-'));
    const path = join(dir, 'damaged.vtt');
    const damaged = 'webvtt\n\n00:00:01.000 --> 00:00:02.000\nfirst\n\n00:00:03,000 --> 00:00:04,000\nsecond\n';
    await writeFile(path, damaged);
    app = await openApp({ launchPaths: [path] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    expect(await editorText(page)).toBe(damaged);
    await expect.poll(() => errorMarks(page), { timeout: 5000 }).toBe(2);

    await clickFix(page, /^Replace 'webvtt' with 'WEBVTT'$/);
    await expect.poll(() => editorText(page)).toBe(damaged.replace('webvtt', 'WEBVTT'));
    await expect.poll(() => errorMarks(page), { timeout: 5000 }).toBe(1);
    await clickFix(page, /^Rewrite the timing as '00:00:03\.000 --> 00:00:04\.000'$/);
    const fixed = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfirst\n\n00:00:03.000 --> 00:00:04.000\nsecond\n';
    await expect.poll(() => editorText(page)).toBe(fixed);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(damaged.replace('webvtt', 'WEBVTT'));
    // One undo took back exactly one fix; apply it again.
    await expect.poll(() => errorMarks(page), { timeout: 5000 }).toBe(1);
    await clickFix(page, /^Rewrite the timing as/);
    await expect.poll(() => editorText(page)).toBe(fixed);
    await expect.poll(() => errorMarks(page), { timeout: 5000 }).toBe(0);

    await page.keyboard.press('Control+s');
    await expect.poll(() => readFile(path, 'utf8'), { timeout: 5000 }).toBe(fixed);
  });
});
