/**
 * The speaker lane in real Chromium with the real services, on the Otter fixture (with
 * real speech beside it for the waveform): hidden until asked for; then each speaker's
 * turns in view as bars in the speaker's colour with the name, under the waveform and
 * lined up with the cue regions; it follows the view and the edits; the choice (its
 * button, or View ▸ Speaker Lane) is saved in settings.json and outlives a reload. Needs `node scripts/build.mjs` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../../electron/preview/harness';
import { speakerColour } from '../../../shared/speakers/colour';
import { fixture, folderWith, tempDir } from '../../test/fixtures';

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** The turns the lane shows: name, colour, times, and where the bar is on screen. */
function laneTurns(page: Page) {
  return page.locator('[data-testid="speaker-turn"]').evaluateAll((bars) =>
    bars
      .filter((b) => (b as HTMLElement).style.display !== 'none')
      .map((b) => {
        const el = b as HTMLElement;
        const box = el.getBoundingClientRect();
        return { name: el.textContent ?? '', colour: getComputedStyle(el).color, start: Number(el.dataset.start), end: Number(el.dataset.end), left: box.left, top: box.top, width: box.width };
      })
      .sort((a, b) => a.start - b.start),
  );
}

const laneButton = (page: Page) => page.getByRole('button', { name: 'Speaker lane' });

describe('speaker lane', () => {
  it('shows the speakers’ turns in view with their names and colours, follows the view and the edits, and stays on after a reload', async () => {
    const dataDir = await tempDir('cueline-lane-');
    const { path } = await folderWith({ 'otter.txt': `${fixture.pages}/djangochat-dev-environments-otter.txt`, 'otter.mp3': fixture.audio515 }, 'cueline-lane-');
    app = await openApp({ launchPaths: [path['otter.txt']!], dataDir });
    const { page } = app;
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 30_000 });
    const lane = page.getByTestId('speaker-lane');
    // Hidden until asked for.
    expect(await laneButton(page).getAttribute('aria-pressed')).toBe('false');
    expect(await lane.isVisible()).toBe(false);

    await laneButton(page).click();
    await expect.poll(() => lane.isVisible()).toBe(true);
    expect(await laneButton(page).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await laneTurns(page)).slice(0, 6).map((t) => [t.name, t.start, t.end])).toEqual([
      ['Will Vincent', 6, 12],
      ['Carlton Gibson', 12, 14],
      ['Will Vincent', 14, 19],
      ['Calvin Hendryx-Parker', 19, 20],
      ['Carlton Gibson', 20, 22],
      ['Calvin Hendryx-Parker', 22, 24],
    ]);
    const turns = await laneTurns(page);
    for (const t of turns) expect(t.colour).toBe(rgb(speakerColour(t.name)));
    // Under the waveform, each bar lined up with its cue's region.
    const canvases = (await page.locator('[data-testid="waveform"] .canvases').boundingBox())!;
    const will = (await page.locator('[data-testid="cue-region"][data-start="14"]').boundingBox())!;
    const bar = turns.find((t) => t.start === 14)!;
    expect(bar.top).toBeGreaterThanOrEqual(canvases.y + canvases.height - 1);
    expect(Math.abs(bar.left - will.x)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(bar.width - will.width)).toBeLessThanOrEqual(1.5);

    // Only the view is drawn: going to 1:22 shows the turns there, and a handful of bars.
    await page.locator('.cm-line', { hasText: 'So I used airflow' }).first().click();
    await expect.poll(async () => (await laneTurns(page)).some((t) => t.name === 'Carlton Gibson' && t.start === 82)).toBe(true);
    const there = await laneTurns(page);
    expect(there.every((t) => t.end > 60 && t.start < 120)).toBe(true);
    expect(there.length).toBeLessThan(8);
    expect(await page.locator('[data-testid="speaker-turn"]').count()).toBeLessThan(12);

    // Edits reach it: a rename shows at once.
    const carlton = page.locator('[data-testid="speaker"][data-name="Carlton Gibson"]');
    await carlton.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for Carlton Gibson').fill('Carlton G.');
    await page.getByLabel('New name for Carlton Gibson').press('Enter');
    await expect.poll(async () => (await laneTurns(page)).find((t) => t.start === 82)?.name).toBe('Carlton G.');
    expect((await laneTurns(page)).find((t) => t.start === 82)!.colour).toBe(rgb(speakerColour('Carlton G.')));
    await page.keyboard.press('Control+z');

    // Saved in settings.json, so it is there after a reload.
    await expect.poll(async () => JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => '{}')).waveform?.speakerLane).toBe(true);
    await page.reload();
    await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('speaker-lane').isVisible()).toBe(true);
    await expect.poll(async () => (await laneTurns(page)).length).toBeGreaterThan(0);
    expect(await laneButton(page).getAttribute('aria-pressed')).toBe('true');

    // Off again from View ▸ Speaker Lane, which shows it checked: hidden, and saved so.
    await page.getByRole('menuitem', { name: 'View', exact: true }).click();
    const item = page.getByRole('menuitemcheckbox', { name: 'Speaker Lane' });
    expect(await item.getAttribute('aria-checked')).toBe('true');
    await item.click();
    expect(await laneButton(page).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByTestId('speaker-lane').isVisible()).toBe(false);
    await expect.poll(async () => JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')).waveform?.speakerLane).toBe(false);
    expect(app.errors).toEqual([]);
  });
});
