/**
 * Edit ▸ Clean and Correct in real Chromium with the real services: the corrections.tsv
 * beside a paired episode is previewed, applied as one undo step, and saving writes the
 * same fixes into the VTT and its TXT partner.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorText, openApp, type AppHarness } from '../../electron/preview/harness';
import { fixture } from '../test/fixtures';

const TALKPYTHON = fixture.talkpython;
let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

describe('clean and correct', () => {
  it('previews the corrections list, applies the accepted changes in one undo step, and saves both files of the pair', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-clean-'));
    for (const ext of ['vtt', 'txt']) await copyFile(join(TALKPYTHON, `515-temporal.${ext}`), join(dir, `515-temporal.${ext}`));
    await writeFile(join(dir, 'corrections.tsv'), '# names\nMichael Kennedy\tMichael C. Kennedy\nTemporal\tTemporal\n');
    const vttBefore = await readFile(join(dir, '515-temporal.vtt'), 'utf8');
    const txtBefore = await readFile(join(dir, '515-temporal.txt'), 'utf8');
    const occurrences = vttBefore.split('Michael Kennedy').length - 1;
    expect(occurrences).toBe(2);

    app = await openApp({ launchPaths: [join(dir, '515-temporal.vtt')] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: 'Clean…' }).click();
    const panel = page.getByTestId('clean-panel');
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('clean-summary').textContent()).toContain(`${occurrences} changes, ${occurrences} accepted`);
    expect(await panel.getByRole('textbox', { name: 'Correction rules' }).inputValue()).toContain('Michael Kennedy');

    // Fillers too, then reject the first correction.
    await panel.getByLabel('Remove fillers (um, uh…)').check();
    const withFillers = Number((await page.getByTestId('clean-summary').textContent())!.split(' ')[0]);
    expect(withFillers).toBeGreaterThan(occurrences);
    await panel.getByLabel('Remove fillers (um, uh…)').uncheck();
    await panel.getByLabel('Accept change 1').uncheck();
    await expect.poll(() => page.getByTestId('clean-summary').textContent()).toContain(`${occurrences} changes, ${occurrences - 1} accepted`);
    await panel.getByRole('button', { name: `Apply ${occurrences - 1}` }).click();
    const applied = (await editorText(page))!;
    expect(applied.split('Michael C. Kennedy').length - 1).toBe(occurrences - 1);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toBe(vttBefore);
    await page.keyboard.press('Control+Shift+z');
    expect(await editorText(page)).toBe(applied);

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('messages').textContent()).toContain('Saved');
    const vttAfter = await readFile(join(dir, '515-temporal.vtt'), 'utf8');
    const txtAfter = await readFile(join(dir, '515-temporal.txt'), 'utf8');
    expect(vttAfter).toBe(applied);
    const changed = (a: string, b: string) => a.split('\n').flatMap((l, i) => (l === b.split('\n')[i] ? [] : [l]));
    expect(changed(vttBefore, vttAfter)).toHaveLength(occurrences - 1);
    expect(changed(txtBefore, txtAfter)).toHaveLength(occurrences - 1);
    expect(txtAfter.split('Michael C. Kennedy').length - 1).toBe(occurrences - 1);
    expect(app.errors).toEqual([]);
  });

  it('offers a repetition that may be meant ("long, long time") unticked, and a stutter ("the, the") ticked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cueline-clean-'));
    const file = join(dir, 'episode.vtt');
    await writeFile(file, 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nIt was a long, long time ago.\n\n00:00:05.000 --> 00:00:08.000\nI think the, the answer is yes.\n');
    app = await openApp({ launchPaths: [file] });
    const { page } = app;
    await page.locator('.cm-content').waitFor();
    await page.getByRole('button', { name: 'Clean…' }).click();
    const panel = page.getByTestId('clean-panel');
    await panel.getByLabel('Collapse stutters (the, the)').check();
    await expect.poll(() => page.getByTestId('clean-summary').textContent()).toContain('2 changes, 1 accepted');
    const item = (text: string) => panel.getByTestId('clean-list').locator('li', { hasText: text }).getByRole('checkbox');
    expect(await item('long time ago').isChecked()).toBe(false);
    expect(await item('answer is yes').isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Apply 1' }).click();
    expect(await editorText(page)).toContain('It was a long, long time ago.\n');
    expect(await editorText(page)).toContain('I think the answer is yes.\n');
  });
});
