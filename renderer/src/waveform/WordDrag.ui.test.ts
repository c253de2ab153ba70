/**
 * Words dragged across a speaker turn on the waveform, as a user drags them, on the Otter
 * fixture (imported from TXT, with real speech beside it for the waveform): Alt+drag a
 * word of a cue's label into the neighbouring cue's region. While dragging, the words
 * that will move are marked, the target cue is outlined and the readout says what goes
 * where; the drop is the keyboard's Words to previous / next (the same text and times,
 * one undo step); Esc cancels and neither plays nor moves anything. Needs
 * `node scripts/build.mjs` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { parseVtt } from '../../../shared/formats/vtt/parser';
import { fixture, folderWith } from '../../test/fixtures';

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

async function openOtterWithAudio(): Promise<{ page: Page; original: string }> {
  const { path } = await folderWith({ 'otter.txt': `${fixture.pages}/djangochat-dev-environments-otter.txt`, 'otter.mp3': fixture.audio515 }, 'cueline-word-drag-');
  app = await openApp({ launchPaths: [path['otter.txt']!] });
  const { page } = app;
  await page.locator('.cm-tv-chip').first().waitFor();
  await page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 30_000 });
  return { page, original: (await editorText(page))! };
}

const region = (start: number) => `[data-testid="cue-region"][data-start="${start}"]`;

/** Where `word` shows in the label of the cue starting at `start` (client coordinates), as the user sees it. */
async function wordInLabel(page: Page, start: number, word: string): Promise<{ x: number; y: number }> {
  const label = page.locator(`${region(start)} [data-part="label"]`);
  await label.waitFor();
  return label.evaluate((el, needle) => {
    const texts = [el.firstChild, el.querySelector('[data-words-from]')?.firstChild].filter((n): n is Text => n instanceof Text);
    const clip = el.getBoundingClientRect();
    for (const text of texts) {
      const at = text.data.search(new RegExp(`(^|\\s)${needle.replace(/[?.]/g, '\\$&')}(\\s|$)`));
      if (at < 0) continue;
      const from = at + (text.data[at] === needle[0] ? 0 : 1);
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, from + needle.length);
      const r = range.getBoundingClientRect();
      const box = text.parentElement === el ? clip : text.parentElement!.getBoundingClientRect();
      const left = Math.max(r.left, box.left);
      const right = Math.min(r.right, box.right);
      if (right > left) return { x: (left + right) / 2, y: (r.top + r.bottom) / 2 };
    }
    throw new Error(`"${needle}" is not shown in the label`);
  }, word);
}

/** Client x of `seconds` on the waveform. */
function xOf(page: Page, seconds: number): Promise<number> {
  return page.locator('[data-testid="cue-layer"]').evaluate((layer, t) => {
    const waveform = document.querySelector<HTMLElement>('[data-testid="waveform"]')!;
    const drawn = Number(waveform.dataset.peaks) * Number(waveform.dataset.secondsPerPeak);
    const box = layer.getBoundingClientRect();
    return box.left + (t * box.width) / drawn;
  }, seconds);
}

/** Puts the cursor in the cue holding `text` by clicking it in the editor (the waveform then shows that cue). */
async function clickText(page: Page, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click();
}

/** Alt+press on a word and drag it to `seconds` in steps; returns what the readout said just before the release. */
async function altDrag(page: Page, from: { x: number; y: number }, to: number, finish: 'release' | 'escape' = 'release'): Promise<string> {
  await page.mouse.move(from.x, from.y);
  await page.keyboard.down('Alt');
  await page.mouse.down();
  const target = await xOf(page, to);
  for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + ((target - from.x) * i) / 6, from.y);
  const readout = page.getByTestId('drag-readout');
  await expect.poll(() => readout.isVisible()).toBe(true);
  const said = (await readout.textContent())!;
  if (finish === 'escape') await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.keyboard.up('Alt');
  return said;
}

const cueOf = (text: string, startsWith: string) => parseVtt(text).cues.find((c) => c.text.startsWith(startsWith))!;

describe('word drags on the waveform (Otter fixture)', () => {
  it('Alt+drag "right?" from Calvin at 1:36 into Carlton at 1:22: marked while dragging, moved with the times as the key moves it; undo restores', async () => {
    const { page, original } = await openOtterWithAudio();
    await clickText(page, 'right? So basically');
    const word = await wordInLabel(page, 96, 'right?');

    // Short of the boundary: what would move and where, and nothing is armed yet.
    await page.mouse.move(word.x, word.y);
    await page.keyboard.down('Alt');
    await page.mouse.down();
    await page.mouse.move(word.x - 4, word.y);
    const readout = page.getByTestId('drag-readout');
    await expect.poll(() => readout.textContent()).toBe("Drag past the cue's start to move 1 word to the previous cue");
    const mark = page.getByTestId('word-drag-mark');
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.getAttribute('data-words')).toBe('1');
    const markBox = (await mark.boundingBox())!;
    expect(markBox.x).toBeLessThanOrEqual(word.x);
    expect(markBox.x + markBox.width).toBeGreaterThanOrEqual(word.x);
    // Past it: the target cue is outlined.
    const target = await xOf(page, 94.5);
    for (let i = 1; i <= 4; i++) await page.mouse.move(word.x + ((target - word.x) * i) / 4, word.y);
    await expect.poll(() => readout.textContent()).toBe('Move “right?” to the previous cue (Carlton Gibson)');
    expect(await page.locator(region(82)).getAttribute('data-drop-target')).toBe('true');
    await page.mouse.up();
    await page.keyboard.up('Alt');
    expect(await readout.isVisible()).toBe(false);
    expect(await mark.isVisible()).toBe(false);

    await expect.poll(() => editorText(page)).not.toBe(original);
    const dragged = (await editorText(page))!;
    const carlton = cueOf(dragged, '<v Carlton Gibson>So I used airflow');
    const calvin = cueOf(dragged, '<v Calvin Hendryx-Parker>So basically');
    expect(carlton.text.endsWith("because I think it's really interesting, right?")).toBe(true);
    expect(calvin.text.startsWith('<v Calvin Hendryx-Parker>So basically, you can think of airflow')).toBe(true);
    // No word times: the boundary moves in proportion to the characters, a fraction of a second.
    expect(carlton.start).toBe(82);
    expect(carlton.end).toBe(calvin.start);
    expect(calvin.start).toBeGreaterThan(96);
    expect(calvin.start).toBeLessThan(97);
    expect(calvin.end).toBe(276);
    // The regions follow: Calvin's now starts at the new boundary.
    await expect.poll(() => page.locator(region(calvin.start)).count()).toBe(1);

    // One undo step restores the file; the keys at the same place make the very same edit.
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(original);
    await page.evaluate(() => {
      type View = { state: { sliceDoc(): string }; dispatch(spec: unknown): void; focus(): void };
      const view = (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } }).cmTile.root.view;
      view.dispatch({ selection: { anchor: view.state.sliceDoc().indexOf('right? So basically') + 'right?'.length } });
      view.focus();
    });
    await page.keyboard.press('Alt+Shift+ArrowUp');
    expect(await editorText(page)).toBe(dragged);
    expect(app!.errors).toEqual([]);
  });

  it('Alt+drag "Hey," from the end of Will at 0:14 into Calvin at 0:19 moves the words after it too (the turn offset), the last words shown pinned in the label', async () => {
    const { page, original } = await openOtterWithAudio();
    await clickText(page, 'Hey, well, hey, Carlton,');
    const said = await altDrag(page, await wordInLabel(page, 14, 'Hey,'), 19.5);
    expect(said).toBe('Move “Hey, well, hey, Carlton,” to the next cue (Calvin Hendryx-Parker)');
    await expect.poll(() => editorText(page)).not.toBe(original);
    const after = (await editorText(page))!;
    const will = cueOf(after, "<v Will Vincent>And we're very pleased");
    const calvin = cueOf(after, '<v Calvin Hendryx-Parker>Hey, well');
    expect(will.text).toBe("<v Will Vincent>And we're very pleased to welcome Calvin Hendryx-Parker back on to the show. Welcome, Calvin.");
    expect(calvin.text).toBe("<v Calvin Hendryx-Parker>Hey, well, hey, Carlton, how's it going?");
    expect([will.start, calvin.end]).toEqual([14, 20]);
    expect(will.end).toBe(calvin.start);
    expect(calvin.start).toBeGreaterThan(17);
    expect(calvin.start).toBeLessThan(19);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(original);
  });

  it('Esc cancels a word drag: nothing moves and playback does not start; a plain label drag still moves the whole cue', async () => {
    const { page, original } = await openOtterWithAudio();
    // Carlton's 14-second cue, centred: Calvin's start shows beside it.
    await clickText(page, 'So I used airflow');
    const said = await altDrag(page, await wordInLabel(page, 96, 'right?'), 94.5, 'escape');
    expect(said).toBe('Move “right?” to the previous cue (Carlton Gibson)');
    expect(await page.getByTestId('drag-readout').isVisible()).toBe(false);
    expect(await page.locator(region(82)).getAttribute('data-drop-target')).toBe('false');
    expect(await editorText(page)).toBe(original);
    expect(await page.evaluate(() => document.querySelector('audio')?.paused ?? true)).toBe(true);

    // Without Alt a press on a word moves the cue (the label's own gesture): both times by the same amount.
    const word = await wordInLabel(page, 82, 'airflow');
    await page.mouse.move(word.x, word.y);
    await page.mouse.down();
    const step = (await xOf(page, 1)) - (await xOf(page, 0));
    for (let i = 1; i <= 4; i++) await page.mouse.move(word.x + (step * i) / 4, word.y);
    await page.mouse.up();
    const carlton = () => editorText(page).then((t) => cueOf(t!, '<v Carlton Gibson>So I used airflow'));
    await expect.poll(async () => (await carlton()).start).not.toBe(82);
    const moved = await carlton();
    expect(moved.start).toBeGreaterThan(82.5);
    expect(moved.end - moved.start).toBeCloseTo(14, 3);
    expect(app!.errors).toEqual([]);
  });
});
