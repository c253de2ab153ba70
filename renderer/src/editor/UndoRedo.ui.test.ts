/** Undo and redo by their keys in the page: Ctrl+Z undoes typing, Ctrl+Shift+Z and Ctrl+Y both redo it. */
import { afterEach, describe, expect, it } from 'vitest';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { demo, folderWith } from '../../test/fixtures';
import { inRawView } from '../../test/ui';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('undo and redo keys', () => {
  it('Ctrl+Shift+Z redoes what Ctrl+Z undid (and so does Ctrl+Y)', async () => {
    const { path } = await folderWith({ 'episode.vtt': demo.vtt, 'episode.mp3': demo.mp3 }, 'cueline-redo-');
    app = await openApp({ launchPaths: [path['episode.vtt']!] });
    const { page } = app;
    // In the transcript view (transcripts open in it), then in the raw WebVTT view.
    await page.locator('.cm-content').waitFor();
    for (const view of ['transcript', 'raw']) {
      if (view === 'raw') {
        await page.keyboard.press('Control+s');
        await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Saved');
        await inRawView(page);
      }
      const original = (await editorText(page))!;
      await page.locator('.cm-content').click();
      await page.keyboard.type(' typed words');
      const typed = (await editorText(page))!;
      expect(typed).not.toBe(original);
      // CodeMirror starts a new undo group after a 500 ms pause, which a loaded machine can
      // put between two keystrokes: undo until the text is back (one step when typing is
      // quick), then the same number of redos must give the typed text again.
      const undoUntil = async (text: string): Promise<number> => {
        for (let steps = 1; steps <= 3; steps++) {
          await page.keyboard.press('Control+z');
          if ((await editorText(page)) === text) return steps;
        }
        return expect.poll(() => editorText(page)).toBe(text).then(() => 3);
      };
      for (const redo of ['Control+Shift+Z', 'Control+y']) {
        const steps = await undoUntil(original);
        for (let i = 0; i < steps; i++) await page.keyboard.press(redo);
        await expect.poll(() => editorText(page)).toBe(typed);
      }
    }
    expect(app.errors).toEqual([]);
  }, 30_000);
});
