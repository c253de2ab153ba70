/**
 * Speakers beyond the editor, in real Chromium with the real services: cue regions on
 * the waveform carry their speaker's colour (the same as the editor's speaker label),
 * and setting the speaker of the selected cues from the panel recolours them, as one
 * undo step. Needs `npm run build` first (`npm test` does it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { speakerColour } from '../../../shared/speakers/colour';
import { fixture, folderWith } from '../../test/fixtures';

let app: AppHarness | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const LONG = 'and a sentence long enough that this reads as a transcript rather than a subtitle';
const VTT = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', `<v Ann>Hello ${LONG}`, '', '00:00:04.000 --> 00:00:08.000', `<v Bob>Hi ${LONG}`, '', '00:00:08.000 --> 00:00:12.000', `<v Ann>Yes ${LONG}`, ''].join('\n');

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** Each drawn region's speaker and the colour of its band. */
function regionSpeakers(page: Page): Promise<{ speaker: string; shadow: string }[]> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="waveform"] div') as HTMLElement & { shadowRoot: ShadowRoot | null };
    return [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[data-testid="cue-region"]') ?? [])]
      .filter((r) => r.style.display !== 'none')
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((r) => ({ speaker: r.dataset.speaker ?? '', shadow: r.style.boxShadow }));
  });
}

describe('speaker colours', () => {
  it('colours waveform regions by speaker, as the editor labels; Set on the selected cues and Merge recolour them; undo restores', async () => {
    const { path } = await folderWith({ 'ep.vtt': { text: VTT }, 'ep.mp3': fixture.audio515 }, 'cueline-speakers-');
    app = await openApp({ launchPaths: [path['ep.vtt']!] });
    const { page } = app;
    await page.locator('.cm-tv-chip').first().waitFor();
    await expect.poll(() => regionSpeakers(page), { timeout: 30_000 }).toHaveLength(3);
    const drawn = await regionSpeakers(page);
    expect(drawn.map((r) => r.speaker)).toEqual(['Ann', 'Bob', 'Ann']);
    for (const r of drawn) expect(r.shadow).toContain(rgb(speakerColour(r.speaker)));
    const label = await page.locator('.cm-tv-speaker', { hasText: 'Bob' }).evaluate((el) => getComputedStyle(el).color);
    expect(label).toBe(rgb(speakerColour('Bob')));

    // Select from the first cue's text into the second's, and make both Bob's.
    await page.evaluate(() => {
      type View = { state: { sliceDoc(): string }; dispatch(spec: unknown): void };
      const view = (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: View } } }).cmTile.root.view;
      const text = view.state.sliceDoc();
      view.dispatch({ selection: { anchor: text.indexOf('Hello'), head: text.indexOf('Hi ') + 1 } });
    });
    await page.locator('[data-testid="speaker"][data-name="Bob"]').getByRole('button', { name: 'Set' }).click();
    await expect.poll(async () => (await regionSpeakers(page)).map((r) => r.speaker)).toEqual(['Bob', 'Bob', 'Ann']);
    expect((await editorText(page))!.split('\n').filter((l) => l.startsWith('<v '))).toEqual([`<v Bob>Hello ${LONG}`, `<v Bob>Hi ${LONG}`, `<v Ann>Yes ${LONG}`]);
    await expect.poll(() => page.locator('[data-testid="speaker"]').evaluateAll((els) => els.map((e) => e.textContent?.match(/^(.*?)(\d+) cues/)?.slice(1)))).toEqual([['Bob', '2'], ['Ann', '1']]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(VTT);

    // Merge Ann into Bob: every turn is Bob's, one speaker is left; one undo step again.
    await page.getByLabel('Merge Ann into').selectOption('Bob');
    await expect.poll(async () => (await regionSpeakers(page)).map((r) => r.speaker)).toEqual(['Bob', 'Bob', 'Bob']);
    await expect.poll(() => page.locator('[data-testid="speaker"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(['Bob']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).toBe(VTT);
    expect(app.errors).toEqual([]);
  });
});
