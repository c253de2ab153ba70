/**
 * The in-page menu bar in a plain browser, driven as a keyboard user drives it: Alt
 * focuses it, arrows and letters move, Enter runs, Esc closes and gives the focus back.
 * File ▸ Export ▸ WebVTT writes the file; a Timing item retimes the cue at the cursor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { demo, folderWith } from '../../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

/** Role and name of the focused element, as a screen reader would announce it. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  // The name without the key hint or the submenu arrow (both aria-hidden).
  const label = [...(el?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
  return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '', name: label, editor: !!el?.closest('.cm-content') };
});

describe('in-page menu bar', () => {
  it('opens by keyboard, exports WebVTT, runs a Timing action, and Esc returns to the text without playing', async () => {
    const { dir, path } = await folderWith({ 'episode.vtt': demo.vtt, 'episode.mp3': demo.mp3 }, 'cueline-menu-');
    const exported = join(dir, 'exported.vtt');
    const asked: string[] = [];
    app = await openApp({
      launchPaths: [path['episode.vtt']!],
      dialogs: { chooseOpen: async () => null, chooseSave: async (name) => { asked.push(name); return exported; } },
    });
    const { page } = app;
    const menubar = page.getByRole('menubar');
    await menubar.waitFor();
    expect(await menubar.getByRole('menuitem').allTextContents()).toEqual(['File', 'Edit', 'View', 'Timing', 'Cues', 'Playback', 'Help']);

    // The cursor in the second cue's text.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    const before = (await editorText(page))!;

    // Alt alone focuses File; Down opens it; "e" jumps to Export; Right opens its submenu.
    await page.keyboard.press('Alt');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', name: 'File' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', name: 'Open…' });
    await page.keyboard.press('e');
    expect(await focused(page)).toMatchObject({ name: 'Export' });
    await page.keyboard.press('ArrowRight');
    const exportMenu = page.getByRole('menu', { name: 'Export' });
    expect(await exportMenu.getByRole('menuitem').allTextContents()).toEqual([
      'WebVTT…', 'WebVTT with word timestamps…', 'SubRip (SRT)…', 'TXT (HH:MM:SS lines)…', 'TXT (speaker paragraphs)…', 'TXT (plain text)…', 'TXT (Otter-style Name M:SS turns)…', 'TXT + VTT…', 'Cleaned VTT or TXT…',
    ]);
    expect(await focused(page)).toMatchObject({ name: 'WebVTT…' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Exported exported.vtt');
    expect(await readFile(exported, 'utf8')).toBe(before);
    expect(asked).toHaveLength(1);
    // The menu closed and the focus went back to the text.
    expect(await page.getByRole('menu').count()).toBe(0);
    expect((await focused(page)).editor).toBe(true);

    // Timing ▸ Start earlier (large step): three Rights from File, Down opens (on Align to Audio…), Down, Enter runs.
    await page.keyboard.press('Alt');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ name: 'Timing' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ name: 'Align to Audio…' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ name: 'Start earlier (large step)' });
    // The item shows the key the keymap binds to its action.
    const item = page.getByRole('menuitem', { name: 'Start earlier (large step)' });
    expect(await item.getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowLeft');
    expect(await item.locator('.menu-keys').textContent()).toBe('Alt+Left');
    await page.keyboard.press('Enter');
    const after = (await editorText(page))!;
    const changed = before.split('\n').map((line, i) => [line, after.split('\n')[i]]).filter(([a, b]) => a !== b);
    // Cue 2 starts at 4.600 s; the large step is 100 ms.
    expect(changed).toEqual([['00:00:04.600 --> 00:00:08.900', '00:00:04.500 --> 00:00:08.900']]);
    expect((await focused(page)).editor).toBe(true);

    // Esc closes the open menu, then leaves the bar; neither starts playback.
    await page.keyboard.press('Alt');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('menu').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ name: 'File' });
    await page.keyboard.press('Escape');
    expect((await focused(page)).editor).toBe(true);
    // A play() would have fired its 'play' event by the second frame from now.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.getByTestId('transport-play').getAttribute('aria-label')).toBe('Play');

    // With the mouse: File opens on click, hovering Help switches to it, a click runs the item.
    await page.getByRole('menuitem', { name: 'File' }).click();
    expect(await page.getByRole('menu').count()).toBe(1);
    await page.getByRole('menuitem', { name: 'Help' }).hover();
    await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: 'Keyboard Shortcuts' }).click();
    await page.getByTestId('shortcuts').waitFor();
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('is drawn only where the page has no native menu (not in Electron)', async () => {
    app = await openApp();
    const { page } = app;
    await page.getByRole('menubar').waitFor();
    const cdp = await app.context.newCDPSession(page);
    const ua = await page.evaluate(() => navigator.userAgent);
    await cdp.send('Network.setUserAgentOverride', { userAgent: `${ua} Cueline/0.1.0 Electron/45.4.1` });
    await page.reload();
    await page.locator('.cm-content').waitFor();
    expect(await page.getByRole('menubar').count()).toBe(0);
  });
});
