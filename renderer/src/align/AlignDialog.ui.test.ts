/**
 * The Align dialog, word highlight and click-to-seek in real Chromium: the dialog and
 * editor modules bundled into a test page (dialog-test-page.tsx) with an aligner double
 * whose statuses the test hands out, so every step waits on what the page shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../../electron/preview/harness';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import type { AlignTestApi } from './dialog-test-page';
import { driftResult } from './fixture-results';

declare global {
  interface Window {
    alignTest: AlignTestApi;
  }
}

const SNIPPET = readFileSync(join(import.meta.dirname, '../../../../shared/fixtures/snippets/vtt_overlap_515.vtt'), 'utf8');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'dialog-test-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.setContent('<!doctype html><html><body><div id="editor"></div><div id="dialog"></div><p id="message"></p></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});

afterAll(async () => {
  await browser?.close();
});

describe('Align to Audio dialog', () => {
  it('aligns the whole file with progress, previews, applies as one undo step, and flags low confidence', async () => {
    const result = driftResult(SNIPPET);
    await page.evaluate((doc) => window.alignTest.open(doc), SNIPPET);
    // Select from the second cue's text to the third's: the dialog offers those cues.
    const cues = parseVtt(SNIPPET).cues;
    await page.evaluate(([a, b]) => window.alignTest.select(a!, b!), [cues[1]!.textRange.from, cues[2]!.textRange.to]);
    await page.evaluate(() => window.alignTest.showDialog());
    const dialog = page.getByTestId('align-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.textContent()).toContain('Selected cues (2–3, between their neighbours)');
    expect(await page.getByLabel('Selected cues').isChecked()).toBe(true);
    await page.getByLabel('Whole file').check();
    await page.getByRole('button', { name: 'Align' }).click();

    await page.evaluate(() => window.alignTest.push({ status: 'running', stage: 'aligning', progress: 0.4, secondsLeft: 12 }));
    await expect.poll(() => dialog.textContent()).toContain('Matching text to audio · 40 % · about 12 s left');
    expect(await page.getByLabel('Alignment progress').evaluate((p) => (p as HTMLProgressElement).value)).toBeCloseTo(0.4);
    expect(await page.evaluate(() => window.alignTest.requests())).toEqual([{ text: SNIPPET, profile: 'transcript' }]);

    await page.evaluate((r) => window.alignTest.done(r), result);
    await expect.poll(() => page.getByTestId('align-preview').textContent()).toContain('0 cues newly timed, 5 moved (up to 1.50 s), 0 unchanged. 1 low confidence');
    await page.getByText('Moved (5)').click();
    await expect.poll(() => page.getByTestId('align-moved').textContent()).toContain('start −1.500 s, end −1.500 s');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => window.alignTest.text())).toBe(result.text);
    expect(await page.locator('#message').textContent()).toContain('Aligned 5 cues (5 timed or moved; 1 low confidence)');
    // The low-confidence cue is underlined as a lint warning.
    await expect.poll(() => page.locator('.cm-lintRange-warning').count(), { timeout: 5_000 }).toBeGreaterThan(0);

    // One undo restores the text.
    await page.evaluate(() => window.alignTest.focus());
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => window.alignTest.text())).toBe(SNIPPET);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.evaluate(() => window.alignTest.text())).toBe(result.text);
  });

  it('highlights the spoken word during playback and seeks when a word is clicked', async () => {
    // After the test above, the aligned text with word times is open.
    const result = driftResult(SNIPPET);
    const word = result.cues[1]!.words[3]!; // "use"
    await page.evaluate((t) => {
      window.alignTest.player.playing = true;
      window.alignTest.player.emit('time', t);
    }, (word.start + word.end) / 2);
    await expect.poll(() => page.locator('.cm-spoken-word').textContent()).toBe(word.text);
    await page.evaluate(() => {
      window.alignTest.player.playing = false;
      window.alignTest.player.emit('pause');
    });
    await expect.poll(() => page.locator('.cm-spoken-word').count()).toBe(0);

    // A click at the start of the fourth cue's text line: its first word.
    const line = page.locator('.cm-line', { hasText: result.cues[3]!.text.slice(0, 30) });
    const rect = await line.boundingBox();
    expect(rect).not.toBeNull();
    const seeksBefore = (await page.evaluate(() => window.alignTest.player.seeks.length));
    await line.click({ position: { x: 8, y: rect!.height / 2 } });
    await expect.poll(() => page.evaluate(() => window.alignTest.player.seeks.length)).toBe(seeksBefore + 1);
    expect(await page.evaluate(() => window.alignTest.player.seeks.at(-1))).toBe(result.cues[3]!.words[0]!.start);
  });

  it('Cancel stops a running job and closes the dialog', async () => {
    await page.evaluate(() => window.alignTest.showDialog());
    await page.getByRole('button', { name: 'Align' }).click();
    await page.evaluate(() => window.alignTest.push({ status: 'running', stage: 'decoding', progress: 0.05, secondsLeft: null }));
    await expect.poll(() => page.getByTestId('align-dialog').textContent()).toContain('Reading the audio · 5 % · estimating time left…');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('align-dialog').count()).toBe(0);
    expect(await page.evaluate(() => window.alignTest.canceled())).toBe(true);
  });
});
