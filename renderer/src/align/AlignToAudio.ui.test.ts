/**
 * Timing ▸ Align to Audio… end to end, in Chromium over the real services: an untimed
 * transcript beside real speech (flite's voice; the aligner synthesizes with eSpeak), the
 * menu run by keyboard, the preview, Apply. Then the cues carry times near the truth of
 * where each sentence is spoken, a click on a word (in the text or a waveform label) seeks there, one Ctrl+Z undoes the
 * whole alignment, and Export ▸ WebVTT with word timestamps writes the inline tags.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { firstWordErrors, figures, speak, type SpokenCue } from '../../../electron/services/align/test-speech';
import { parseVtt } from '../../../shared/formats/vtt';
import { readWordTimes } from '../../../shared/align/word-tags';
import { playhead } from '../../test/ui';
import { tempDir } from '../../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

const SENTENCES: SpokenCue[] = [
  { start: 0.5, end: 5.0, text: 'Welcome back to the show, where we talk about building software.' },
  { start: 5.8, end: 10.4, text: 'Today we are looking at how transcripts get their timing.' },
  { start: 11.2, end: 15.8, text: 'Most editors make you type every timestamp by hand.' },
  { start: 16.6, end: 21.0, text: 'That takes hours for a single episode of a podcast.' },
  { start: 21.8, end: 26.5, text: 'An aligner listens to the audio and finds each word.' },
  { start: 27.3, end: 32.0, text: 'Then you only fix the few places where it went wrong.' },
];

/** Clicks the middle of the first occurrence of `word` in the editor's text. */
async function clickWord(page: AppHarness['page'], word: string): Promise<void> {
  const point = await page.evaluate((w) => {
    type View = { state: { sliceDoc(): string }; coordsAtPos(pos: number): { left: number; top: number; bottom: number } | null; dispatch(spec: unknown): void };
    const content = document.querySelector('.cm-content') as (Element & { cmTile?: { root?: { view?: View } } }) | null;
    const view = content!.cmTile!.root!.view!;
    const at = view.state.sliceDoc().indexOf(w);
    view.dispatch({ effects: [], scrollIntoView: true, selection: { anchor: at } });
    const a = view.coordsAtPos(at + 1);
    const b = view.coordsAtPos(at + w.length - 1);
    return a && b ? { x: (a.left + b.left) / 2, y: (a.top + a.bottom) / 2 } : null;
  }, word);
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

describe('Align to Audio', () => {
  it('times an untimed transcript from its audio: menu by keyboard, preview, Apply, word seek, one undo, word-timestamp export', async () => {
    const dir = await tempDir('cueline-align-ui-');
    const { truth } = speak(dir, 'episode', SENTENCES);
    // The page as it was published: prose in paragraphs, no times.
    const transcript = join(dir, 'episode.txt');
    await writeFile(transcript, `${SENTENCES.slice(0, 3).map((s) => s.text).join(' ')}\n\n${SENTENCES.slice(3).map((s) => s.text).join(' ')}\n`);
    const exported = join(dir, 'exported.vtt');
    app = await openApp({ launchPaths: [transcript], dialogs: { chooseOpen: async () => null, chooseSave: async () => exported } });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await page.locator('[data-testid="transport-play"]:not([disabled])').waitFor({ timeout: 30_000 });
    const untimed = (await editorText(page))!;
    expect(untimed).toContain('needs timing');

    // Timing ▸ Align to Audio… by keyboard: Alt, Right past Edit and View, Right, Down (its first item), Enter.
    await page.locator('.cm-content').click();
    const press = async (...keys: string[]) => { for (const key of keys) await page.keyboard.press(key); };
    await press('Alt', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Align to Audio…');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('align-dialog');
    await dialog.waitFor();
    // The Align button has the focus: Enter starts; the preview offers Apply.
    await page.keyboard.press('Enter');
    const applyButton = dialog.getByRole('button', { name: 'Apply' });
    // The preview (or a failure, whose message the assertion then shows).
    await dialog.locator('button:text-is("Apply"), [role="alert"]').first().waitFor({ timeout: 120_000 });
    expect(await dialog.locator('[role="alert"]').allTextContents()).toEqual([]);
    await applyButton.click();
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Aligned');
    expect(await dialog.count()).toBe(0);
    const aligned = (await editorText(page))!;
    expect(aligned).not.toContain('needs timing');

    // Export ▸ WebVTT with word timestamps: File, Down, "e" (Export), Right, Down, Enter.
    await page.locator('.cm-content').click();
    await press('Alt', 'ArrowDown', 'e', 'ArrowRight', 'ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('WebVTT with word timestamps…');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Exported exported.vtt');
    const written = await readFile(exported, 'utf8');
    expect(written).toMatch(/ <00:00:\d\d\.\d{3}>\w/);
    // Without the tags the export is the editor's text.
    expect(written.replace(/<\d\d:\d\d:\d\d\.\d{3}>/g, '')).toBe(aligned);

    // Every sentence's first word starts near where it is really spoken.
    const cues = parseVtt(written).cues.map((c) => ({ start: c.start, text: c.text, words: readWordTimes(c.text, c.start, c.end) ?? [] }));
    const errors = figures(firstWordErrors(cues, truth));
    expect(errors.count).toBe(SENTENCES.length);
    expect(errors.median).toBeLessThanOrEqual(0.15);
    expect(errors.max).toBeLessThanOrEqual(0.5);

    // A click on a word seeks to its start (the playhead shows tenths).
    const editors = cues.flatMap((c) => c.words).find((w) => w.text === 'editors')!;
    await clickWord(page, 'editors');
    await expect.poll(() => playhead(page)).toBeCloseTo(editors.start, 0);
    expect(Math.abs((await playhead(page)) - editors.start)).toBeLessThanOrEqual(0.1);

    // A click on a word in the cue's waveform label seeks to that word too.
    const make = cues.flatMap((c) => c.words).find((w) => w.text === 'make')!;
    const label = page.locator('[data-testid="cue-region"] [data-part="label"]', { hasText: 'Most editors make' });
    const box = await label.evaluate((el) => {
      const text = el.firstChild as Text;
      const range = document.createRange();
      const at = text.data.indexOf('make');
      range.setStart(text, at);
      range.setEnd(text, at + 4);
      const r = range.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => playhead(page)).toBeCloseTo(make.start, 0);
    expect(Math.abs((await playhead(page)) - make.start)).toBeLessThanOrEqual(0.1);

    // One Ctrl+Z puts every cue back as it was.
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(untimed);
    expect(app.errors).toEqual([]);
  }, 240_000);
});
