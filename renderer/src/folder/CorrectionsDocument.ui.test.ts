/**
 * corrections.tsv as a document in the editor: opened from the folder's Corrections tab
 * and by File ▸ Open, typed in with Tab between fields, its syntax error shown at its
 * line:col as a lint diagnostic and fixed, saved (Ctrl+S, written to disk) and undone;
 * the Corrections panel then previews the saved rules, with the new rule's count.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { fixture, folderWith } from '../../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

/** Folder jobs run in the main process and the machine may be busy: conditions get 20 s, never a fixed sleep. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const FILES = ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt'] as const;
const RULES = 'Postgres\tPostgreSQL\n';

describe('corrections.tsv as a document', () => {
  it('opens from the Corrections tab, shows a bad rule at its line:col, saves the fixed list, and the panel counts the saved rules', async () => {
    const { dir } = await folderWith({
      '515-temporal.vtt': fixture.vtt515, '515-temporal.txt': fixture.txt515,
      '518-django-birthday.vtt': fixture.vtt518, '518-django-birthday.txt': fixture.txt518,
      'corrections.tsv': { text: RULES },
    }, 'cueline-corrections-doc-');
    const texts = await Promise.all(FILES.map((f) => readFile(join(dir, f), 'utf8')));
    const count = (word: string) => texts.reduce((n, t) => n + (t.match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0), 0);
    app = await openApp({ launchPaths: [dir] });
    const { page } = app;
    const panel = page.getByTestId('folder-panel');
    await poll(() => panel.getByTestId('folder-episode').count()).toBe(2);
    await panel.getByRole('tab', { name: 'Corrections' }).click();
    await panel.getByRole('button', { name: 'Preview all' }).click();
    const ruleRows = panel.getByTestId('corrections-rule');
    await poll(() => ruleRows.allTextContents()).toEqual([expect.stringContaining(`Postgres → PostgreSQL ${count('Postgres')} in the folder`)]);

    await panel.getByRole('button', { name: 'Open in the editor' }).click();
    const editor = page.getByTestId('corrections-editor');
    await editor.waitFor();
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('corrections.tsv');
    expect(await editorText(page)).toBe(RULES);
    const content = editor.locator('.cm-content');
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Kubernetes');
    await page.keyboard.press('Tab');
    await page.keyboard.type('K8s');
    await page.keyboard.press('Tab');
    await page.keyboard.type('bogus');
    const errors = page.getByTestId('corrections-document-errors');
    await poll(() => errors.textContent()).toBe("corrections.tsv:2:16: error: unknown option 'bogus' (known: i, re, before=w1|w2, after=w1|w2)");
    // The same error is marked in the text, where it is.
    await poll(() => editor.locator('.cm-lintRange-error').count()).toBe(1);
    expect(await editor.locator('.cm-lintRange-error').textContent()).toBe('b');
    await poll(() => page.title()).toBe('• corrections.tsv — Cueline');
    for (let i = 0; i < '\tbogus'.length; i++) await page.keyboard.press('Backspace');
    await poll(() => errors.locator('li').count()).toBe(0);
    expect(await editor.locator('.cm-lintRange-error').count()).toBe(0);

    await page.keyboard.press('Control+S');
    await poll(() => readFile(join(dir, 'corrections.tsv'), 'utf8')).toBe(`${RULES}Kubernetes\tK8s`);
    await poll(() => page.title()).toBe('corrections.tsv — Cueline');
    // The panel now previews the saved list: the new rule with its count across the folder.
    await poll(() => ruleRows.allTextContents()).toEqual([
      expect.stringContaining(`Postgres → PostgreSQL ${count('Postgres')} in the folder`),
      expect.stringContaining(`Kubernetes → K8s ${count('Kubernetes')} in the folder`),
    ]);
    expect(await panel.getByRole('textbox', { name: 'corrections.tsv' }).inputValue()).toBe(`${RULES}Kubernetes\tK8s`);

    // Undo takes the typing back (the document is unsaved again); the file stays as saved.
    for (let i = 0; i < 10 && (await editorText(page)) !== RULES; i++) await page.keyboard.press('Control+Z');
    expect(await editorText(page)).toBe(RULES);
    await poll(() => page.title()).toBe('• corrections.tsv — Cueline');
    expect(await readFile(join(dir, 'corrections.tsv'), 'utf8')).toBe(`${RULES}Kubernetes\tK8s`);
    expect(app.errors).toEqual([]);
  });

  it('opens by File ▸ Open as a list (no audio, no partner), while a WebVTT named .tsv stays a transcript', async () => {
    const { path } = await folderWith({ 'corrections.tsv': { text: 'Matt McKay\tMatt Makai\nrough\truff\tbefore=install|uvx\n' }, 'captions.tsv': fixture.vtt518 }, 'cueline-corrections-open-');
    let next = path['corrections.tsv']!;
    app = await openApp({ dialogs: { chooseOpen: async () => next, chooseSave: async () => null } });
    const { page } = app;
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('demo.vtt');
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByTestId('corrections-editor').waitFor();
    expect(await editorText(page)).toBe('Matt McKay\tMatt Makai\nrough\truff\tbefore=install|uvx\n');
    await poll(() => page.getByTestId('messages').textContent()).toContain('corrections.tsv: a corrections list of 2 rules.');
    expect(await page.getByTestId('messages').textContent()).not.toContain('No audio beside');
    expect(await page.getByTestId('waveform-empty').count()).toBe(1);
    // Edit ▸ Undo in the menu bar acts on the list too: Alt, Right (Edit), Down (Undo), Enter.
    await page.getByTestId('corrections-editor').locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Postgres\tPostgreSQL');
    expect(await editorText(page)).toBe('Matt McKay\tMatt Makai\nrough\truff\tbefore=install|uvx\nPostgres\tPostgreSQL');
    for (let i = 0; i < 5 && (await editorText(page))!.includes('Postgres'); i++) {
      for (const key of ['Alt', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Undo');
      await page.keyboard.press('Enter');
    }
    expect(await editorText(page)).toBe('Matt McKay\tMatt Makai\nrough\truff\tbefore=install|uvx\n');

    next = path['captions.tsv']!;
    await page.getByRole('button', { name: 'Open…' }).click();
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('captions.tsv');
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('corrections-editor').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
