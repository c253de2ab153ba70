/**
 * Find from the keyboard, as a user does it: select a word, Ctrl+F, the query is that
 * word with the focus in the find field (what is typed goes there, not into the
 * transcript), Esc closes the panel and the focus is back in the text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { fixture, folderWith } from '../../test/fixtures';
import { focused } from '../../test/ui';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('find panel keys', () => {
  it('Ctrl+F focuses the find field with the selection as query; Esc closes it and returns to the text', async () => {
    const { path } = await folderWith({ '515-temporal.vtt': fixture.vtt515 });
    app = await openApp({ launchPaths: [path['515-temporal.vtt']!] });
    const { page } = app;
    const original = await readFile(path['515-temporal.vtt']!, 'utf8');
    await page.locator('.cm-content').waitFor();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    // The first word of the first cue's text: "Temporal" in "Temporal is ...".
    await page.keyboard.press('Control+Shift+ArrowRight');
    const word = await page.evaluate(() => getSelection()?.toString() ?? '');
    expect(word.trim().length).toBeGreaterThan(2);

    await page.keyboard.press('Control+f');
    await expect.poll(() => focused(page)).toMatchObject({ inFind: true, label: 'Find', value: word });
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^\d+ match/);
    // Typing goes into the query (replacing the selected text), never into the transcript.
    await page.keyboard.type('Python');
    expect((await focused(page)).value).toBe('Python');
    expect(await editorText(page)).toBe(original);
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^\d+ match/);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cue-find').count()).toBe(0);
    expect((await focused(page)).inText).toBe(true);
    // Typing now edits the transcript again.
    await page.keyboard.type('X');
    expect(await editorText(page)).not.toBe(original);
    expect(app.errors).toEqual([]);
  });
});
