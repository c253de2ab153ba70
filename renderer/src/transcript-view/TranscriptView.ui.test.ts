/**
 * The transcript view and the Speakers panel in real Chromium with the real services,
 * on the Otter fixture (imported from TXT): chips and speaker labels instead of WebVTT
 * markup, one command fixing the 0:14/0:19 turn offset, renaming Will Vincent in
 * exactly his 37 blocks, undo restoring everything, Enter and Backspace keeping the
 * structure, and the raw view toggle. Needs `npm run build` first (`npm test` does it).
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { toEditorSource } from '../../../shared/formats/episode';
import { fixture, folderWith, tempDir } from '../../test/fixtures';

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

async function openOtter(): Promise<{ page: Page; original: string }> {
  const { path } = await folderWith({ 'otter.txt': `${fixture.pages}/djangochat-dev-environments-otter.txt` }, 'cueline-tv-');
  app = await openApp({ launchPaths: [path['otter.txt']!] });
  const { page } = app;
  await page.locator('.cm-tv-chip').first().waitFor();
  return { page, original: (await editorText(page))! };
}

/** Puts the cursor at the first occurrence of `text` in the document (as a click there would). */
async function cursorAt(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    type View = { state: { sliceDoc(): string }; dispatch(spec: unknown): void; focus(): void };
    const view = (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } }).cmTile.root.view;
    view.dispatch({ selection: { anchor: view.state.sliceDoc().indexOf(needle) }, scrollIntoView: true });
    view.focus();
  }, text);
}

const cueLines = (text: string) => text.split('\n').filter((l) => l.startsWith('<v '));

describe('transcript view (Otter fixture)', () => {
  it('shows timing chips and coloured speaker labels, not WebVTT markup; the panel counts each speaker', async () => {
    const { page } = await openOtter();
    await expect.poll(() => page.locator('.cm-tv-chip').first().textContent()).toBe('00:06.00 · 6.0 s');
    const label = page.locator('.cm-tv-speaker', { hasText: 'Will Vincent' }).first();
    await expect.poll(() => label.isVisible()).toBe(true);
    const [labelColour, textColour] = await label.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('.cm-line')!).color]);
    expect(labelColour).not.toBe(textColour);
    // No visible line shows a timing line or a voice tag.
    const visible = await page.locator('.cm-line').allTextContents();
    expect(visible.some((l) => l.includes('-->') || l.includes('<v '))).toBe(false);
    await expect.poll(() => page.locator('[data-testid="speaker"]').evaluateAll((els) => els.map((e) => e.textContent?.match(/^(.*?)(\d+) cues/)?.slice(1)))).toEqual([
      ['Will Vincent', '37'],
      ['Carlton Gibson', '39'],
      ['Calvin Hendryx-Parker', '53'],
    ]);
    // The line under the cursor shows its raw markup (live preview); the others stay clean.
    await cursorAt(page, 'Hello Will.');
    await expect.poll(async () => (await page.locator('.cm-line').allTextContents()).filter((l) => l.includes('<v '))).toEqual([expect.stringContaining('<v Carlton Gibson>Hello Will.')]);
    expect(app!.errors).toEqual([]);
  });

  it('shows character references as their characters, outside the cursor line', async () => {
    const { path } = await folderWith({ 'amp.vtt': { text: 'WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Ann>Salt &amp; pepper, 3 &lt; 4, sure, and a long line to make it a transcript cue that is over forty-two characters\n\n00:00:05.000 --> 00:00:09.000\n<v Bob>Yes, and another long line so that most cues are longer than a subtitle line would be\n' } }, 'cueline-tv-');
    app = await openApp({ launchPaths: [path['amp.vtt']!] });
    const { page } = app;
    await page.locator('.cm-tv-chip').first().waitFor();
    await cursorAt(page, 'Yes, and');
    await expect.poll(async () => (await page.locator('.cm-line').allTextContents())[0]).toMatch(/^00:01\.00 · 4\.0 sAnnSalt & pepper, 3 < 4, sure/);
  });

  it('a click on a chip edits the times inline: only that timing line changes; a bad time is refused and says why', async () => {
    const { page, original } = await openOtter();
    await page.locator('.cm-tv-chip').nth(1).click();
    const input = page.getByLabel('Cue times (start --> end)');
    await expect.poll(() => input.inputValue()).toBe('00:00:12.000 --> 00:00:14.000');
    await input.fill('00:00:12.000 --> 00:00:99.000');
    await input.press('Enter');
    await expect.poll(() => input.getAttribute('title')).toMatch(/Write the times as/);
    await input.fill('00:00:11.500 --> 00:00:13.250');
    await input.press('Enter');
    await expect.poll(() => page.locator('.cm-tv-chip').nth(1).textContent()).toBe('00:11.50 · 1.8 s');
    const before = original.split('\n');
    const changed = (await editorText(page))!.split('\n').filter((l, i) => l !== before[i]);
    expect(changed).toEqual(['00:00:11.500 --> 00:00:13.250']);
  });

  it('typing in a cue redraws its chip in place (new characters per second); the chip then still edits that cue\u2019s times', async () => {
    const { page } = await openOtter();
    const chip = page.locator('.cm-tv-chip').nth(1);
    const before = (await chip.getAttribute('title'))!;
    await chip.evaluate((el) => { (el as HTMLElement & { marked?: boolean }).marked = true; });
    await cursorAt(page, '\n\n00:00:14.000');
    await page.keyboard.type(' Yes, hello there.');
    await expect.poll(() => editorText(page)).toContain('<v Carlton Gibson>Hello Will. Yes, hello there.\n');
    await expect.poll(() => chip.getAttribute('title')).not.toBe(before);
    expect(await chip.getAttribute('title')).toMatch(/^00:00:12\.000 --> 00:00:14\.000\n2\.00 s · 14\.5 cps/);
    // The same element, updated (not replaced), and its click edits this cue.
    expect(await chip.evaluate((el) => (el as HTMLElement & { marked?: boolean }).marked)).toBe(true);
    await chip.click();
    await expect.poll(() => page.getByLabel('Cue times (start --> end)').inputValue()).toBe('00:00:12.000 --> 00:00:14.000');
    expect(app!.errors).toEqual([]);
  });

  it('one command moves "Hey, well, hey, Carlton," from Will at 0:14 to Calvin at 0:19, with the times; undo restores', async () => {
    const { page, original } = await openOtter();
    await cursorAt(page, 'Hey, well, hey, Carlton,');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    const after = (await editorText(page))!;
    expect(cueLines(after).slice(2, 4)).toEqual([
      "<v Will Vincent>And we're very pleased to welcome Calvin Hendryx-Parker back on to the show. Welcome, Calvin.",
      "<v Calvin Hendryx-Parker>Hey, well, hey, Carlton, how's it going?",
    ]);
    const timings = after.split('\n').filter((l) => l.includes('-->')).slice(2, 4);
    expect(timings[0]!.slice(0, 16)).toBe('00:00:14.000 -->');
    expect(timings[1]!.endsWith('--> 00:00:20.000')).toBe(true);
    // The boundary moved back from 0:19 to where the words start (in proportion to the characters).
    expect(timings[0]!.slice(17)).toBe(timings[1]!.slice(0, 12));
    // Calvin's cue (the fourth) shows its new start on its chip.
    await expect.poll(() => page.locator('.cm-tv-chip').nth(3).textContent()).toMatch(/^00:1[78]\.\d\d · /);
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);
  });

  it('renaming Will Vincent in the panel changes exactly his 37 blocks, as one undo step', async () => {
    const { page, original } = await openOtter();
    const will = page.locator('[data-testid="speaker"][data-name="Will Vincent"]');
    await will.getByRole('button', { name: 'Rename' }).click();
    const input = page.getByLabel('New name for Will Vincent');
    await input.fill('William Vincent');
    await input.press('Enter');
    const after = (await editorText(page))!;
    const before = original.split('\n');
    const changed = after.split('\n').filter((l, i) => l !== before[i]);
    expect(changed).toHaveLength(37);
    expect(changed.every((l) => l.startsWith('<v William Vincent>'))).toBe(true);
    await expect.poll(() => page.locator('[data-testid="speaker"]').first().getAttribute('data-name')).toBe('William Vincent');
    await expect.poll(() => page.locator('.cm-tv-speaker', { hasText: 'William Vincent' }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);
    await expect.poll(() => page.locator('[data-testid="speaker"]').first().getAttribute('data-name')).toBe('Will Vincent');
  });

  it('renaming a speaker of a VTT paired with its Otter TXT: Save renames him in both files, exactly on his lines', async () => {
    const otter = await readFile(`${fixture.pages}/djangochat-dev-environments-otter.txt`, 'utf8');
    // The VTT as `cli convert otter.txt --to vtt` writes it, beside the Otter TXT it came from.
    const vtt = toEditorSource(otter, 'otter.txt').vtt;
    const { path } = await folderWith({ 'episode.vtt': { text: vtt }, 'episode.txt': { text: otter } }, 'cueline-tv-pair-');
    app = await openApp({ launchPaths: [path['episode.vtt']!] });
    const { page } = app;
    await page.locator('.cm-tv-chip').first().waitFor();
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Paired episode.vtt with episode.txt: 129 TXT entries from 129 cues');
    await page.locator('[data-testid="speaker"][data-name="Will Vincent"]').getByRole('button', { name: 'Rename' }).click();
    const input = page.getByLabel('New name for Will Vincent');
    await input.fill('William Vincent');
    await input.press('Enter');
    await expect.poll(() => page.locator('[data-testid="speaker"]').first().getAttribute('data-name')).toBe('William Vincent');
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Saved');
    const changed = (before: string, after: string) => {
      const was = before.split('\n');
      expect(after.split('\n')).toHaveLength(was.length);
      return after.split('\n').flatMap((l, i) => (l === was[i] ? [] : [[was[i]!, l]]));
    };
    const vttChanges = changed(vtt, await readFile(path['episode.vtt']!, 'utf8'));
    expect(vttChanges).toHaveLength(37);
    for (const [was, now] of vttChanges) expect(now).toBe(was!.replace('<v Will Vincent>', '<v William Vincent>'));
    const txtChanges = changed(otter, await readFile(path['episode.txt']!, 'utf8'));
    expect(txtChanges).toHaveLength(37);
    for (const [was, now] of txtChanges) {
      expect(was).toMatch(/^Will Vincent \d+:\d\d$/);
      expect(now).toBe(was!.replace('Will Vincent', 'William Vincent'));
    }
    expect(app.errors).toEqual([]);
  });

  it('Enter at the end of a cue starts a new cue after it (no room: as short as WebVTT allows); Backspace at its start merges it back; the raw view toggle (button or Ctrl+Alt+R) shows the markup', async () => {
    const { page, original } = await openOtter();
    await cursorAt(page, '\n\n00:00:14.000');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Yes, hello.');
    // Typed text reaches the document through the DOM observer: wait for it.
    await expect.poll(() => editorText(page)).toContain('<v Carlton Gibson>Hello Will.\n\n00:00:14.000 --> 00:00:14.001\nYes, hello.\n\n00:00:14.000 --> 00:00:19.000\n');
    for (let i = 0; i < 'Yes, hello.'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorText(page)).toContain('<v Carlton Gibson>Hello Will. Yes, hello.\n\n00:00:14.000 --> 00:00:19.000\n');

    await page.getByRole('button', { name: 'Transcript view' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Transcript view' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('.cm-tv-chip').count()).toBe(0);
    await expect.poll(async () => (await page.locator('.cm-line').allTextContents()).some((l) => l.startsWith('<v Will Vincent>'))).toBe(true);
    // The key toggles back, and the panel's button follows.
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Alt+r');
    await expect.poll(() => page.getByRole('button', { name: 'Transcript view' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.cm-tv-chip').count()).toBeGreaterThan(0);
    // The document did not change with the view, and undo still works across the toggle.
    await page.locator('.cm-content').focus();
    for (let i = 0; i < 8 && (await editorText(page)) !== original; i++) await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(original);
    expect(app!.errors).toEqual([]);
  });
});

describe('transcript view (a long file)', () => {
  /** 1,000 cues, two speakers: past the blocks the view decorates on open (it adds the rest just after the first frame). */
  const LONG = (() => {
    const ts = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${(s % 60).toFixed(3).padStart(6, '0')}`;
    const cues = Array.from({ length: 1000 }, (_, i) => `${ts(i)} --> ${ts(i + 0.9)}\n<v ${i % 5 < 2 ? 'Ann' : 'Bob'}>Cue ${i + 1} is a sentence of a transcript, long enough to read as prose.`);
    return `WEBVTT\n\n${cues.join('\n\n')}\n`;
  })();
  const timingLines = (text: string) => text.split('\n').filter((l) => l.includes('-->'));
  /** Cue texts that end with `tail`, by cue number. */
  const endingWith = (text: string, tail: string) => text.split('\n').flatMap((l) => (l.endsWith(tail) ? [Number(/Cue (\d+) /.exec(l)?.[1])] : []));
  /** The end of the visible line nearest the scroller's middle, as a click there puts the cursor. */
  async function clickMiddleLineEnd(page: Page): Promise<void> {
    const box = await page.evaluate(() => {
      const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
      const middle = (scroller.top + scroller.bottom) / 2;
      const line = [...document.querySelectorAll('.cm-line')].map((l) => l.getBoundingClientRect()).find((r) => r.top <= middle && r.bottom >= middle)!;
      return { x: line.right - 3, y: line.top + line.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
  }

  it('scrolled to its middle at once, typed in, moved across a collapsed block and sent to its end: never a timing line on screen, the text lands in the cue', async () => {
    const { path } = await folderWith({ 'long.vtt': { text: LONG } }, 'cueline-tv-long-');
    app = await openApp({ launchPaths: [path['long.vtt']!] });
    const { page } = app;
    // From the page's first frame on: a line drawn with a timing line's text (a raw lead the view did not replace).
    await page.addInitScript(() => {
      const w = window as unknown as { __rawLine: string | null };
      w.__rawLine = null;
      new MutationObserver(() => {
        if (w.__rawLine) return;
        for (const line of document.querySelectorAll('.cm-transcript-view .cm-line')) if (line.textContent?.includes('-->')) w.__rawLine = line.textContent;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.locator('.cm-tv-chip').first().waitFor();
    await page.locator('.cm-scroller').evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    // Scrolled there before anything else: the lines there show as prose, each behind its chip.
    await expect.poll(() => page.locator('.cm-line', { hasText: 'Cue 5' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.cm-line', { hasText: 'Cue 5' }).first().locator('.cm-tv-chip').count()).toBe(1);
    await clickMiddleLineEnd(page);
    await page.keyboard.type(' Y');
    await expect.poll(async () => endingWith((await editorText(page))!, ' Y').length).toBe(1);
    const [typedIn] = endingWith((await editorText(page))!, ' Y');
    expect(typedIn).toBeGreaterThan(300);
    expect(typedIn).toBeLessThan(800);
    expect(await page.locator('.cm-line', { hasText: `Cue ${typedIn} is` }).textContent()).toMatch(/ prose\. Y$/);
    // Down from the end of that cue's text crosses the next cue's hidden timing line into its text.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' X');
    await expect.poll(async () => endingWith((await editorText(page))!, ' X')).toEqual([typedIn! + 1]);

    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type(' Z');
    await expect.poll(() => editorText(page)).toContain('Cue 1000 is a sentence of a transcript, long enough to read as prose. Z\n');
    await expect.poll(() => page.locator('.cm-tv-chip', { hasText: '16:39.00 · 0.9 s' }).isVisible()).toBe(true);
    // The cursor's line shows its markup (live preview), behind the chip.
    expect(await page.locator('.cm-line', { hasText: 'Cue 1000 is' }).textContent()).toMatch(/^16:39\.00 · 0\.9 s<v Bob>Cue 1000 is .* prose\. Z$/);

    const text = (await editorText(page))!;
    expect(timingLines(text)).toEqual(timingLines(LONG));
    expect(await page.evaluate(() => (window as unknown as { __rawLine: string | null }).__rawLine)).toBeNull();
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+Alt+R in the middle of the file keeps the same cues in view, both ways', async () => {
    const { path } = await folderWith({ 'long.vtt': { text: LONG } }, 'cueline-tv-long-');
    app = await openApp({ launchPaths: [path['long.vtt']!] });
    const { page } = app;
    await page.locator('.cm-tv-chip').first().waitFor();
    /** The cue numbers on screen. */
    const shown = () => page.evaluate(() => {
      const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
      return [...document.querySelectorAll('.cm-line')]
        .filter((l) => { const r = l.getBoundingClientRect(); return r.bottom > scroller.top && r.top < scroller.bottom; })
        .flatMap((l) => { const m = /Cue (\d+) is/.exec(l.textContent ?? ''); return m ? [Number(m[1])] : []; });
    });
    await page.locator('.cm-scroller').evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(3);
    const before = await shown();
    await clickMiddleLineEnd(page);
    const middle = before[Math.floor(before.length / 2)]!;
    await page.keyboard.press('Control+Alt+r');
    await page.locator('.cm-editor:not(.cm-transcript-view)').waitFor();
    // The raw view's lines are three to a cue, so fewer cues fit; the one clicked is among them.
    await expect.poll(async () => { const now = await shown(); return now.length > 0 && Math.min(...now) <= middle + 1 && Math.max(...now) >= middle - 1; }).toBe(true);
    await page.keyboard.press('Control+Alt+r');
    await page.locator('.cm-editor.cm-transcript-view').waitFor();
    await expect.poll(async () => { const now = await shown(); return now.includes(middle); }).toBe(true);
    expect(app.errors).toEqual([]);
  });
});

describe('the view choice', () => {
  const settingsIn = async (dataDir: string) => JSON.parse(await readFile(`${dataDir}/settings.json`, 'utf8').catch(() => '{}')) as { editor?: { view?: string } };
  const viewItem = async (page: Page) => {
    await page.getByRole('menuitem', { name: 'View', exact: true }).click();
    return page.getByRole('menuitemcheckbox', { name: 'Transcript View' });
  };

  it('View ▸ Transcript View toggles it; the choice is in settings.json, a new window opens in it, and the key still toggles', async () => {
    const dataDir = await tempDir('cueline-tv-settings-');
    const { path } = await folderWith({ 'otter.txt': `${fixture.pages}/djangochat-dev-environments-otter.txt` }, 'cueline-tv-');
    app = await openApp({ launchPaths: [path['otter.txt']!], dataDir });
    let page = app.page;
    await page.locator('.cm-tv-chip').first().waitFor();
    let item = await viewItem(page);
    expect(await item.getAttribute('aria-checked')).toBe('true');
    await item.click();
    await expect.poll(() => page.locator('.cm-tv-chip').count()).toBe(0);
    await expect.poll(async () => (await page.locator('.cm-line').allTextContents()).some((l) => l.includes(' --> '))).toBe(true);
    await expect.poll(async () => (await settingsIn(dataDir)).editor?.view).toBe('raw');
    expect(await page.evaluate(() => localStorage.getItem('cueline.editorView'))).toBeNull();

    await app.close();
    app = await openApp({ launchPaths: [path['otter.txt']!], dataDir });
    page = app.page;
    await expect.poll(async () => (await page.locator('.cm-line').allTextContents()).some((l) => l.startsWith('<v Will Vincent>'))).toBe(true);
    expect(await page.locator('.cm-tv-chip').count()).toBe(0);
    item = await viewItem(page);
    expect(await item.getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('Escape');
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Alt+r');
    await expect.poll(() => page.locator('.cm-tv-chip').count()).toBeGreaterThan(0);
    await expect.poll(async () => (await settingsIn(dataDir)).editor?.view).toBe('transcript');
    expect(await (await viewItem(page)).getAttribute('aria-checked')).toBe('true');
    expect(app.errors).toEqual([]);
  });

  it('a choice an older build left in localStorage moves into settings.json once', async () => {
    const dataDir = await tempDir('cueline-tv-settings-');
    const { path } = await folderWith({ 'otter.txt': `${fixture.pages}/djangochat-dev-environments-otter.txt` }, 'cueline-tv-');
    app = await openApp({ launchPaths: [path['otter.txt']!], dataDir });
    const { page } = app;
    await page.locator('.cm-tv-chip').first().waitFor();
    expect((await settingsIn(dataDir)).editor?.view).toBeUndefined();
    await page.evaluate(() => localStorage.setItem('cueline.editorView', 'raw'));
    await page.reload();
    await expect.poll(async () => (await settingsIn(dataDir)).editor?.view).toBe('raw');
    await expect.poll(async () => (await page.locator('.cm-line').allTextContents()).some((l) => l.startsWith('<v Will Vincent>'))).toBe(true);
    expect(await page.locator('.cm-tv-chip').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('cueline.editorView'))).toBeNull();
    expect(app.errors).toEqual([]);
  });
});
