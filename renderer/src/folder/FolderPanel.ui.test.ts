/**
 * File ▸ Open Folder in Chromium over the real services: a temp git repository of two
 * fixture episodes (VTT + TXT, one with its audio) is listed with figures and git
 * status; a replace across both episodes with one match unticked changes on disk exactly
 * the previewed lines of both files of each pair; a search result opens its episode at the match.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { editorText, openApp, type AppHarness } from '../../../electron/preview/harness';
import { fixture, folderWith } from '../../test/fixtures';

let app: AppHarness | null = null;
afterEach(async () => { await app?.close(); app = null; });

/** Folder jobs run in the main process, and the machine may be busy: conditions get 20 s, never a fixed sleep. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const FILES = ['515-temporal.vtt', '515-temporal.txt', '518-django-birthday.vtt', '518-django-birthday.txt'] as const;

function git(dir: string, ...args: string[]) {
  execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** Lines (1-based) where two texts of the same line count differ. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

/** 1-based lines of `text` holding `word` as a whole word (the fixtures have no markup). */
function linesWith(text: string, word: string): number[] {
  return text.split('\n').flatMap((line, i) => (new RegExp(`\\b${word}\\b`).test(line) && !line.includes('-->') ? [i + 1] : []));
}

function selectedText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as unknown as { cmTile?: { root?: { view?: { state: { sliceDoc(a: number, b: number): string; selection: { main: { from: number; to: number } } } } } } } | null;
    const state = content?.cmTile?.root?.view?.state;
    return state ? state.sliceDoc(state.selection.main.from, state.selection.main.to) : null;
  });
}

describe('episodes folder', () => {
  it('lists a git folder, replaces across two episodes with one match unticked, and opens a result at its cue', async () => {
    const { dir } = await folderWith({
      '515-temporal.vtt': fixture.vtt515, '515-temporal.txt': fixture.txt515, '515-temporal.mp3': fixture.audio515,
      '518-django-birthday.vtt': fixture.vtt518, '518-django-birthday.txt': fixture.txt518,
    }, 'cueline-folder-ui-');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'episodes');
    // A change not committed yet: git shows the TXT as modified.
    const txt515 = join(dir, '515-temporal.txt');
    await writeFile(txt515, (await readFile(txt515, 'utf8')).replace('Temporal', 'Temporal.io'));
    const before = Object.fromEntries(await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));

    app = await openApp({ dialogs: { chooseOpen: async () => null, chooseSave: async () => null, chooseFolder: async () => dir } });
    const { page } = app;
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('demo.vtt');
    await page.getByRole('menubar').getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Open Folder…' }).click();
    const panel = page.getByTestId('folder-panel');
    await panel.waitFor();
    const episodes = panel.getByTestId('folder-episode');
    await poll(() => episodes.count()).toBe(2);
    const ep515 = panel.locator('[data-episode="515-temporal"]');
    const ep518 = panel.locator('[data-episode="518-django-birthday"]');
    expect(await ep515.getByTestId('folder-file').allTextContents()).toEqual(['vtt', 'txt M', 'mp3']);
    expect(await ep518.getByTestId('folder-file').allTextContents()).toEqual(['vtt', 'txt']);
    const cues515 = before['515-temporal.vtt']!.split('\n').filter((l) => l.includes(' --> ')).length;
    await poll(() => ep515.getByTestId('folder-figures').textContent()).toMatch(new RegExp(`^2:0\\d · ${cues515} cues · \\d+ problems?$`));
    expect(await ep515.getByTestId('folder-marks').textContent()).toBe('txt modified');
    expect(await panel.locator('.folder-branch').textContent()).toBe('main');

    await panel.getByRole('searchbox', { name: 'Filter episodes' }).fill('django');
    await poll(() => episodes.count()).toBe(1);
    await panel.getByRole('searchbox', { name: 'Filter episodes' }).fill('');

    await ep515.getByRole('button').click();
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('515-temporal.vtt');

    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('searchbox', { name: 'Search in folder' }).fill('Postgres');
    await panel.getByRole('button', { name: 'Match whole word' }).click();
    await panel.getByRole('button', { name: 'Match case' }).click();
    await panel.getByRole('textbox', { name: 'Replace with' }).fill('PostgreSQL');
    await panel.getByRole('button', { name: 'Preview replace' }).click();
    const summary = panel.getByTestId('folder-summary');
    const expected = Object.fromEntries(FILES.map((f) => [f, before[f]!.match(/\bPostgres\b/g)!.length]));
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    await poll(() => summary.textContent()).toContain(`${total} matches in 4 files`);
    expect(await panel.getByTestId('folder-result-episode').count()).toBe(2);

    // Untick the 518 VTT's match on a line with no other one.
    const lines518 = linesWith(before['518-django-birthday.vtt']!, 'Postgres');
    const lone = lines518.find((l) => before['518-django-birthday.vtt']!.split('\n')[l - 1]!.match(/\bPostgres\b/g)!.length === 1)!;
    await panel.locator(`input[aria-label^="Replace at 518-django-birthday.vtt:${lone}:"]`).uncheck();
    await panel.getByRole('button', { name: `Apply ${total - 1}` }).click();
    await poll(() => page.getByTestId('messages').textContent()).toContain(`Replaced: ${total - 1} replacements in 4 files`);

    for (const f of FILES) {
      const after = await readFile(join(dir, f), 'utf8');
      const lines = linesWith(before[f]!, 'Postgres').filter((l) => !(f === '518-django-birthday.vtt' && l === lone));
      expect(changedLines(before[f]!, after), f).toEqual(lines);
      // Only the term changed, never the spaces or punctuation around it.
      const unticked = f === '518-django-birthday.vtt' ? 1 : 0;
      expect(after.match(/\bPostgreSQL\b/g)?.length ?? 0, f).toBe(expected[f]! - unticked);
      expect(after.replaceAll('PostgreSQL', 'Postgres'), f).toBe(before[f]);
    }
    // The open episode was unedited: it shows what is now on disk, and git marks every changed file.
    await poll(async () => (await editorText(page))?.includes('MySQL, PostgreSQL, or Cassandra')).toBe(true);
    await panel.getByRole('tab', { name: 'Episodes' }).click();
    await poll(() => ep518.getByTestId('folder-marks').textContent()).toBe('vtt modified, txt modified');

    // A search result opens its episode with the match selected.
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('textbox', { name: 'Replace with' }).fill('');
    await panel.getByRole('searchbox', { name: 'Search in folder' }).fill('Postgres');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => summary.textContent()).toContain('1 match in 1 file');
    await panel.getByTestId('folder-match').getByRole('button').click();
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('518-django-birthday.vtt');
    await poll(() => selectedText(page)).toBe('Postgres');
    expect(app.errors).toEqual([]);
  });

  it('edits corrections.tsv with its syntax errors, previews it over the folder with counts and near-misses, learns a variant, applies and saves', async () => {
    const { dir } = await folderWith({
      '515-temporal.vtt': fixture.vtt515, '515-temporal.txt': fixture.txt515,
      '518-django-birthday.vtt': fixture.vtt518, '518-django-birthday.txt': fixture.txt518,
      'corrections.tsv': { text: 'Postgres\tPostgreSQL\nKubernetes\tK8s\tbogus\n' },
    }, 'cueline-folder-fix-');
    // One more lowercase variant (515 has its own) in both files of a pair: near-misses of the Postgres rule.
    for (const f of ['518-django-birthday.vtt', '518-django-birthday.txt']) {
      await writeFile(join(dir, f), (await readFile(join(dir, f), 'utf8')).replace('Postgres', 'postgres'));
    }
    const before = Object.fromEntries(await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
    // A folder named on the command line opens as the folder.
    app = await openApp({ launchPaths: [dir] });
    const { page } = app;
    const panel = page.getByTestId('folder-panel');
    await poll(() => panel.getByTestId('folder-episode').count()).toBe(2);
    await panel.getByRole('tab', { name: 'Corrections' }).click();
    const rules = panel.getByRole('textbox', { name: 'corrections.tsv' });
    await poll(() => rules.inputValue()).toBe('Postgres\tPostgreSQL\nKubernetes\tK8s\tbogus\n');
    expect(await panel.getByTestId('corrections-errors').textContent()).toBe("corrections.tsv:2:16: error: unknown option 'bogus' (known: i, re, before=w1|w2, after=w1|w2)");
    expect(await panel.getByRole('button', { name: 'Preview all' }).isDisabled()).toBe(true);
    await rules.fill('Postgres\tPostgreSQL\nKubernetes\tK8s\n');
    expect(await panel.getByTestId('corrections-errors').count()).toBe(0);

    const count = (word: string) => FILES.reduce((n, f) => n + (before[f]!.match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0), 0);
    await panel.getByRole('button', { name: 'Preview all' }).click();
    const ruleRows = panel.getByTestId('corrections-rule');
    await poll(() => ruleRows.count()).toBe(2);
    expect(await ruleRows.nth(0).textContent()).toContain(`Postgres → PostgreSQL ${count('Postgres')} in the folder`);
    expect(await ruleRows.nth(1).textContent()).toContain(`Kubernetes → K8s ${count('Kubernetes')} in the folder`);
    const miss = ruleRows.nth(0).getByTestId('near-miss');
    expect(await miss.textContent()).toContain(`near-miss “postgres” (case, ${count('postgres')}×)`);
    await miss.getByRole('button', { name: 'Add rule' }).click();
    await poll(() => rules.inputValue()).toBe('Postgres\tPostgreSQL\nKubernetes\tK8s\npostgres\tPostgreSQL\n');

    await panel.getByRole('button', { name: 'Preview all' }).click();
    await poll(() => ruleRows.count()).toBe(3);
    expect(await ruleRows.nth(2).textContent()).toContain(`postgres → PostgreSQL ${count('postgres')} in the folder`);
    // What is left is the Kubernetes rule's own variant (515 says `kubernetes` once): kept as it is.
    const left = panel.getByTestId('near-miss');
    expect(await left.allTextContents()).toEqual([expect.stringContaining(`near-miss “kubernetes” (case, ${count('kubernetes')}×)`)]);
    await left.getByRole('button', { name: 'Keep' }).click();
    await poll(() => left.count()).toBe(0);
    const total = count('Postgres') + count('Kubernetes') + count('postgres');
    await panel.getByRole('button', { name: `Apply ${total}` }).click();
    await poll(() => page.getByTestId('messages').textContent()).toContain(`Replaced: ${total} replacements in 4 files`);
    for (const f of FILES) {
      const after = await readFile(join(dir, f), 'utf8');
      const lines = [...new Set([...linesWith(before[f]!, 'Postgres'), ...linesWith(before[f]!, 'postgres'), ...linesWith(before[f]!, 'Kubernetes')])].sort((a, b) => a - b);
      expect(changedLines(before[f]!, after), f).toEqual(lines);
      expect(after.replaceAll('PostgreSQL', 'Postgres').replaceAll('K8s', 'Kubernetes'), f).toBe(before[f]!.replaceAll('postgres', 'Postgres'));
    }

    await panel.getByRole('button', { name: 'Save corrections.tsv' }).click();
    await poll(() => readFile(join(dir, 'corrections.tsv'), 'utf8')).toBe('Postgres\tPostgreSQL\nKubernetes\tK8s\npostgres\tPostgreSQL\n');
    expect(app.errors).toEqual([]);
  });

  it('learns a rule from an edit in a cue and applies it to the folder', async () => {
    const { dir } = await folderWith({
      '515-temporal.vtt': fixture.vtt515, '515-temporal.txt': fixture.txt515,
      '518-django-birthday.vtt': fixture.vtt518, '518-django-birthday.txt': fixture.txt518,
    }, 'cueline-folder-learn-');
    const before = Object.fromEntries(await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
    app = await openApp({ launchPaths: [dir] });
    const { page } = app;
    const panel = page.getByTestId('folder-panel');
    await panel.locator('[data-episode="515-temporal"]').getByRole('button').click();
    await poll(() => page.locator('.toolbar-title').textContent()).toContain('515-temporal.vtt');
    // Select the first "Postgres" in the editor and type its correction over it.
    const text = (await editorText(page))!;
    const at = text.indexOf('Postgres');
    await page.locator('.cm-content').click();
    await page.evaluate(([from, to]) => {
      const content = document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: { dispatch(t: unknown): void } } } };
      content.cmTile.root.view.dispatch({ selection: { anchor: from, head: to } });
    }, [at, at + 'Postgres'.length] as const);
    await page.keyboard.type('PostgreSQL');
    const offer = panel.getByTestId('folder-offer');
    const count = (f: string) => before[f]!.match(/\bPostgres\b/g)!.length;
    const inFolder = count('518-django-birthday.vtt') + count('518-django-birthday.txt');
    await poll(() => offer.textContent()).toContain(
      `Add “Postgres → PostgreSQL” to corrections.tsv, and fix ${count('515-temporal.vtt') - 1} more in this episode and ${inFolder} in the folder.`);
    await offer.getByRole('button', { name: 'Add and preview' }).click();

    // The episode is fixed in the editor (one edit), the rule saved, the folder previewed.
    await poll(async () => (await editorText(page))!.match(/\bPostgres\b/g)).toBeNull();
    await poll(() => readFile(join(dir, 'corrections.tsv'), 'utf8')).toBe('Postgres\tPostgreSQL\n');
    const apply = panel.getByRole('button', { name: /^Apply \d+$/ });
    await apply.waitFor();
    await apply.click();
    await poll(() => page.getByTestId('messages').textContent()).toContain(`Replaced: ${inFolder} replacements in 2 files`);
    // The open episode has unsaved changes: its files are left to Save.
    expect(await page.getByTestId('messages').textContent()).toContain('515-temporal.vtt: has unsaved changes in the editor; not changed.');
    for (const f of ['518-django-birthday.vtt', '518-django-birthday.txt']) {
      const after = await readFile(join(dir, f), 'utf8');
      expect(changedLines(before[f]!, after), f).toEqual(linesWith(before[f]!, 'Postgres'));
      expect(after.replaceAll('PostgreSQL', 'Postgres')).toBe(before[f]);
    }
    expect(await readFile(join(dir, '515-temporal.vtt'), 'utf8')).toBe(before['515-temporal.vtt']);
    await page.keyboard.press('Control+s');
    await poll(() => readFile(join(dir, '515-temporal.vtt'), 'utf8')).toBe(before['515-temporal.vtt']!.replace(/\bPostgres\b/g, 'PostgreSQL'));
    await poll(() => readFile(join(dir, '515-temporal.txt'), 'utf8')).toBe(before['515-temporal.txt']!.replace(/\bPostgres\b/g, 'PostgreSQL'));
    expect(app.errors).toEqual([]);
  });
});
