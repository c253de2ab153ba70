/**
 * The editor in real Chromium with the real services: timing commands from the
 * keyboard on a real episode, undo, split and merge, find/replace, lint navigation and
 * key rebinding. Needs `npm run build` first (`npm test` does it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { inRawView } from '../../test/ui';
import { fixture, folderWith, tempDir } from '../../test/fixtures';

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

async function open515(options: { dataDir?: string } = {}): Promise<{ page: Page; original: string }> {
  const path = (await folderWith({ '515-temporal.vtt': fixture.vtt515 }, 'cueline-editor-')).path['515-temporal.vtt']!;
  app = await openApp({ launchPaths: [path], ...options });
  // About the raw text (the transcript view keeps typing inside cues and hides timing lines).
  await inRawView(app.page);
  const { page } = app;
  await page.locator('.cm-content').waitFor();
  await page.locator('.cm-content').click();
  return { page, original: await readFile(path, 'utf8') };
}

const lines = async (page: Page) => (await editorText(page))!.split('\n');

describe('editor timing commands (515-temporal.vtt)', () => {
  it('nudges the third cue by +100 ms, undoes, splits at the cursor and merges back, from the keyboard', async () => {
    const { page, original } = await open515();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.getByTestId('status-cue').textContent()).toMatch(/^Cue 3\//);

    await page.keyboard.press('Alt+ArrowRight');
    const nudged = await lines(page);
    expect(nudged[8]).toBe('00:00:09.540 --> 00:00:13.300');
    expect(nudged.filter((l, i) => l !== original.split('\n')[i])).toEqual(['00:00:09.540 --> 00:00:13.300']);

    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);

    // Cursor before "without" in "scalable applications without sacrificing ...".
    for (let i = 0; i < 'scalable applications '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+Enter');
    const split = await lines(page);
    expect(split.slice(7, 14)).toEqual([
      '',
      '00:00:09.440 --> 00:00:10.615',
      'scalable applications',
      '',
      '00:00:10.615 --> 00:00:13.300',
      'without sacrificing productivity or reliability.',
      '',
    ]);
    // The cursor is in the second half; Merge right after Split joins the two halves again.
    await expect.poll(() => page.getByTestId('status-cue').textContent()).toMatch(/^Cue 4\//);
    await page.keyboard.press('Alt+m');
    expect(await editorText(page)).toBe(original);
    // One undo step per command: undo the merge, then the split.
    await page.keyboard.press('Control+z');
    expect((await lines(page)).slice(7, 14)).toEqual(split.slice(7, 14));
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);
    expect(app!.errors).toEqual([]);
  });

  it('finds with cue times, replaces all in one undo step, and never touches timing lines', async () => {
    const { page, original } = await open515();
    await page.keyboard.press('Control+f');
    const find = page.getByRole('textbox', { name: 'Find' });
    await find.fill('Temporal');
    const expected = original.split('\n').filter((l) => !l.includes('-->')).join('\n').match(/Temporal/gi)!.length;
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe(`${expected} matches`);
    const first = page.getByTestId('find-list').locator('li').first();
    expect(await first.locator('.cue-find-time').textContent()).toBe('0:00');
    await page.getByRole('checkbox', { name: 'Match case' }).check();
    const cased = original.split('\n').filter((l) => !l.includes('-->')).join('\n').match(/Temporal/g)!.length;
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe(`${cased} matches`);
    await page.getByRole('textbox', { name: 'Replace' }).fill('Temporal.io');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe(`Replaced ${cased}`);
    const replaced = (await editorText(page))!;
    expect(replaced.match(/Temporal\.io/g)!.length).toBe(cased);

    // "00" appears in every timestamp; replace-all must leave timing lines alone.
    await find.fill('00');
    await page.getByRole('textbox', { name: 'Replace' }).fill('XX');
    await page.getByRole('button', { name: 'Replace all' }).click();
    const after = (await editorText(page))!;
    expect(after.split('\n').filter((l) => l.includes('-->'))).toEqual(original.split('\n').filter((l) => l.includes('-->')));

    await page.keyboard.press('Escape');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(replaced);
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);
  });

  it('lints timing problems, F8 jumps to the next one, and a rebound key is saved in the settings', async () => {
    const dataDir = await tempDir('cueline-data-');
    const { page, original } = await open515({ dataDir });
    // 515 is a podcast transcript, so the profile follows the file to 'transcript'; choose subtitles.
    await page.getByTestId('qa-profile').selectOption('subtitle');
    await expect.poll(async () => Number((await page.getByTestId('status-problems').textContent())!.split(' ')[0]), { timeout: 5000 }).toBeGreaterThan(100);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await expect.poll(() => page.getByTestId('status-cue').textContent()).toMatch(/^Cue 1\//);
    const head = await page.evaluate(() => {
      const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: { state: { selection: { main: { from: number } } } } } } };
      return content.cmTile.root.view.state.selection.main.from;
    });
    // The first problem: the first cue's one line has 89 characters (limit 42).
    // Split by characters: 34 of 88 -> 0.020 + 4.720 * 34/88 = 1.844 s (checked below).
    expect(head).toBe(original.indexOf('What if your code'));

    // Duration and CPS beside the first timing line: 89 characters in 4.72 s.
    expect(await page.locator('.cm-vtt-figures').first().textContent()).toBe('4.72 s · 18.9 cps');
    // The transcript profile has no subtitle limits: the QA warnings go.
    await page.getByTestId('qa-profile').selectOption('transcript');
    await expect.poll(async () => Number((await page.getByTestId('status-problems').textContent())!.split(' ')[0]), { timeout: 5000 }).toBe(0);
    await page.getByTestId('qa-profile').selectOption('subtitle');

    await page.getByRole('button', { name: 'Shortcuts' }).click();
    const dialog = page.getByTestId('shortcuts');
    await dialog.waitFor();
    await dialog.locator('tr[data-action="split-cue"] button').click();
    await page.keyboard.press('Control+Shift+k');
    await expect.poll(() => dialog.locator('tr[data-action="split-cue"] button').textContent()).toBe('Ctrl+Shift+k');
    await dialog.getByTestId('keymap-preset').selectOption('subtitle-edit');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(stored.keymapPreset).toBe('subtitle-edit');
    expect(stored.qaProfile).toBe('subtitle');
    expect(stored.keyOverrides['split-cue']).toEqual(['Mod-Shift-k']);

    // The new key splits; the old one no longer does.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    for (let i = 0; i < 'What if your code was crash-proof? '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+Enter');
    expect(await editorText(page)).toBe(original);
    await page.keyboard.press('Control+Shift+k');
    expect((await lines(page)).slice(2, 6)).toEqual(['00:00:00.020 --> 00:00:01.844', 'What if your code was crash-proof?', '', '00:00:01.844 --> 00:00:04.740']);

    // Another file opened next (a second launch) has the same keys.
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);
    const next = (await folderWith({ 'next.vtt': { text: 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nOne two three four\n' } })).path['next.vtt']!;
    await app!.emit('session:opened', await app!.server.session.openPaths([next]));
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toContain('next.vtt');
    await page.locator('.cm-line', { hasText: 'One two' }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < ' three four'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Shift+k');
    // Split between the words (by characters: 1 + 2 × 7/17 s).
    await expect.poll(async () => (await lines(page)).slice(2, 7)).toEqual(['00:00:01.000 --> 00:00:01.824', 'One two', '', '00:00:01.824 --> 00:00:03.000', 'three four']);
  });

  it('shows a cue that ends before it starts with a negative duration, flagged as an error', async () => {
    const { path } = await folderWith({ 'backwards.vtt': { text: 'WEBVTT\n\n00:00:05.000 --> 00:00:03.750\nThis cue ends before it starts\n' } });
    app = await openApp({ launchPaths: [path['backwards.vtt']!] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    const figures = page.locator('.cm-vtt-figures');
    await expect.poll(() => figures.textContent()).toBe('−1.25 s · ends before it starts');
    expect(await figures.getAttribute('class')).toContain('cm-vtt-figures-error');
    await page.locator('.cm-line', { hasText: 'This cue ends' }).click();
    await expect.poll(() => page.getByTestId('status-duration').textContent()).toBe('Dur −1.250 s (ends before it starts)');
    expect(await page.getByTestId('status-duration').getAttribute('class')).toContain('status-error');
    expect(await page.getByTestId('status-bar').textContent()).not.toContain('∞');
  });
});
